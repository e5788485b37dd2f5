package cn.jiangmen.innovation.portal.review;

import cn.jiangmen.innovation.contracts.talent.v1.ListAttachmentsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListAttachmentsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentAttachment;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** talent-service's ListAttachments for the review pages: one document of app-1, or a failure. */
class FakeTalentDocuments extends TalentServiceGrpc.TalentServiceImplBase {

	volatile Status failure;

	@Override
	public void listAttachments(ListAttachmentsRequest request, StreamObserver<ListAttachmentsResponse> response) {
		if (this.failure != null) {
			response.onError(this.failure.asRuntimeException());
			return;
		}
		if (!"app-1".equals(request.getApplicationId())) {
			response.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		response.onNext(ListAttachmentsResponse.newBuilder()
			.addAttachments(TalentAttachment.newBuilder()
				.setAttachmentId("att-1")
				.setKind("PROPOSAL")
				.setFilename("申报书.pdf")
				.setContentType("application/pdf")
				.setSizeBytes(20480))
			.build());
		response.onCompleted();
	}

}
