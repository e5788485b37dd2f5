package cn.jiangmen.innovation.funding.grpc;

import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardResponse;
import cn.jiangmen.innovation.contracts.funding.v1.CommitmentState;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.funding.application.AwardCommitments;
import cn.jiangmen.innovation.funding.domain.CommitAward;
import cn.jiangmen.innovation.funding.domain.Commitment;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/** gRPC face of funding-service: owning services commit approved awards. */
@Service
class FundingGrpcService extends FundingServiceGrpc.FundingServiceImplBase {

	private final AwardCommitments commitments;

	FundingGrpcService(AwardCommitments commitments) {
		this.commitments = commitments;
	}

	@Override
	public void commitAward(CommitAwardRequest request, StreamObserver<CommitAwardResponse> responseObserver) {
		Commitment commitment = this.commitments.commit(Callers.current(),
				() -> CommitAward.of(request.getIdempotencyKey(), request.getBudgetCode(), request.getFiscalYear(),
						request.getAwardReference(), request.getRecipientOrganisationId(),
						request.hasAmount() ? request.getAmount().getCurrencyCode() : null,
						request.hasAmount() ? request.getAmount().getMinorUnits() : null));
		responseObserver.onNext(CommitAwardResponse.newBuilder()
			.setCommitmentId(commitment.id().toString())
			.setState(CommitmentState.valueOf("COMMITMENT_STATE_" + commitment.state().name()))
			.build());
		responseObserver.onCompleted();
	}

}
