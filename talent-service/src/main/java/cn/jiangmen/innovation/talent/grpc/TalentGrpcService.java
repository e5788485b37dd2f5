package cn.jiangmen.innovation.talent.grpc;

import cn.jiangmen.innovation.contracts.talent.v1.AwardApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.AwardApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.CreateCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.CreateCallResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DecideFormalCheckRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DecideFormalCheckResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DeclineApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeclineApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationSummaryRequest;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationSummaryResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListAttachmentsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListAttachmentsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesResponse;
import cn.jiangmen.innovation.contracts.talent.v1.OpenCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.OpenCallResponse;
import cn.jiangmen.innovation.contracts.talent.v1.RecommendApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.RecommendApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeResponse;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.SubmitApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SubmitApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.UploadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.UploadAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.WithdrawApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.WithdrawApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/**
 * gRPC face of talent-service, for the portal and other services: the same application services,
 * visibility rules and error model as REST (INVALID_ARGUMENT with field violations, NOT_FOUND for
 * other organisations' ids, FAILED_PRECONDITION with the reason code for refused transitions).
 *
 * <p>
 * One proto service stays one {@code BindableService}, so review-service's and the system tests'
 * {@code TalentServiceGrpc} stubs keep working; this class only routes each RPC to the class for
 * its aggregate ({@link ApplicationRpcs}, {@link DecisionRpcs}, {@link AttachmentRpcs},
 * {@link CallRpcs}), which maps, calls one use case and maps back. Exceptions reach platform's
 * {@code GrpcStatusMapper} unchanged.
 */
@Service
class TalentGrpcService extends TalentServiceGrpc.TalentServiceImplBase {

	private final ApplicationRpcs applications;

	private final DecisionRpcs decisions;

	private final AttachmentRpcs attachments;

	private final CallRpcs calls;

	TalentGrpcService(ApplicationRpcs applications, DecisionRpcs decisions, AttachmentRpcs attachments,
			CallRpcs calls) {
		this.applications = applications;
		this.decisions = decisions;
		this.attachments = attachments;
		this.calls = calls;
	}

	@Override
	public void listApplications(ListApplicationsRequest request, StreamObserver<ListApplicationsResponse> response) {
		reply(response, this.applications.list(request));
	}

	@Override
	public void listNotices(ListNoticesRequest request, StreamObserver<ListNoticesResponse> response) {
		reply(response, this.applications.notices(request));
	}

	@Override
	public void getApplicationSummary(GetApplicationSummaryRequest request, StreamObserver<GetApplicationSummaryResponse> response) {
		reply(response, this.applications.summary(request));
	}

	@Override
	public void recordReviewOutcome(RecordReviewOutcomeRequest request, StreamObserver<RecordReviewOutcomeResponse> response) {
		reply(response, this.decisions.recordReviewOutcome(request));
	}

	@Override
	public void listCalls(ListCallsRequest request, StreamObserver<ListCallsResponse> response) {
		reply(response, this.calls.list(request));
	}

	@Override
	public void getApplication(GetApplicationRequest request, StreamObserver<GetApplicationResponse> response) {
		reply(response, this.applications.get(request));
	}

	@Override
	public void createApplication(CreateApplicationRequest request, StreamObserver<CreateApplicationResponse> response) {
		reply(response, this.applications.create(request));
	}

	@Override
	public void saveApplication(SaveApplicationRequest request, StreamObserver<SaveApplicationResponse> response) {
		reply(response, this.applications.save(request));
	}

	@Override
	public void deleteApplication(DeleteApplicationRequest request, StreamObserver<DeleteApplicationResponse> response) {
		reply(response, this.applications.delete(request));
	}

	@Override
	public void submitApplication(SubmitApplicationRequest request, StreamObserver<SubmitApplicationResponse> response) {
		reply(response, this.applications.submit(request));
	}

	@Override
	public void withdrawApplication(WithdrawApplicationRequest request, StreamObserver<WithdrawApplicationResponse> response) {
		reply(response, this.applications.withdraw(request));
	}

	@Override
	public void decideFormalCheck(DecideFormalCheckRequest request, StreamObserver<DecideFormalCheckResponse> response) {
		reply(response, this.decisions.decideFormalCheck(request));
	}

	@Override
	public void recommendApplication(RecommendApplicationRequest request, StreamObserver<RecommendApplicationResponse> response) {
		reply(response, this.decisions.recommend(request));
	}

	@Override
	public void listCallApplications(ListCallApplicationsRequest request, StreamObserver<ListCallApplicationsResponse> response) {
		reply(response, this.decisions.callApplications(request));
	}

	@Override
	public void uploadAttachment(UploadAttachmentRequest request, StreamObserver<UploadAttachmentResponse> response) {
		reply(response, this.attachments.upload(request));
	}

	@Override
	public void downloadAttachment(DownloadAttachmentRequest request, StreamObserver<DownloadAttachmentResponse> response) {
		reply(response, this.attachments.download(request));
	}

	@Override
	public void listAttachments(ListAttachmentsRequest request, StreamObserver<ListAttachmentsResponse> response) {
		reply(response, this.attachments.list(request));
	}

	@Override
	public void deleteAttachment(DeleteAttachmentRequest request, StreamObserver<DeleteAttachmentResponse> response) {
		reply(response, this.attachments.delete(request));
	}

	@Override
	public void createCall(CreateCallRequest request, StreamObserver<CreateCallResponse> response) {
		reply(response, this.calls.create(request));
	}

	@Override
	public void openCall(OpenCallRequest request, StreamObserver<OpenCallResponse> response) {
		reply(response, this.calls.open(request));
	}

	@Override
	public void awardApplication(AwardApplicationRequest request, StreamObserver<AwardApplicationResponse> response) {
		reply(response, this.decisions.award(request));
	}

	@Override
	public void declineApplication(DeclineApplicationRequest request, StreamObserver<DeclineApplicationResponse> response) {
		reply(response, this.decisions.decline(request));
	}

	private static <T> void reply(StreamObserver<T> response, T message) {
		response.onNext(message);
		response.onCompleted();
	}

}
