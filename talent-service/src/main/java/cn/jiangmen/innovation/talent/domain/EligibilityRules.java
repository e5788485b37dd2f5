package cn.jiangmen.innovation.talent.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The eligibility rules of one category of a call, as data a manager sets per call.
 *
 * @param maxLeaderAge the leader's highest age on the closing day (Asia/Shanghai), or null for none
 * @param minTeamSize the least number of people including the leader (1 for individual categories)
 * @param requiredLeaderTitles titles of which the leader must hold one; empty means any
 * @param leaderFullTime whether the leader must commit full time to the host organisation
 * @param fieldMustBeInCall whether the application's priority field must be one of the call's
 */
public record EligibilityRules(Integer maxLeaderAge, int minTeamSize, Set<ProfessionalTitle> requiredLeaderTitles,
		boolean leaderFullTime, boolean fieldMustBeInCall) {

	public EligibilityRules {
		Objects.requireNonNull(requiredLeaderTitles, "requiredLeaderTitles");
		requiredLeaderTitles = requiredLeaderTitles.isEmpty() ? Set.of() : Set.copyOf(requiredLeaderTitles);
		if (maxLeaderAge != null && (maxLeaderAge < 18 || maxLeaderAge > 100)) {
			throw new IllegalArgumentException("maxLeaderAge out of range: " + maxLeaderAge);
		}
		if (minTeamSize < 1 || minTeamSize > 100) {
			throw new IllegalArgumentException("minTeamSize out of range: " + minTeamSize);
		}
	}

	/**
	 * Sensible starting values for a new call (a manager changes them per call): teams of at least
	 * five led by a senior researcher of at most 55; leading talents of at most 60 with a senior
	 * title; overseas young talents of at most 40; all full time, all in the
	 * call's fields.
	 */
	public static EligibilityRules defaultsFor(Category category) {
		Set<ProfessionalTitle> senior = EnumSet.of(ProfessionalTitle.PROFESSOR, ProfessionalTitle.RESEARCHER,
				ProfessionalTitle.SENIOR_ENGINEER_PROFESSOR_LEVEL);
		return switch (category) {
			case TEAM_RND_INDUSTRIALISATION, TEAM_APPLIED_BASIC_RESEARCH -> new EligibilityRules(55, 5, senior, true,
					true);
			case LEADING_TALENT -> new EligibilityRules(60, 1, senior, true, true);
			case OVERSEAS_YOUNG_TALENT -> new EligibilityRules(40, 1, Set.of(), true, true);
		};
	}

}
