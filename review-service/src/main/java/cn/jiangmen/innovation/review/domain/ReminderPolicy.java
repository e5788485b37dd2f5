package cn.jiangmen.innovation.review.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who needs a reminder: in an open round whose deadline is within {@code lead} (or passed), every
 * expert with active assignments not yet submitted, with how many are pending. Pure.
 */
public final class ReminderPolicy {

	private ReminderPolicy() {
	}

	public static boolean isDue(ReviewRound round, Instant now, Duration lead) {
		return round.isOpen() && !now.isBefore(round.deadline().minus(lead));
	}

	public static Map<ExpertId, Integer> pendingByExpert(List<Assignment> assignments) {
		Map<ExpertId, Integer> pending = new TreeMap<>();
		for (Assignment a : assignments) {
			if (a.isActive() && a.sheetStatus() != Assignment.SheetStatus.SUBMITTED) {
				pending.merge(a.expert(), 1, Integer::sum);
			}
		}
		return pending;
	}

}
