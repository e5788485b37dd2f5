package cn.jiangmen.innovation.funding.domain.subsidy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static cn.jiangmen.innovation.funding.domain.subsidy.ClaimState.APPROVED;
import static cn.jiangmen.innovation.funding.domain.subsidy.ClaimState.PAYMENT_PREPARED;
import static cn.jiangmen.innovation.funding.domain.subsidy.ClaimState.REFUSED;
import static cn.jiangmen.innovation.funding.domain.subsidy.ClaimState.REVIEWED;
import static cn.jiangmen.innovation.funding.domain.subsidy.ClaimState.SUBMITTED;

/**
 * The state machine of a subsidy claim, as a table:
 *
 * <pre>
 * SUBMITTED --PASS_REVIEW--> REVIEWED --PREPARE_PAYMENT--> PAYMENT_PREPARED --APPROVE_PAYMENT--> APPROVED
 *                                                          PAYMENT_PREPARED --REJECT_PAYMENT--> REVIEWED
 * SUBMITTED --REFUSE--> REFUSED
 * </pre>
 *
 * Nothing leaves APPROVED (the money is payable) or REFUSED.
 */
public final class ClaimLifecycle {

	private static final Map<ClaimState, Map<ClaimAction, ClaimState>> TABLE = new EnumMap<>(ClaimState.class);

	static {
		allow(SUBMITTED, ClaimAction.PASS_REVIEW, REVIEWED);
		allow(SUBMITTED, ClaimAction.REFUSE, REFUSED);
		allow(REVIEWED, ClaimAction.PREPARE_PAYMENT, PAYMENT_PREPARED);
		allow(PAYMENT_PREPARED, ClaimAction.APPROVE_PAYMENT, APPROVED);
		allow(PAYMENT_PREPARED, ClaimAction.REJECT_PAYMENT, REVIEWED);
	}

	private ClaimLifecycle() {
	}

	private static void allow(ClaimState from, ClaimAction action, ClaimState to) {
		TABLE.computeIfAbsent(from, s -> new EnumMap<>(ClaimAction.class)).put(action, to);
	}

	public static Optional<ClaimState> target(ClaimState from, ClaimAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

}
