package cn.jiangmen.innovation.portal.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.funding.v1.DecideVoucherSettlementRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideVoucherSettlementResponse;
import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherResponse;
import cn.jiangmen.innovation.contracts.funding.v1.InstrumentDecision;
import cn.jiangmen.innovation.contracts.funding.v1.IssueVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.IssueVoucherResponse;
import cn.jiangmen.innovation.contracts.funding.v1.ListVouchersRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListVouchersResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareVoucherSettlementRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareVoucherSettlementResponse;
import cn.jiangmen.innovation.contracts.funding.v1.Voucher;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherListView;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherState;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * funding-service's innovation vouchers as {@link FakeFundingService} plays them. applicant1 is of
 * the enterprise (ORG_1), applicant2 of the university (ORG_2), a registered provider. "v-issued"
 * and "v-redeemed" (with the university) and "v-prepared" (settlement prepared by "officer") are the
 * enterprise's, "v-other" another enterprise's. Like funding: an applicant sees only their
 * organisation's vouchers (as holder, or as provider), bureau staff all; issuing more than
 * 500,000.00 is refused voucher.cap-exceeded, an enterprise id that is no UUID is rejected naming
 * enterprise_id; the maker deciding their own settlement is PERMISSION_DENIED.
 */
class FakeVouchers {

	static final String ORG_1 = "7d1c2a8e-0000-4000-8000-000000000001";

	static final String ORG_2 = "7d1c2a8e-0000-4000-8000-000000000002";

	static final String OTHER = "7d1c2a8e-0000-4000-8000-0000000000ee";

	static final long CAP = 500_000_00L;

	static final Map<String, String> ORGANISATION = Map.of("applicant1", ORG_1, "applicant2", ORG_2);

	static final Set<String> STAFF = Set.of("officer", "approver", "manager", "auditor", "approver2");

	final Map<String, Voucher> vouchers = new ConcurrentHashMap<>();

	final List<String> order = new CopyOnWriteArrayList<>();

	final List<String> calls = new CopyOnWriteArrayList<>();

	void reset() {
		this.vouchers.clear();
		this.order.clear();
		this.calls.clear();
		put(voucher("v-other", OTHER, VoucherState.VOUCHER_STATE_ISSUED));
		put(voucher("v-issued", ORG_1, VoucherState.VOUCHER_STATE_ISSUED));
		put(voucher("v-redeemed", ORG_1, VoucherState.VOUCHER_STATE_REDEEMED).toBuilder()
			.setProviderId(ORG_2)
			.setContractReference("JM-SVC-001")
			.setRedeemed(FakeFundingService.fen(150_000_00L))
			.build());
		put(voucher("v-prepared", ORG_1, VoucherState.VOUCHER_STATE_SETTLEMENT_PREPARED).toBuilder()
			.setProviderId(ORG_2)
			.setContractReference("JM-SVC-002")
			.setRedeemed(FakeFundingService.fen(80_000_00L))
			.setEvidenceReference("发票 No. 44070012")
			.setSettlementPreparedBy("officer")
			.build());
	}

	void put(Voucher v) {
		if (!this.vouchers.containsKey(v.getVoucherId())) {
			this.order.add(v.getVoucherId());
		}
		this.vouchers.put(v.getVoucherId(), v);
	}

	static Voucher voucher(String id, String enterprise, VoucherState state) {
		return Voucher.newBuilder()
			.setVoucherId(id)
			.setEnterpriseId(enterprise)
			.setFiscalYear(2026)
			.setFace(FakeFundingService.fen(200_000_00L))
			.setSharePercent(50)
			.setExpiresOn("2026-12-31")
			.setState(state)
			.build();
	}

	/** As funding answers it to this caller: whether they prepared the settlement. */
	private static Voucher seenBy(Voucher v, String caller) {
		return v.toBuilder().setSettlementPreparedByCaller(v.getSettlementPreparedBy().equals(caller)).build();
	}

	void list(ListVouchersRequest request, String caller, StreamObserver<ListVouchersResponse> observer) {
		this.calls.add("list " + caller + " " + request.getView());
		boolean provider = request.getView() == VoucherListView.VOUCHER_LIST_VIEW_PROVIDER;
		String own = ORGANISATION.get(caller);
		if (own == null && !STAFF.contains(caller)) {
			observer.onError(Status.PERMISSION_DENIED.asRuntimeException());
			return;
		}
		List<String> newest = new ArrayList<>(this.order);
		java.util.Collections.reverse(newest);
		observer.onNext(ListVouchersResponse.newBuilder()
			.addAllVouchers(newest.stream()
				.map(this.vouchers::get)
				.filter(v -> own == null || (provider ? v.getProviderId() : v.getEnterpriseId()).equals(own))
				.map(v -> seenBy(v, caller))
				.toList())
			.build());
		observer.onCompleted();
	}

