package cn.jiangmen.innovation.talent.domain;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;

/**
 * Evaluates a call's eligibility rules (data, per category) against an application's content. Each
 * failed rule is one violation whose code ({@code eligibility.*}) the portal translates; rules that
 * need a value the draft does not have yet are not judged (the completeness check reports those).
 */
public final class Eligibility {

	private Eligibility() {
	}

	public static List<FieldViolation> evaluate(TalentCall call, ApplicationContent content) {
		List<FieldViolation> findings = new ArrayList<>();
		if (content.category() == null) {
			return findings;
		}
		EligibilityRules rules = call.rulesFor(content.category()).orElse(null);
		if (rules == null) {
			findings.add(new FieldViolation("category", "eligibility.category-not-in-call",
					"this call does not fund the category " + content.category()));
			return findings;
		}
		if (rules.fieldMustBeInCall() && content.priorityField() != null
				&& !call.priorityFields().contains(content.priorityField())) {
			findings.add(new FieldViolation("priorityField", "eligibility.field-not-in-call",
					"must be one of the call's priority fields " + call.priorityFields()));
		}
		if (content.team().size() < rules.minTeamSize()) {
			findings.add(new FieldViolation("team", "eligibility.team-too-small",
					"needs at least " + rules.minTeamSize() + " people including the leader, has "
							+ content.team().size()));
		}
		int leaderIndex = indexOfLeader(content);
		if (leaderIndex >= 0) {
			TeamMember leader = content.team().get(leaderIndex);
			String prefix = "team[" + leaderIndex + "].";
			if (rules.maxLeaderAge() != null) {
				leader.ageOn(call.referenceDay())
					.filter(age -> age > rules.maxLeaderAge())
					.ifPresent(age -> findings.add(new FieldViolation(prefix + "birthDate", "eligibility.leader-too-old",
							"the leader is " + age + " on " + call.referenceDay() + "; the limit is "
									+ rules.maxLeaderAge())));
			}
			if (!rules.requiredLeaderTitles().isEmpty() && leader.title() != null
					&& !rules.requiredLeaderTitles().contains(leader.title())) {
				findings.add(new FieldViolation(prefix + "title", "eligibility.leader-title",
						"the leader must hold one of " + rules.requiredLeaderTitles()));
			}
			if (rules.leaderFullTime() && Boolean.FALSE.equals(leader.fullTime())) {
				findings.add(new FieldViolation(prefix + "fullTime", "eligibility.leader-not-full-time",
						"the leader must work full time for the host organisation"));
			}
		}
		if (content.team().stream().filter(TeamMember::isLeader).count() > 1) {
			findings.add(new FieldViolation("team", "eligibility.one-leader", "may have only one leader"));
		}
		return findings;
	}

	private static int indexOfLeader(ApplicationContent content) {
		for (int i = 0; i < content.team().size(); i++) {
			if (content.team().get(i).isLeader()) {
				return i;
			}
		}
		return -1;
	}

}
