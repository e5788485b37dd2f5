package cn.jiangmen.innovation.portal.talent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationDetail;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsResponse;
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

	/** When set, the next save/submit/upload fails with it. */
	volatile StatusRuntimeException failure;

	final List<SaveApplicationRequest> saves = new CopyOnWriteArrayList<>();

	final List<UploadAttachmentRequest> uploads = new CopyOnWriteArrayList<>();

	void reset() {
		this.calls = List.of();
		this.application = ApplicationDetail.getDefaultInstance();
		this.callApplications = List.of();
		this.failure = null;
		this.saves.clear();
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
	public void saveApplication(SaveApplicationRequest request, StreamObserver<SaveApplicationResponse> observer) {
		this.saves.add(request);
		if (failed(observer)) {
			return;
		}
		observer.onNext(SaveApplicationResponse.newBuilder().setApplication(this.application).build());
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

}
