package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;

/** Calls, content and viewers for domain tests. */
final class Fixtures {

	static final Instant OPENS = Instant.parse("2026-03-01T00:00:00Z");

	/** 2026-05-31 23:59:59 in Asia/Shanghai. */
	static final Instant CLOSES = Instant.parse("2026-05-31T15:59:59Z");

	static final Instant DURING = Instant.parse("2026-04-15T02:00:00Z");

	static final OrganisationId ORG_A = new OrganisationId(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001"));

	static final OrganisationId ORG_B = new OrganisationId(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002"));

	static final IdentityFingerprint FINGERPRINT = IdentityFingerprint
		.hmacSha256("test-only-identity-secret-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8));

	static final Set<AttachmentKind> ALL_ATTACHED = java.util.EnumSet.allOf(AttachmentKind.class);

	private Fixtures() {
	}

	static TalentCall openCall() {
		Map<Category, EligibilityRules> categories = new EnumMap<>(Category.class);
		for (Category category : Category.values()) {
			categories.put(category, EligibilityRules.defaultsFor(category));
		}
		TalentCall call = TalentCall.create("2026 Pearl River Talent", categories,
				List.of("visible-light-communication", "intelligent-industrial-robots"), OPENS, CLOSES, OPENS);
		call.open();
		return call;
	}

	static TeamMember leader(LocalDate birth) {
		return new TeamMember("Li Ming", MemberRole.LEADER, ProfessionalTitle.PROFESSOR, Degree.DOCTORATE, birth, "CN",
				"Wuyi University", true, null, FINGERPRINT.of("440703198001011234"));
	}

	static TeamMember member(int i) {
		return new TeamMember("Member " + i, MemberRole.CORE_MEMBER, ProfessionalTitle.ENGINEER, Degree.MASTER,
				LocalDate.of(1990, 1, i), "CN", "Jiangmen Optoelectronics", true, null, null);
	}

	/** A complete, eligible team application (leader plus four members, in a call field). */
	static ApplicationContent eligibleTeam() {
		List<TeamMember> team = new ArrayList<>();
		team.add(leader(LocalDate.of(1980, 1, 1)));
		for (int i = 1; i <= 4; i++) {
			team.add(member(i));
		}
		return new ApplicationContent("Visible-light communication team", Category.TEAM_RND_INDUSTRIALISATION,
				"visible-light-communication", "LED-based optical wireless links for factories",
				new HostOrganisation("江门市光电科技有限公司", new CreditCode("91440703MA4UJ8K2XW"), OrganisationKind.ENTERPRISE),
				team);
	}

	static Caller applicantOf(OrganisationId organisation) {
		return new Caller("applicant", "applicant", Set.of("applicant"), Optional.of(organisation.value()));
	}

	static Caller withRole(String role) {
		return Caller.of(role, role);
	}

}
