package cn.jiangmen.innovation.project.domain;

import java.util.Map;
import java.util.Set;

/**
 * Where a task-book milestone stands. The allowed moves: a planned milestone is reported; a
 * reported one is accepted or rejected; a rejected one may be reported again; accepted is final
 * (funding releases tranches on it, so it never changes back).
 */
public enum MilestoneState {

	PLANNED, REPORTED, ACCEPTED, REJECTED;

	private static final Map<MilestoneState, Set<MilestoneState>> ALLOWED = Map.of(PLANNED, Set.of(REPORTED),
			REPORTED, Set.of(ACCEPTED, REJECTED), REJECTED, Set.of(REPORTED), ACCEPTED, Set.of());

	public boolean canMoveTo(MilestoneState next) {
		return ALLOWED.get(this).contains(next);
	}

}
