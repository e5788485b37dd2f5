package cn.jiangmen.innovation.project.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;


import static cn.jiangmen.innovation.project.domain.MilestoneState.ACCEPTED;
import static cn.jiangmen.innovation.project.domain.MilestoneState.PLANNED;
import static cn.jiangmen.innovation.project.domain.MilestoneState.REJECTED;
import static cn.jiangmen.innovation.project.domain.MilestoneState.REPORTED;

/**
 * The state machine of a milestone in execution, as a table:
 *
 * <pre>
 * PLANNED  --REPORT--> REPORTED --ACCEPT--> ACCEPTED (final: funding releases the tranche on it)
 * REJECTED --REPORT--> REPORTED --RETURN--> REJECTED (returned with reasons, 退回)
 * </pre>
 *
 * Everything not in the table is refused.
 */
public final class MilestoneLifecycle {

	/** What the lead (report) or the manager (accept, return) does to a milestone. */
	public enum Action {

		REPORT, ACCEPT, RETURN

	}

	private static final Map<MilestoneState, Map<Action, MilestoneState>> TABLE = new EnumMap<>(MilestoneState.class);

	static {
		allow(PLANNED, Action.REPORT, REPORTED);
		allow(REJECTED, Action.REPORT, REPORTED);
		allow(REPORTED, Action.ACCEPT, ACCEPTED);
		allow(REPORTED, Action.RETURN, REJECTED);
	}

	private MilestoneLifecycle() {
	}

	private static void allow(MilestoneState from, Action action, MilestoneState to) {
		TABLE.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, to);
	}

	/** Where {@code action} leads from {@code from}, or empty when the table does not allow it. */
	public static Optional<MilestoneState> target(MilestoneState from, Action action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

}
