package cn.jiangmen.innovation.funding.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static cn.jiangmen.innovation.funding.domain.TrancheState.APPROVED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.BATCHED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.CANCELLED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.FAILED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.PAID;
import static cn.jiangmen.innovation.funding.domain.TrancheState.PREPARED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.REJECTED;
import static cn.jiangmen.innovation.funding.domain.TrancheState.SCHEDULED;

/**
 * The state machine of a tranche, as a table:
 *
 * <pre>
 * SCHEDULED --PREPARE--> PREPARED --APPROVE--> APPROVED --BATCH--> BATCHED --CONFIRM_PAID--> PAID
 *                        PREPARED --REJECT--> REJECTED --PREPARE--> PREPARED
 *                                                       BATCHED --CONFIRM_FAILED--> FAILED --BATCH--> BATCHED
 * SCHEDULED | PREPARED | REJECTED --CANCEL--> CANCELLED
 * </pre>
 *
 * Approved money is posted, so an approved tranche is not cancelled: it is paid, or recovered
 * (追回). Everything not in the table is refused.
 */
public final class TrancheLifecycle {

	private static final Map<TrancheState, Map<TrancheAction, TrancheState>> TABLE = new EnumMap<>(TrancheState.class);

	static {
		allow(SCHEDULED, TrancheAction.PREPARE, PREPARED);
		allow(REJECTED, TrancheAction.PREPARE, PREPARED);
		allow(PREPARED, TrancheAction.APPROVE, APPROVED);
		allow(PREPARED, TrancheAction.REJECT, REJECTED);
		allow(APPROVED, TrancheAction.BATCH, BATCHED);
		allow(FAILED, TrancheAction.BATCH, BATCHED);
		allow(BATCHED, TrancheAction.CONFIRM_PAID, PAID);
		allow(BATCHED, TrancheAction.CONFIRM_FAILED, FAILED);
		allow(SCHEDULED, TrancheAction.CANCEL, CANCELLED);
		allow(PREPARED, TrancheAction.CANCEL, CANCELLED);
		allow(REJECTED, TrancheAction.CANCEL, CANCELLED);
	}

	private TrancheLifecycle() {
	}

	private static void allow(TrancheState from, TrancheAction action, TrancheState to) {
		TABLE.computeIfAbsent(from, s -> new EnumMap<>(TrancheAction.class)).put(action, to);
	}

	public static Optional<TrancheState> target(TrancheState from, TrancheAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

}
