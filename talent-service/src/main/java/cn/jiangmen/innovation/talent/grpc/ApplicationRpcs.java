package cn.jiangmen.innovation.talent.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationDetail;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.FieldError;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationSummaryRequest;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationSummaryResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesResponse;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.SubmitApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SubmitApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.WithdrawApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.WithdrawApplicationResponse;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.talent.application.ApplicationCommands;
import cn.jiangmen.innovation.talent.application.ApplicationQueries;
import cn.jiangmen.innovation.talent.application.AttachmentService;
import cn.jiangmen.innovation.talent.domain.ApplicantNotice;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.CallId;
import cn.jiangmen.innovation.talent.domain.TalentApplication;

import org.springframework.stereotype.Component;

/** The applicant's side of an application: list, read, draft, save, submit, withdraw, notices. */
@Component
class ApplicationRpcs {

	private final ApplicationQueries queries;

	private final ApplicationCommands commands;

	private final AttachmentService attachments;

	ApplicationRpcs(ApplicationQueries queries, ApplicationCommands commands, AttachmentService attachments) {
		this.queries = queries;
		this.commands = commands;
		this.attachments = attachments;
	}

	ListApplicationsResponse list(ListApplicationsRequest request) {
		PageRequest page = ListPages.of(request.getPageSize(), request.getPageToken());
		List<TalentApplication> items = this.queries.visibleTo(Callers.current(), page);
		return ListApplicationsResponse.newBuilder()
			.addAllApplications(ApplicationMapper.summaries(items))
			.setNextPageToken(page.nextToken(items.size()))
			.build();
	}

	ListNoticesResponse notices(ListNoticesRequest request) {
		PageRequest page = ListPages.of(request.getPageSize(), request.getPageToken());
		List<ApplicantNotice> notices = this.queries.noticesFor(Callers.current(), page);
		return ListNoticesResponse.newBuilder()
			.addAllNotices(notices.stream().map(ApplicationMapper::notice).toList())
			.setNextPageToken(page.nextToken(notices.size()))
			.build();
	}

	GetApplicationSummaryResponse summary(GetApplicationSummaryRequest request) {
		TalentApplication application = this.queries.get(ApplicationId.parse(request.getApplicationId(), "application_id"),
				Callers.current());
		return GetApplicationSummaryResponse.newBuilder().setApplication(ApplicationMapper.summary(application)).build();
	}

	GetApplicationResponse get(GetApplicationRequest request) {
		return GetApplicationResponse.newBuilder()
			.setApplication(detail(Callers.current(), ApplicationId.parse(request.getApplicationId(), "application_id")))
			.build();
	}

	CreateApplicationResponse create(CreateApplicationRequest request) {
		Caller caller = Callers.current();
		TalentApplication created = this.commands.createDraft(caller, CallId.parse(request.getCallId(), "call_id"),
				ApplicationFormMapper.fromProto(request.getForm()), request.getAnotherDraft());
		return CreateApplicationResponse.newBuilder().setApplication(detail(caller, created.id())).build();
	}

	/** Version 0 means "do not check": autosave of a form the page did not read a version for. */
	SaveApplicationResponse save(SaveApplicationRequest request) {
		Caller caller = Callers.current();
		ApplicationId id = ApplicationId.parse(request.getApplicationId(), "application_id");
		ApplicationCommands.Saved saved = this.commands.update(caller, id,
				ApplicationFormMapper.fromProto(request.getForm()), request.getVersion() == 0 ? null : request.getVersion());
		return SaveApplicationResponse.newBuilder()
			.setApplication(detail(caller, id))
			.addAllFieldErrors(saved.fieldErrors()
				.stream()
				.map(v -> FieldError.newBuilder().setField(v.field()).setCode(v.code()).setMessage(v.message()).build())
				.toList())
			.build();
	}

	DeleteApplicationResponse delete(DeleteApplicationRequest request) {
		this.commands.deleteDraft(Callers.current(), ApplicationId.parse(request.getApplicationId(), "application_id"));
		return DeleteApplicationResponse.getDefaultInstance();
	}

	SubmitApplicationResponse submit(SubmitApplicationRequest request) {
		TalentApplication application = this.commands.submit(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id"));
		return SubmitApplicationResponse.newBuilder().setApplication(ApplicationMapper.summary(application)).build();
	}

	WithdrawApplicationResponse withdraw(WithdrawApplicationRequest request) {
		TalentApplication application = this.commands.withdraw(Callers.current(),
				ApplicationId.parse(request.getApplicationId(), "application_id"));
		return WithdrawApplicationResponse.newBuilder().setApplication(ApplicationMapper.summary(application)).build();
	}

	private ApplicationDetail detail(Caller caller, ApplicationId id) {
		return ApplicationMapper.detail(this.queries.details(id, caller), this.attachments.list(caller, id));
	}

}
