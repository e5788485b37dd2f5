package cn.jiangmen.innovation.portal.talent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationDetail;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.AwardApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.AwardApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.CallStatus;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.CreateCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.CreateCallResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DecideFormalCheckRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DecideFormalCheckResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DeclineApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeclineApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.FieldError;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.OpenCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.OpenCallResponse;
import cn.jiangmen.innovation.contracts.talent.v1.RecommendApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.RecommendApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.SubmitApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SubmitApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentAttachment;
import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.contracts.talent.v1.UploadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.UploadAttachmentResponse;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/** talent-service for the talent pages' slice tests: canned answers, recorded requests, chosen failures. */
class FakeTalent extends TalentServiceGrpc.TalentServiceImplBase {

	volatile List<TalentCall> calls = List.of();

	volatile ApplicationDetail application = ApplicationDetail.getDefaultInstance();

	volatile List<ApplicationSummary> callApplications = List.of();

	/** What ListApplications answers (the organisation's applications). */
	volatile List<ApplicationSummary> applications = List.of();

	volatile boolean applicationsUnavailable;

	/** Fields the next saves report as not saved (a partial save). */
	volatile List<FieldError> fieldErrors = List.of();

	final List<CreateApplicationRequest> creates = new CopyOnWriteArrayList<>();

	final List<DeleteApplicationRequest> deletes = new CopyOnWriteArrayList<>();

	final List<DeleteAttachmentRequest> removedAttachments = new CopyOnWriteArrayList<>();

	/** When set, the next save, submit, upload, call or decision request fails with it. */
	volatile StatusRuntimeException failure;

	final List<SaveApplicationRequest> saves = new CopyOnWriteArrayList<>();

	final List<DecideFormalCheckRequest> formalChecks = new CopyOnWriteArrayList<>();

	final List<RecommendApplicationRequest> recommendations = new CopyOnWriteArrayList<>();

	final List<UploadAttachmentRequest> uploads = new CopyOnWriteArrayList<>();

	/** Every CreateCall that reached the fake, and those it answered with a new call. */
	final List<CreateCallRequest> callRequests = new CopyOnWriteArrayList<>();

	final List<CreateCallRequest> createdCalls = new CopyOnWriteArrayList<>();

	final List<OpenCallRequest> opened = new CopyOnWriteArrayList<>();

	final List<AwardApplicationRequest> awards = new CopyOnWriteArrayList<>();

	final List<DeclineApplicationRequest> declines = new CopyOnWriteArrayList<>();

	void reset() {
		this.callRequests.clear();
		this.createdCalls.clear();
		this.opened.clear();
		this.awards.clear();
		this.declines.clear();
		this.calls = List.of();
		this.application = ApplicationDetail.getDefaultInstance();
		this.callApplications = List.of();
		this.applications = List.of();
		this.applicationsUnavailable = false;
		this.fieldErrors = List.of();
		this.creates.clear();
		this.deletes.clear();
		this.removedAttachments.clear();
		this.failure = null;
		this.saves.clear();
		this.formalChecks.clear();
		this.recommendations.clear();
		this.uploads.clear();
	}

