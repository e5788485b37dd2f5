package cn.jiangmen.innovation.portal.talent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationDetail;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationForm;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.AwardApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.CallApplicationsView;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.CreateCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DecideFormalCheckRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeclineApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.FormalCheckDecision;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListAttachmentsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.OpenCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.RecommendApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SubmitApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.TalentAttachment;
import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.contracts.talent.v1.UploadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.WithdrawApplicationRequest;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;
import cn.jiangmen.innovation.portal.web.ServiceErrors;
import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The talent pages' way to talent-service (gRPC channel {@code talent}, the user's token relayed).
 * Refusals the user can act on come back as {@link Rejected} (fields with message codes) or
 * {@link Refused} (a state rule's code); NOT_FOUND is a 404 page, PERMISSION_DENIED a 403 page,
 * and anything else a 503 page, never a 500 (all by {@link ServiceErrors}, as for review-service).
 */
@Component
public class TalentPortalClient {

	/** Room for a 10 MB attachment in one message. */
	static final int MAX_MESSAGE = 12 * 1024 * 1024;

	private final TalentServiceGrpc.TalentServiceBlockingStub stub;

	private final PortalProperties properties;

	public TalentPortalClient(GrpcChannelFactory channels, PortalProperties properties) {
		this.stub = TalentServiceGrpc.newBlockingStub(channels.createChannel("talent"))
			.withMaxInboundMessageSize(MAX_MESSAGE)
			.withMaxOutboundMessageSize(MAX_MESSAGE);
		this.properties = properties;
	}

	public List<TalentCall> calls() {
		return allPages(token -> call(s -> {
			var page = s.listCalls(ListCallsRequest.newBuilder().setPageToken(token).build());
			return new Page<>(page.getCallsList(), page.getNextPageToken());
		}));
	}

	public Optional<TalentCall> findCall(String callId) {
		return calls().stream().filter(c -> c.getCallId().equals(callId)).findFirst();
	}

	public ApplicationDetail application(String id) {
		return call(s -> s.getApplication(GetApplicationRequest.newBuilder().setApplicationId(id).build())
			.getApplication());
	}

	/**
	 * Starts a draft; {@link Refused} {@code application.draft-exists} when the organisation already
	 * has one on the call, unless {@code anotherDraft}.
	 */
	public ApplicationDetail create(String callId, String title, boolean anotherDraft) {
		return call(s -> s.createApplication(CreateApplicationRequest.newBuilder()
			.setCallId(callId)
			.setForm(ApplicationForm.newBuilder().setTitle(title))
			.setAnotherDraft(anotherDraft)
			.build()).getApplication());
	}

	/** Every application the caller may see (an applicant: their organisation's), newest first. */
	public List<ApplicationSummary> applications() {
		return allPages(token -> call(s -> {
			var page = s.listApplications(ListApplicationsRequest.newBuilder().setPageSize(200).setPageToken(token).build());
			return new Page<>(page.getApplicationsList(), page.getNextPageToken());
		}));
	}

	/**
	 * Saves the form read at {@code version} (0: unchecked); a concurrent change is {@link Refused}.
	 * Fields talent-service could not take kept their previous value and are in the answer's
	 * field errors; the rest is saved.
	 */
	public SaveApplicationResponse save(String id, ApplicationForm form, long version) {
		return call(s -> s.saveApplication(
				SaveApplicationRequest.newBuilder().setApplicationId(id).setForm(form).setVersion(version).build()));
	}

	/** Deletes a draft with its attachments; {@link Refused} once it was submitted. */
	public void deleteApplication(String id) {
		call(s -> s.deleteApplication(DeleteApplicationRequest.newBuilder().setApplicationId(id).build()));
	}

	/** Removes an attachment of a draft or returned application. */
	public void deleteAttachment(String id, String attachmentId) {
		call(s -> s.deleteAttachment(
				DeleteAttachmentRequest.newBuilder().setApplicationId(id).setAttachmentId(attachmentId).build()));
	}

	public ApplicationSummary submit(String id) {
		return call(s -> s.submitApplication(SubmitApplicationRequest.newBuilder().setApplicationId(id).build())
			.getApplication());
	}

	public ApplicationSummary withdraw(String id) {
		return call(s -> s.withdrawApplication(WithdrawApplicationRequest.newBuilder().setApplicationId(id).build())
			.getApplication());
	}

	public TalentAttachment upload(String id, String kind, String filename, byte[] content) {
		return call(s -> s.uploadAttachment(UploadAttachmentRequest.newBuilder()
			.setApplicationId(id)
			.setKind(kind == null ? "" : kind)
			.setFilename(filename == null ? "" : filename)
			.setContent(ByteString.copyFrom(content))
			.build()).getAttachment());
	}

	public DownloadAttachmentResponse download(String id, String attachmentId) {
		return call(s -> s.downloadAttachment(
				DownloadAttachmentRequest.newBuilder().setApplicationId(id).setAttachmentId(attachmentId).build()));
	}

	/** The documents of an application the caller may read (organisation, bureau, assigned reviewer). */
	public List<TalentAttachment> attachments(String applicationId) {
		return allPages(token -> call(s -> {
			var page = s.listAttachments(
					ListAttachmentsRequest.newBuilder().setApplicationId(applicationId).setPageToken(token).build());
			return new Page<>(page.getAttachmentsList(), page.getNextPageToken());
		}));
	}

	public List<ApplicationSummary> callApplications(String callId, CallApplicationsView view) {
		return allPages(token -> call(s -> {
			var page = s.listCallApplications(
					ListCallApplicationsRequest.newBuilder().setCallId(callId).setView(view).setPageToken(token).build());
			return new Page<>(page.getApplicationsList(), page.getNextPageToken());
		}));
	}

	public ApplicationSummary decide(String id, FormalCheckDecision decision, List<String> reasons) {
		return call(s -> s.decideFormalCheck(DecideFormalCheckRequest.newBuilder()
			.setApplicationId(id)
			.setDecision(decision)
			.addAllReasons(reasons)
			.build()).getApplication());
	}

	public ApplicationSummary recommend(String id) {
		return call(s -> s.recommendApplication(RecommendApplicationRequest.newBuilder().setApplicationId(id).build())
			.getApplication());
	}

	public TalentCall createCall(CreateCallRequest request) {
		return call(s -> s.createCall(request).getCall());
	}

	public TalentCall openCall(String callId) {
		return call(s -> s.openCall(OpenCallRequest.newBuilder().setCallId(callId).build()).getCall());
	}

	public ApplicationSummary award(String id, String note) {
		return call(s -> s.awardApplication(
				AwardApplicationRequest.newBuilder().setApplicationId(id).setNote(note == null ? "" : note).build())
			.getApplication());
	}

	public ApplicationSummary decline(String id, String note) {
		return call(s -> s.declineApplication(
				DeclineApplicationRequest.newBuilder().setApplicationId(id).setNote(note == null ? "" : note).build())
			.getApplication());
	}

	/**
	 * Every page of a List RPC: the portal shows whole lists (calls, a call's queue or ranking, an
	 * application's documents), each bounded by the bureau's work, so it follows the page tokens.
	 */
	private <T> List<T> allPages(Function<String, Page<T>> page) {
		List<T> all = new ArrayList<>();
		String token = "";
		do {
			Page<T> next = page.apply(token);
			all.addAll(next.items());
			token = next.nextToken();
		}
		while (!token.isEmpty());
		return all;
	}

	private record Page<T>(List<T> items, String nextToken) {
	}

	private <T> T call(Function<TalentServiceGrpc.TalentServiceBlockingStub, T> rpc) {
		try {
			return rpc.apply(this.stub.withDeadlineAfter(this.properties.talentDeadline().toMillis(),
					TimeUnit.MILLISECONDS));
		}
		catch (StatusRuntimeException ex) {
			RuntimeException translated = ServiceErrors.translate("talent-service", ex);
			// A rejection that names no field is still shown, as a problem of the form as a whole.
			if (translated instanceof Rejected rejected && rejected.violations().isEmpty()) {
				throw new Rejected("talent-service", List.of(new Rejected.Violation("", "invalid")));
			}
			throw translated;
		}
	}

}
