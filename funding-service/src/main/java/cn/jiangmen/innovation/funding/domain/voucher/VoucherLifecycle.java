package cn.jiangmen.innovation.funding.domain.voucher;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static cn.jiangmen.innovation.funding.domain.voucher.VoucherState.EXPIRED;
import static cn.jiangmen.innovation.funding.domain.voucher.VoucherState.ISSUED;
import static cn.jiangmen.innovation.funding.domain.voucher.VoucherState.REDEEMED;
import static cn.jiangmen.innovation.funding.domain.voucher.VoucherState.SETTLED;
import static cn.jiangmen.innovation.funding.domain.voucher.VoucherState.SETTLEMENT_PREPARED;

/**
 * The state machine of an innovation voucher, as a table:
 *
 * <pre>
 * ISSUED --REDEEM--> REDEEMED --PREPARE_SETTLEMENT--> SETTLEMENT_PREPARED --APPROVE_SETTLEMENT--> SETTLED
 *                                                     SETTLEMENT_PREPARED --REJECT_SETTLEMENT--> REDEEMED
 * ISSUED --EXPIRE--> EXPIRED
 * </pre>
 *
 * A redeemed voucher no longer expires (the contract was signed in time); nothing leaves SETTLED or
 * EXPIRED. Redeeming twice is refused because REDEEM is allowed from ISSUED only.
 */
public final class VoucherLifecycle {

	private static final Map<VoucherState, Map<VoucherAction, VoucherState>> TABLE = new EnumMap<>(VoucherState.class);

	static {
		allow(ISSUED, VoucherAction.REDEEM, REDEEMED);
		allow(ISSUED, VoucherAction.EXPIRE, EXPIRED);
		allow(REDEEMED, VoucherAction.PREPARE_SETTLEMENT, SETTLEMENT_PREPARED);
		allow(SETTLEMENT_PREPARED, VoucherAction.APPROVE_SETTLEMENT, SETTLED);
		allow(SETTLEMENT_PREPARED, VoucherAction.REJECT_SETTLEMENT, REDEEMED);
	}

	private VoucherLifecycle() {
	}

	private static void allow(VoucherState from, VoucherAction action, VoucherState to) {
		TABLE.computeIfAbsent(from, s -> new EnumMap<>(VoucherAction.class)).put(action, to);
	}

	public static Optional<VoucherState> target(VoucherState from, VoucherAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

}
