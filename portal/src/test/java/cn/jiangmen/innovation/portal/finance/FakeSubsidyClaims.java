package cn.jiangmen.innovation.portal.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.funding.v1.DecideSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideSubsidyPaymentResponse;
import cn.jiangmen.innovation.contracts.funding.v1.GetSubsidyClaimRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetSubsidyClaimResponse;
import cn.jiangmen.innovation.contracts.funding.v1.InstrumentDecision;
import cn.jiangmen.innovation.contracts.funding.v1.ListSubsidyClaimsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListSubsidyClaimsResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareSubsidyPaymentResponse;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaimQueue;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaimState;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyKind;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * funding-service's subsidy claims as {@link FakeFundingService} plays them: "sc-reviewed" (the
 * enterprise's interest subsidy, to prepare), "sc-prepared" (the university's post-subsidy, prepared
 * by "officer"), "sc-rejected" (the enterprise's, payment rejected with a reason), "sc-submitted"
 * (the enterprise's, not reviewed yet). Like funding: queues by state, an applicant sees their
 * organisation's claims only (naming another is PERMISSION_DENIED), the maker deciding their own
 * payment is PERMISSION_DENIED.
 */
class FakeSubsidyClaims {

	private static final Map<String, String> ORGANISATION = Map.of("applicant1", FakeVouchers.ORG_1, "applicant2",
			FakeVouchers.ORG_2);

	final Map<String, SubsidyClaim> claims = new ConcurrentHashMap<>();

	final List<String> calls = new CopyOnWriteArrayList<>();

	void reset() {
		this.claims.clear();
		this.calls.clear();
		put(claim("sc-reviewed", SubsidyKind.SUBSIDY_KIND_INTEREST_SUBSIDY, FakeVouchers.ORG_1,
				SubsidyClaimState.SUBSIDY_CLAIM_STATE_REVIEWED, "JM-LOAN-2026-001").build());
		put(claim("sc-prepared", SubsidyKind.SUBSIDY_KIND_POST_SUBSIDY, FakeVouchers.ORG_2,
				SubsidyClaimState.SUBSIDY_CLAIM_STATE_PAYMENT_PREPARED, "粤科函〔2026〕12号").setPreparedBy("officer").build());
		put(claim("sc-rejected", SubsidyKind.SUBSIDY_KIND_INTEREST_SUBSIDY, FakeVouchers.ORG_1,
				SubsidyClaimState.SUBSIDY_CLAIM_STATE_REVIEWED, "JM-LOAN-2026-002").setDecidedBy("approver")
			.setDecisionReason("贷款合同缺少第 3 页")
			.setPaymentRejected(true)
			.build());
		put(claim("sc-submitted", SubsidyKind.SUBSIDY_KIND_INTEREST_SUBSIDY, FakeVouchers.ORG_1,
				SubsidyClaimState.SUBSIDY_CLAIM_STATE_SUBMITTED, "JM-LOAN-2026-003").build());
	}

	private void put(SubsidyClaim c) {
		this.claims.put(c.getClaimId(), c);
	}

	private static SubsidyClaim.Builder claim(String id, SubsidyKind kind, String organisation, SubsidyClaimState state,
			String evidence) {
		return SubsidyClaim.newBuilder()
			.setClaimId(id)
			.setKind(kind)
			.setOrganisationId(organisation)
			.setFiscalYear(2026)
			.setAmount(FakeFundingService.fen(31_000_00L))
			.setState(state)
			.setProgramCode(kind == SubsidyKind.SUBSIDY_KIND_POST_SUBSIDY ? "post-subsidies" : "interest-subsidies")
			.setSubmittedAt("2026-05-20T02:00:00Z")
			.setEvidenceReference(evidence);
	}

	private static SubsidyClaim seenBy(SubsidyClaim c, String caller) {
		return c.toBuilder().setPreparedByCaller(c.getPreparedBy().equals(caller)).build();
	}

	private static boolean inQueue(SubsidyClaim c, SubsidyClaimQueue queue) {
		return switch (queue) {
			case SUBSIDY_CLAIM_QUEUE_TO_PREPARE ->
				c.getState() == SubsidyClaimState.SUBSIDY_CLAIM_STATE_REVIEWED && !c.getPaymentRejected();
			case SUBSIDY_CLAIM_QUEUE_TO_APPROVE -> c.getState() == SubsidyClaimState.SUBSIDY_CLAIM_STATE_PAYMENT_PREPARED;
			case SUBSIDY_CLAIM_QUEUE_REJECTED ->
				c.getState() == SubsidyClaimState.SUBSIDY_CLAIM_STATE_REVIEWED && c.getPaymentRejected();
			default -> true;
		};
	}

	void list(ListSubsidyClaimsRequest request, String caller, StreamObserver<ListSubsidyClaimsResponse> observer) {
		this.calls.add("list " + caller + " " + request.getQueue() + " " + request.getKind() + " " + request.getFiscalYear());
		String own = ORGANISATION.get(caller);
		if (own == null && !FakeVouchers.STAFF.contains(caller)) {
			observer.onError(Status.PERMISSION_DENIED.asRuntimeException());
			return;
		}
		if (own != null && !request.getOrganisationId().isEmpty() && !request.getOrganisationId().equals(own)) {
			observer.onError(Status.PERMISSION_DENIED.asRuntimeException());
			return;
		}
		List<SubsidyClaim> shown = new ArrayList<>(this.claims.values());
		shown.sort(java.util.Comparator.comparing(SubsidyClaim::getClaimId));
		observer.onNext(ListSubsidyClaimsResponse.newBuilder()
			.addAllClaims(shown.stream()
				.filter(c -> own == null || c.getOrganisationId().equals(own))
				.filter(c -> inQueue(c, request.getQueue()))
				.filter(c -> request.getKind() == SubsidyKind.SUBSIDY_KIND_UNSPECIFIED || c.getKind() == request.getKind())
				.filter(c -> request.getFiscalYear() == 0 || c.getFiscalYear() == request.getFiscalYear())
				.map(c -> seenBy(c, caller))
				.toList())
			.build());
		observer.onCompleted();
	}

	void get(GetSubsidyClaimRequest request, String caller, StreamObserver<GetSubsidyClaimResponse> observer) {
		SubsidyClaim c = this.claims.get(request.getClaimId());
		String own = ORGANISATION.get(caller);
		if (c == null || (own != null && !c.getOrganisationId().equals(own))) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		observer.onNext(GetSubsidyClaimResponse.newBuilder().setClaim(seenBy(c, caller)).build());
		observer.onCompleted();
	}

	void prepare(PrepareSubsidyPaymentRequest request, String caller,
			StreamObserver<PrepareSubsidyPaymentResponse> observer) {
		this.calls.add("prepare " + request.getClaimId() + " key=" + request.getIdempotencyKey());
		SubsidyClaim c = this.claims.get(request.getClaimId());
		if (c == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		if (c.getState() != SubsidyClaimState.SUBSIDY_CLAIM_STATE_REVIEWED) {
			observer.onError(FakeFundingService.refused("claim.transition-not-allowed"));
			return;
		}
		SubsidyClaim prepared = c.toBuilder()
			.setState(SubsidyClaimState.SUBSIDY_CLAIM_STATE_PAYMENT_PREPARED)
			.setPreparedBy(caller)
			.setDecidedBy("")
			.setDecisionReason("")
			.setPaymentRejected(false)
			.build();
		put(prepared);
		observer.onNext(PrepareSubsidyPaymentResponse.newBuilder().setClaim(seenBy(prepared, caller)).build());
		observer.onCompleted();
	}

	void decide(DecideSubsidyPaymentRequest request, String caller, StreamObserver<DecideSubsidyPaymentResponse> observer) {
		this.calls.add("decide " + request.getClaimId() + " " + request.getDecision() + " " + request.getReason());
		SubsidyClaim c = this.claims.get(request.getClaimId());
		if (c == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		if (c.getPreparedBy().equals(caller)) {
			observer.onError(Status.PERMISSION_DENIED.withDescription("four eyes").asRuntimeException());
			return;
		}
		if (c.getState() != SubsidyClaimState.SUBSIDY_CLAIM_STATE_PAYMENT_PREPARED) {
			observer.onError(FakeFundingService.refused("claim.transition-not-allowed"));
			return;
		}
		boolean approve = request.getDecision() == InstrumentDecision.INSTRUMENT_DECISION_APPROVE;
		SubsidyClaim decided = approve ? c.toBuilder().setState(SubsidyClaimState.SUBSIDY_CLAIM_STATE_APPROVED).setDecidedBy(caller).build()
				: c.toBuilder()
					.setState(SubsidyClaimState.SUBSIDY_CLAIM_STATE_REVIEWED)
					.setDecidedBy(caller)
					.setDecisionReason(request.getReason())
					.setPaymentRejected(true)
					.build();
		put(decided);
		observer.onNext(DecideSubsidyPaymentResponse.newBuilder().setClaim(seenBy(decided, caller)).build());
		observer.onCompleted();
	}

}
