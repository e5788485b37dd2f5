package cn.jiangmen.innovation.portal.finance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.jiangmen.innovation.contracts.funding.v1.RedeemVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RedeemVoucherResponse;
import cn.jiangmen.innovation.contracts.funding.v1.Voucher;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherState;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * funding-service's RedeemVoucher as {@link FakeFundingService} plays it, in funding's order
 * (VoucherCommands.redeem, Voucher.redeem): NOT_FOUND for anyone but an applicant of the enterprise
 * the voucher was issued to; a provider that is not on funding's register ({@link #REGISTERED}: the
 * university ORG_2) is INVALID_ARGUMENT provider_id provider.not-registered; a key used before
 * answers what it answered then (idempotency); a voucher that is not issued any more is
 * FAILED_PRECONDITION voucher.transition-not-allowed, one past its redeem-by date (Beijing)
 * voucher.expired; a blank reference names contract_reference; a price whose share is under a fen
 * names contract_price amount.too-small. Redeemed, it pays its share of the price, at most the face.
 */
class FakeVoucherRedemptions {

	static final Set<String> REGISTERED = Set.of(FakeVouchers.ORG_2);

	private final FakeVouchers vouchers;

	/** Idempotency: key to the voucher it redeemed. */
	private final Map<String, Voucher> answered = new ConcurrentHashMap<>();

	FakeVoucherRedemptions(FakeVouchers vouchers) {
		this.vouchers = vouchers;
	}

	void reset() {
		this.answered.clear();
	}

	void redeem(RedeemVoucherRequest request, String caller, StreamObserver<RedeemVoucherResponse> observer) {
		this.vouchers.calls.add("redeem " + request.getVoucherId() + " " + request.getProviderId() + " "
				+ request.getContractReference() + " " + request.getContractPrice().getMinorUnits() + " key="
				+ request.getIdempotencyKey());
		Voucher v = this.vouchers.vouchers.get(request.getVoucherId());
		String own = FakeVouchers.ORGANISATION.get(caller);
		if (v == null || own == null || !v.getEnterpriseId().equals(own)) {
			observer.onError(Status.NOT_FOUND.asRuntimeException());
			return;
		}
		if (!REGISTERED.contains(request.getProviderId())) {
			observer.onError(invalid("provider_id", "provider.not-registered"));
			return;
		}
		Voucher before = this.answered.get(request.getIdempotencyKey());
		if (before != null) {
			reply(observer, before);
			return;
		}
		if (v.getState() != VoucherState.VOUCHER_STATE_ISSUED) {
			observer.onError(FakeFundingService.refused("voucher.transition-not-allowed"));
			return;
		}
		if (LocalDate.now(ZoneId.of("Asia/Shanghai")).isAfter(LocalDate.parse(v.getExpiresOn()))) {
			observer.onError(FakeFundingService.refused("voucher.expired"));
			return;
		}
		if (request.getContractReference().isBlank()) {
			observer.onError(invalid("contract_reference", "required"));
			return;
		}
		long share = request.getContractPrice().getMinorUnits() * v.getSharePercent() / 100;
		long pays = Math.min(v.getFace().getMinorUnits(), share);
		if (pays <= 0) {
			observer.onError(invalid("contract_price", "amount.too-small"));
			return;
		}
		Voucher redeemed = v.toBuilder()
			.setState(VoucherState.VOUCHER_STATE_REDEEMED)
			.setProviderId(request.getProviderId())
			.setContractReference(request.getContractReference())
			.setRedeemed(FakeFundingService.fen(pays))
			.build();
		this.vouchers.put(redeemed);
		this.answered.put(request.getIdempotencyKey(), redeemed);
		reply(observer, redeemed);
	}

	private static void reply(StreamObserver<RedeemVoucherResponse> observer, Voucher v) {
		observer.onNext(RedeemVoucherResponse.newBuilder().setVoucher(v).build());
		observer.onCompleted();
	}

	private static StatusRuntimeException invalid(String field, String reason) {
		return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
			.setCode(Code.INVALID_ARGUMENT_VALUE)
			.addDetails(Any.pack(BadRequest.newBuilder()
				.addFieldViolations(BadRequest.FieldViolation.newBuilder().setField(field).setReason(reason))
				.build()))
			.build());
	}

}