	void get(GetVoucherRequest request, String caller, StreamObserver<GetVoucherResponse> observer) {
		Voucher v = this.vouchers.get(request.getVoucherId());
		if (v == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		observer.onNext(GetVoucherResponse.newBuilder().setVoucher(seenBy(v, caller)).build());
		observer.onCompleted();
	}

	void issue(IssueVoucherRequest request, String caller, StreamObserver<IssueVoucherResponse> observer) {
		this.calls.add("issue " + request.getEnterpriseId() + " " + request.getFiscalYear() + " "
				+ request.getAmount().getMinorUnits() + " key=" + request.getIdempotencyKey());
		if (!"manager".equals(caller)) {
			observer.onError(Status.PERMISSION_DENIED.asRuntimeException());
			return;
		}
		try {
			java.util.UUID.fromString(request.getEnterpriseId());
		}
		catch (IllegalArgumentException ex) {
			observer.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
				.setCode(Code.INVALID_ARGUMENT_VALUE)
				.addDetails(Any.pack(BadRequest.newBuilder()
					.addFieldViolations(
							BadRequest.FieldViolation.newBuilder().setField("enterprise_id").setReason("id.malformed"))
					.build()))
				.build()));
			return;
		}
		if (request.getAmount().getMinorUnits() > CAP) {
			observer.onError(FakeFundingService.refused("voucher.cap-exceeded"));
			return;
		}
		Voucher issued = voucher("v-" + (this.order.size() + 1), request.getEnterpriseId(),
				VoucherState.VOUCHER_STATE_ISSUED).toBuilder()
			.setFiscalYear(request.getFiscalYear())
			.setFace(request.getAmount())
			.build();
		put(issued);
		observer.onNext(IssueVoucherResponse.newBuilder().setVoucher(issued).build());
		observer.onCompleted();
	}

	void prepare(PrepareVoucherSettlementRequest request, String caller,
			StreamObserver<PrepareVoucherSettlementResponse> observer) {
		this.calls.add("prepare " + request.getVoucherId() + " " + request.getEvidenceReference());
		Voucher v = this.vouchers.get(request.getVoucherId());
		if (v == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		if (v.getState() != VoucherState.VOUCHER_STATE_REDEEMED) {
			observer.onError(FakeFundingService.refused("voucher.transition-not-allowed"));
			return;
		}
		Voucher prepared = v.toBuilder()
			.setState(VoucherState.VOUCHER_STATE_SETTLEMENT_PREPARED)
			.setEvidenceReference(request.getEvidenceReference())
			.setSettlementPreparedBy(caller)
			.build();
		put(prepared);
		observer.onNext(PrepareVoucherSettlementResponse.newBuilder().setVoucher(seenBy(prepared, caller)).build());
		observer.onCompleted();
	}

	void decide(DecideVoucherSettlementRequest request, String caller,
			StreamObserver<DecideVoucherSettlementResponse> observer) {
		this.calls.add("decide " + request.getVoucherId() + " " + request.getDecision() + " " + request.getReason());
		Voucher v = this.vouchers.get(request.getVoucherId());
		if (v == null) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		if (v.getSettlementPreparedBy().equals(caller)) {
			observer.onError(Status.PERMISSION_DENIED.withDescription("four eyes").asRuntimeException());
			return;
		}
		if (v.getState() != VoucherState.VOUCHER_STATE_SETTLEMENT_PREPARED) {
			observer.onError(FakeFundingService.refused("voucher.transition-not-allowed"));
			return;
		}
		boolean approve = request.getDecision() == InstrumentDecision.INSTRUMENT_DECISION_APPROVE;
		Voucher decided = approve ? v.toBuilder().setState(VoucherState.VOUCHER_STATE_SETTLED).build()
				: v.toBuilder()
					.setState(VoucherState.VOUCHER_STATE_REDEEMED)
					.setEvidenceReference("")
					.setSettlementPreparedBy("")
					.build();
		put(decided);
		observer.onNext(DecideVoucherSettlementResponse.newBuilder().setVoucher(decided).build());
		observer.onCompleted();
	}

	/** Like funding: the 2026 rules cap each enterprise at {@link #CAP}; no rules for other years; an applicant reads their own. */
	void allowance(cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceRequest request, String caller,
			StreamObserver<cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceResponse> observer) {
		this.calls.add("allowance " + caller + " " + request.getOrganisationId() + " " + request.getFiscalYear());
		String own = ORGANISATION.get(caller);
		String organisation = request.getOrganisationId().isEmpty() && own != null ? own : request.getOrganisationId();
		if ((own == null && !STAFF.contains(caller)) || (own != null && !organisation.equals(own))) {
			observer.onError(Status.PERMISSION_DENIED.asRuntimeException());
			return;
		}
		long issued = this.vouchers.values()
			.stream()
			.filter(v -> v.getEnterpriseId().equals(organisation) && v.getFiscalYear() == request.getFiscalYear())
			.mapToLong(v -> v.getFace().getMinorUnits())
			.sum();
		var response = cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceResponse.newBuilder()
			.setOrganisationId(organisation)
			.setFiscalYear(request.getFiscalYear())
			.setIssued(FakeFundingService.fen(issued))
			.setRulesSet(request.getFiscalYear() == 2026);
		if (request.getFiscalYear() == 2026) {
			response.setCap(FakeFundingService.fen(CAP)).setRemaining(FakeFundingService.fen(Math.max(0, CAP - issued)));
		}
		observer.onNext(response.build());
		observer.onCompleted();
	}

}
