package cn.jiangmen.innovation.talent.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {

	private final TalentCall call = Fixtures.openCall();

	@Test
	void anEligibleTeamHasNoFindings() {
		assertThat(Eligibility.evaluate(this.call, Fixtures.eligibleTeam())).isEmpty();
	}

	@Test
	void leaderOverTheAgeLimitOnTheClosingDayIsNamed() {
		// the call closes on 2026-05-31 (Asia/Shanghai); teams' leaders may be at most 55 (不超过55周岁)
		assertThat(codes(withLeader(LocalDate.of(1970, 5, 31)))).containsExactly("eligibility.leader-too-old");
		assertThat(codes(withLeader(LocalDate.of(1970, 6, 1)))).isEmpty();
		assertThat(Eligibility.evaluate(this.call, withLeader(LocalDate.of(1960, 1, 1))).get(0).field())
			.isEqualTo("team[0].birthDate");
	}

	@Test
	void teamSmallerThanTheMinimumIsNamed() {
		ApplicationContent content = Fixtures.eligibleTeam();
		ApplicationContent small = new ApplicationContent(content.title(), content.category(), content.priorityField(),
				content.summary(), content.host(), content.team().subList(0, 4));
		assertThat(codes(small)).containsExactly("eligibility.team-too-small");
	}

	@Test
	void individualCategoriesNeedOnlyTheLeader() {
		ApplicationContent content = Fixtures.eligibleTeam();
		ApplicationContent alone = new ApplicationContent(content.title(), Category.LEADING_TALENT,
				content.priorityField(), content.summary(), content.host(), content.team().subList(0, 1));
		assertThat(codes(alone)).isEmpty();
	}

	@Test
	void leaderWithoutARequiredTitleIsNamed() {
		List<TeamMember> team = new ArrayList<>(Fixtures.eligibleTeam().team());
		TeamMember l = team.get(0);
		team.set(0, new TeamMember(l.name(), l.role(), ProfessionalTitle.ENGINEER, l.degree(), l.birthDate(),
				l.nationality(), l.employer(), l.fullTime(), null, null));
		assertThat(Eligibility.evaluate(this.call, withTeam(team))).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("eligibility.leader-title");
			assertThat(f.field()).isEqualTo("team[0].title");
		});
	}

	@Test
	void leaderNotFullTimeIsNamed() {
		List<TeamMember> team = new ArrayList<>(Fixtures.eligibleTeam().team());
		TeamMember l = team.get(0);
		team.set(0, new TeamMember(l.name(), l.role(), l.title(), l.degree(), l.birthDate(), l.nationality(),
				l.employer(), false, null, null));
		assertThat(codes(withTeam(team))).containsExactly("eligibility.leader-not-full-time");
	}

	@Test
	void fieldOutsideTheCallIsNamed() {
		ApplicationContent c = Fixtures.eligibleTeam();
		assertThat(codes(new ApplicationContent(c.title(), c.category(), "RAIL_TRANSIT", c.summary(), c.host(),
				c.team()))).containsExactly("eligibility.field-not-in-call");
	}

	@Test
	void categoryTheCallDoesNotFundIsNamed() {
		Map<Category, EligibilityRules> only = new EnumMap<>(Category.class);
		only.put(Category.LEADING_TALENT, EligibilityRules.defaultsFor(Category.LEADING_TALENT));
		TalentCall narrow = TalentCall.create("Leading talents only", only, List.of("visible-light-communication"),
				Fixtures.OPENS, Fixtures.CLOSES, Fixtures.OPENS);
		assertThat(Eligibility.evaluate(narrow, Fixtures.eligibleTeam())).extracting(FieldViolation::code)
			.containsExactly("eligibility.category-not-in-call");
	}

	@Test
	void rulesAreDataPerCall() {
		Map<Category, EligibilityRules> lenient = new EnumMap<>(Category.class);
		lenient.put(Category.TEAM_RND_INDUSTRIALISATION, new EligibilityRules(null, 1, Set.of(), false, false));
		TalentCall call = TalentCall.create("Lenient", lenient, List.of("x"), Fixtures.OPENS, Fixtures.CLOSES,
				Fixtures.OPENS);
		List<TeamMember> team = List.of(new TeamMember("Old", MemberRole.LEADER, ProfessionalTitle.NONE, Degree.OTHER,
				LocalDate.of(1940, 1, 1), "CN", "x", false, null, null));
		ApplicationContent c = Fixtures.eligibleTeam();
		assertThat(Eligibility.evaluate(call, new ApplicationContent(c.title(), c.category(), "Y", c.summary(),
				c.host(), team))).isEmpty();
	}

	@Test
	void manyFailuresAreAllReported() {
		List<TeamMember> team = List.of(new TeamMember("Old", MemberRole.LEADER, ProfessionalTitle.ENGINEER,
				Degree.OTHER, LocalDate.of(1940, 1, 1), "CN", "x", false, null, null));
		ApplicationContent c = Fixtures.eligibleTeam();
		assertThat(codes(new ApplicationContent(c.title(), c.category(), "RAIL", c.summary(), c.host(), team)))
			.containsExactlyInAnyOrder("eligibility.field-not-in-call", "eligibility.team-too-small",
					"eligibility.leader-too-old", "eligibility.leader-title", "eligibility.leader-not-full-time");
	}

	@Test
	void draftsWithoutValuesAreNotJudgedYet() {
		assertThat(Eligibility.evaluate(this.call,
				new ApplicationContent("Only a title", null, null, null, null, List.of()))).isEmpty();
	}

	private List<String> codes(ApplicationContent content) {
		return Eligibility.evaluate(this.call, content).stream().map(FieldViolation::code).toList();
	}

	private ApplicationContent withLeader(LocalDate birth) {
		List<TeamMember> team = new ArrayList<>(Fixtures.eligibleTeam().team());
		team.set(0, Fixtures.leader(birth));
		return withTeam(team);
	}

	private static ApplicationContent withTeam(List<TeamMember> team) {
		ApplicationContent c = Fixtures.eligibleTeam();
		return new ApplicationContent(c.title(), c.category(), c.priorityField(), c.summary(), c.host(), team);
	}

}