	static StatusRuntimeException invalid(String field, String reason) {
		return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(Code.INVALID_ARGUMENT_VALUE)
			.addDetails(Any.pack(BadRequest.newBuilder()
				.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(field).setReason(reason))
				.build()))
			.build());
	}

	/** INVALID_ARGUMENT naming several fields: field, reason, field, reason... */
	static StatusRuntimeException invalid(String... fieldsAndReasons) {
		BadRequest.Builder badRequest = BadRequest.newBuilder();
		for (int i = 0; i + 1 < fieldsAndReasons.length; i += 2) {
			badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
				.setField(fieldsAndReasons[i])
				.setReason(fieldsAndReasons[i + 1]));
		}
		return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(Code.INVALID_ARGUMENT_VALUE)
			.addDetails(Any.pack(badRequest.build()))
			.build());
	}

	static StatusRuntimeException refused(String reason) {
		return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(Code.FAILED_PRECONDITION_VALUE)
			.addDetails(Any.pack(ErrorInfo.newBuilder().setDomain("jiangmen.innovation").setReason(reason).build()))
			.build());
	}

	private boolean failed(StreamObserver<?> observer) {
		StatusRuntimeException failure = this.failure;
		if (failure != null) {
			this.failure = null;
			observer.onError(failure);
			return true;
		}
		return false;
	}

	@Override
	public void listCalls(ListCallsRequest request, StreamObserver<ListCallsResponse> observer) {
		observer.onNext(ListCallsResponse.newBuilder().addAllCalls(this.calls).build());
		observer.onCompleted();
	}

	@Override
	public void getApplication(GetApplicationRequest request, StreamObserver<GetApplicationResponse> observer) {
		if (!request.getApplicationId().equals(this.application.getSummary().getApplicationId())) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		observer.onNext(GetApplicationResponse.newBuilder().setApplication(this.application).build());
		observer.onCompleted();
	}

	@Override
	public void listApplications(ListApplicationsRequest request, StreamObserver<ListApplicationsResponse> observer) {
		if (this.applicationsUnavailable) {
			observer.onError(Status.UNAVAILABLE.asRuntimeException());
			return;
		}
		observer.onNext(ListApplicationsResponse.newBuilder().addAllApplications(this.applications).build());
		observer.onCompleted();
	}

	@Override
	public void createApplication(CreateApplicationRequest request, StreamObserver<CreateApplicationResponse> observer) {
		this.creates.add(request);
		if (failed(observer)) {
			return;
		}
		observer.onNext(CreateApplicationResponse.newBuilder().setApplication(this.application).build());
		observer.onCompleted();
	}

	@Override
	public void deleteApplication(DeleteApplicationRequest request, StreamObserver<DeleteApplicationResponse> observer) {
		this.deletes.add(request);
		if (failed(observer)) {
			return;
		}
		observer.onNext(DeleteApplicationResponse.getDefaultInstance());
		observer.onCompleted();
	}

	@Override
	public void deleteAttachment(DeleteAttachmentRequest request, StreamObserver<DeleteAttachmentResponse> observer) {
		this.removedAttachments.add(request);
		if (failed(observer)) {
			return;
		}
		observer.onNext(DeleteAttachmentResponse.getDefaultInstance());
		observer.onCompleted();
	}

	@Override
	public void saveApplication(SaveApplicationRequest request, StreamObserver<SaveApplicationResponse> observer) {
		this.saves.add(request);
		if (failed(observer)) {
			return;
		}
		observer.onNext(SaveApplicationResponse.newBuilder()
			.setApplication(this.application)
			.addAllFieldErrors(this.fieldErrors)
			.build());
		observer.onCompleted();
	}

	@Override
	public void submitApplication(SubmitApplicationRequest request,
			StreamObserver<SubmitApplicationResponse> observer) {
		if (failed(observer)) {
			return;
		}
		observer.onNext(SubmitApplicationResponse.newBuilder().setApplication(this.application.getSummary()).build());
		observer.onCompleted();
	}

	@Override
	public void uploadAttachment(UploadAttachmentRequest request, StreamObserver<UploadAttachmentResponse> observer) {
		this.uploads.add(request);
		if (failed(observer)) {
			return;
		}
		observer.onNext(UploadAttachmentResponse.newBuilder()
			.setAttachment(TalentAttachment.newBuilder().setFilename(request.getFilename()).setKind(request.getKind()))
			.build());
		observer.onCompleted();
	}

	@Override
	public void downloadAttachment(DownloadAttachmentRequest request,
			StreamObserver<DownloadAttachmentResponse> observer) {
		observer.onNext(DownloadAttachmentResponse.newBuilder()
			.setAttachment(TalentAttachment.newBuilder()
				.setAttachmentId(request.getAttachmentId())
				.setFilename("申报书.pdf")
				.setContentType("application/pdf"))
			.setContent(ByteString.copyFromUtf8("%PDF-1.7"))
			.build());
		observer.onCompleted();
	}

	@Override
	public void listCallApplications(ListCallApplicationsRequest request,
			StreamObserver<ListCallApplicationsResponse> observer) {
		observer.onNext(ListCallApplicationsResponse.newBuilder().addAllApplications(this.callApplications).build());
		observer.onCompleted();
	}

	@Override
	public void createCall(CreateCallRequest request, StreamObserver<CreateCallResponse> observer) {
		this.callRequests.add(request);
		if (failed(observer)) {
			return;
		}
		this.createdCalls.add(request);
		observer.onNext(CreateCallResponse.newBuilder()
			.setCall(TalentCall.newBuilder()
				.setCallId("33333333-0000-4000-8000-000000000001")
				.setTitle(request.getTitle())
				.setStatus(CallStatus.CALL_STATUS_DRAFT)
				.setOpensAt(request.getOpensAt())
				.setClosesAt(request.getClosesAt())
				.addAllPriorityFields(request.getPriorityFieldsList())
				.addAllCategories(request.getCategoriesList()))
			.build());
		observer.onCompleted();
	}

	@Override
	public void openCall(OpenCallRequest request, StreamObserver<OpenCallResponse> observer) {
		if (failed(observer)) {
			return;
		}
		this.opened.add(request);
		observer.onNext(OpenCallResponse.newBuilder()
			.setCall(TalentCall.newBuilder().setCallId(request.getCallId()).setStatus(CallStatus.CALL_STATUS_OPEN))
			.build());
		observer.onCompleted();
	}

	@Override
	public void awardApplication(AwardApplicationRequest request, StreamObserver<AwardApplicationResponse> observer) {
		if (failed(observer)) {
			return;
		}
		this.awards.add(request);
		observer.onNext(AwardApplicationResponse.newBuilder()
			.setApplication(ApplicationSummary.newBuilder()
				.setApplicationId(request.getApplicationId())
				.setStatus(ApplicationStatus.APPLICATION_STATUS_AWARDED))
			.build());
		observer.onCompleted();
	}

	@Override
	public void declineApplication(DeclineApplicationRequest request,
			StreamObserver<DeclineApplicationResponse> observer) {
		if (failed(observer)) {
			return;
		}
		this.declines.add(request);
		observer.onNext(DeclineApplicationResponse.newBuilder()
			.setApplication(ApplicationSummary.newBuilder()
				.setApplicationId(request.getApplicationId())
				.setStatus(ApplicationStatus.APPLICATION_STATUS_DECLINED))
			.build());
		observer.onCompleted();
	}

	@Override
	public void decideFormalCheck(DecideFormalCheckRequest request, StreamObserver<DecideFormalCheckResponse> observer) {
		if (failed(observer)) {
			return;
		}
		this.formalChecks.add(request);
		observer.onNext(DecideFormalCheckResponse.newBuilder()
			.setApplication(ApplicationSummary.newBuilder().setApplicationId(request.getApplicationId()))
			.build());
		observer.onCompleted();
	}

	@Override
	public void recommendApplication(RecommendApplicationRequest request,
			StreamObserver<RecommendApplicationResponse> observer) {
		if (failed(observer)) {
			return;
		}
		this.recommendations.add(request);
		observer.onNext(RecommendApplicationResponse.newBuilder()
			.setApplication(ApplicationSummary.newBuilder()
				.setApplicationId(request.getApplicationId())
				.setStatus(ApplicationStatus.APPLICATION_STATUS_RECOMMENDED))
			.build());
		observer.onCompleted();
	}

}
