package cn.jiangmen.innovation.portal.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.funding.v1.ConfirmRecoveryRepaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ConfirmRecoveryRepaymentResponse;
import cn.jiangmen.innovation.contracts.funding.v1.DecideRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideRecoveryResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListRecoveriesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListRecoveriesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseRecoveryResponse;
import cn.jiangmen.innovation.contracts.funding.v1.Recovery;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryDecision;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryMethod;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryReason;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryState;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * funding-service's recovery demands as {@link FakeFundingService} plays them: "r-raised" raised by
 * "officer" (to decide), "r-repay" approved for repayment, "r-settled" settled by an offset; a
 * demand of more than the 2,000,000.00 paid on award "c-2" is refused naming the amount as funding
 * does; the maker deciding their own is PERMISSION_DENIED; newest first, two a page.
 */
class FakeRecoveries {

	/** What was paid on award c-2 (fen): a demand may not exceed it. */
	static final long PAID_C2 = 2_000_000_00L;

	final Map<String, Recovery> recoveries = new ConcurrentHashMap<>();

	final List<String> order = new CopyOnWriteArrayList<>();

	final List<String> calls = new CopyOnWriteArrayList<>();

	void reset() {
		this.recoveries.clear();
		this.order.clear();
		this.calls.clear();
		put(recovery("r-settled", RecoveryState.RECOVERY_STATE_SETTLED, RecoveryMethod.RECOVERY_METHOD_OFFSET, "officer")
			.toBuilder()
			.setDecidedBy("approver")
			.setOffsetTrancheId("t-next")
			.build());
		put(recovery("r-repay", RecoveryState.RECOVERY_STATE_APPROVED, RecoveryMethod.RECOVERY_METHOD_REPAYMENT, "manager")
			.toBuilder()
			.setDecidedBy("approver")
			.build());
		put(recovery("r-raised", RecoveryState.RECOVERY_STATE_RAISED, RecoveryMethod.RECOVERY_METHOD_REPAYMENT, "officer"));
	}

	private void put(Recovery r) {
		if (!this.recoveries.containsKey(r.getRecoveryId())) {
			this.order.add(r.getRecoveryId());
		}
		this.recoveries.put(r.getRecoveryId(), r);
	}

	static Recovery recovery(String id, RecoveryState state, RecoveryMethod method, String raisedBy) {
		return Recovery.newBuilder()
			.setRecoveryId(id)
			.setCommitmentId("c-2")
			.setOrganisationId("7d1c2a8e-0000-4000-8000-000000000002")
			.setReason(RecoveryReason.RECOVERY_REASON_FAILED_ACCEPTANCE)
			.setExplanation("中试线未建成，验收不通过")
			.setAmount(FakeFundingService.fen(300_000_00L))
			.setMethod(method)
			.setState(state)
			.setRaisedBy(raisedBy)
			.build();
	}

	void list(ListRecoveriesRequest request, StreamObserver<ListRecoveriesResponse> observer) {
		this.calls.add("list token=" + request.getPageToken());
		List<String> newest = new ArrayList<>(this.order);
		java.util.Collections.reverse(newest);
		int size = request.getPageSize() >= 50 ? newest.size() : 2;
		int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken().substring(1));
		int to = Math.min(newest.size(), from + size);
		observer.onNext(ListRecoveriesResponse.newBuilder()
			.addAllRecoveries(newest.subList(from, to).stream().map(this.recoveries::get).toList())
			.setNextPageToken(to < newest.size() ? "p" + to : "")
			.build());
		observer.onCompleted();
	}

	void raise(RaiseRecoveryRequest request, String caller, StreamObserver<RaiseRecoveryResponse> observer) {
		this.calls.add("raise " + request.getCommitmentId() + " " + request.getReason() + " "
				+ request.getAmount().getMinorUnits() + " " + request.getMethod() + " key=" + request.getIdempotencyKey());
		if (request.getAmount().getMinorUnits() > PAID_C2) {
			observer.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
				.setCode(Code.INVALID_ARGUMENT_VALUE)
				.addDetails(Any.pack(BadRequest.newBuilder()
					.addFieldViolations(BadRequest.FieldViolation.newBuilder()
						.setField("amount.minor_units")
						.setReason("amount.more-than-paid"))
					.build()))
				.build()));
			return;
		}
		Recovery raised = Recovery.newBuilder()
			.setRecoveryId("r-" + (this.order.size() + 1))
			.setCommitmentId(request.getCommitmentId())
			.setOrganisationId("7d1c2a8e-0000-4000-8000-000000000002")
			.setReason(request.getReason())
			.setExplanation(request.getExplanation())
			.setAmount(request.getAmount())
			.setMethod(request.getMethod())
			.setState(RecoveryState.RECOVERY_STATE_RAISED)
			.setRaisedBy(caller)
			.build();
		put(raised);
		observer.onNext(RaiseRecoveryResponse.newBuilder().setRecovery(raised).build());
		observer.onCompleted();
	}

	void decide(DecideRecoveryRequest request, String caller, StreamObserver<DecideRecoveryResponse> observer) {
		this.calls.add("decide " + request.getRecoveryId() + " " + request.getDecision() + " " + request.getReason());
		Recovery r = this.recoveries.get(request.getRecoveryId());
		if (r == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		if (r.getRaisedBy().equals(caller)) {
			observer.onError(Status.PERMISSION_DENIED.withDescription("four eyes").asRuntimeException());
			return;
		}
		if (r.getState() != RecoveryState.RECOVERY_STATE_RAISED) {
			observer.onError(FakeFundingService.refused("recovery.transition-not-allowed"));
			return;
		}
		boolean approve = request.getDecision() == RecoveryDecision.RECOVERY_DECISION_APPROVE;
		Recovery decided = r.toBuilder()
			.setState(approve ? RecoveryState.RECOVERY_STATE_APPROVED : RecoveryState.RECOVERY_STATE_REJECTED)
			.setDecidedBy(caller)
			.setDecisionReason(request.getReason())
			.build();
		put(decided);
		observer.onNext(DecideRecoveryResponse.newBuilder().setRecovery(decided).build());
		observer.onCompleted();
	}

	void repay(ConfirmRecoveryRepaymentRequest request, StreamObserver<ConfirmRecoveryRepaymentResponse> observer) {
		this.calls.add("repay " + request.getRecoveryId() + " " + request.getBankReference());
		Recovery r = this.recoveries.get(request.getRecoveryId());
		if (r == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		if (r.getState() != RecoveryState.RECOVERY_STATE_APPROVED) {
			observer.onError(FakeFundingService.refused("recovery.not-approved"));
			return;
		}
		Recovery settled = r.toBuilder()
			.setState(RecoveryState.RECOVERY_STATE_SETTLED)
			.setBankReference(request.getBankReference())
			.build();
		put(settled);
		observer.onNext(ConfirmRecoveryRepaymentResponse.newBuilder().setRecovery(settled).build());
		observer.onCompleted();
	}

}
