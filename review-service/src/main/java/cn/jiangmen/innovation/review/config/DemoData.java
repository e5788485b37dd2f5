package cn.jiangmen.innovation.review.config;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.PersonNameKey;
import cn.jiangmen.innovation.review.domain.Affiliation;
import cn.jiangmen.innovation.review.domain.CoApplication;
import cn.jiangmen.innovation.review.domain.DeclaredRelationship;
import cn.jiangmen.innovation.review.domain.Expert;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.Experts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profile {@code demo}: profiles of the five demo experts (Keycloak ids fixed in the realm), so a
 * manager can open a round over the demo applications and projects at once. Their fields cover the
 * demo calls and the nine priority fields (three experts each, all nine for expert1, 3 and 5);
 * expert3 left 五邑大学 in 2024 and expert5 declared a relationship with 江门市光电科技有限公司, so the
 * conflict list shows both rules at work; expert2 applied in 2019 with 林涛 of 江门市光电科技有限公司, given
 * by name and organisation as a person would. Each name is the realm user's family + given name, so an
 * expert is called the same in the page header (the token's name) and in the review matrix (this
 * profile). Existing profiles are left as they are.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

	static final UUID OPTOELECTRONICS = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final UUID WUYI_UNIVERSITY = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002");

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** The nine priority fields of the demo projects (project-service's V1), so every field has a panel. */
	private static final Set<String> ALL_DEMO_FIELDS = Set.of("visible-light-communication", "intelligent-industrial-robots",
			"nev-batteries-power-systems", "additive-manufacturing", "rail-transit-equipment", "motorcycle-power-systems",
			"semiconductor-lighting", "marine-engineering-equipment", "intelligent-manufacturing-equipment");

	private final Experts experts;

	private final Clock clock;

	private final PersonNameKey keys;

	DemoData(Experts experts, Clock clock, PersonNameKey keys) {
		this.experts = experts;
		this.clock = clock;
		this.keys = keys;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		int seeded = 0;
		for (Expert expert : demoExperts(this.keys)) {
			if (this.experts.find(expert.id()).isEmpty()) {
				this.experts.save(expert, "demo-seed", now);
				seeded++;
			}
		}
		log.info("Seeded {} demo expert profile(s)", seeded);
	}

	static List<Expert> demoExperts(PersonNameKey keys) {
		UUID gdut = UUID.fromString("7d1c2a8e-0000-4000-8000-0000000000a1");
		UUID scut = UUID.fromString("7d1c2a8e-0000-4000-8000-0000000000a2");
		UUID jnu = UUID.fromString("7d1c2a8e-0000-4000-8000-0000000000a3");
		return List.of(
				expert(1, "张卫国", ALL_DEMO_FIELDS, List.of(Affiliation.current(gdut, "广东工业大学", 2008)), List.of(),
						List.of()),
				expert(2, "刘芳", Set.of("visible-light-communication", "intelligent-industrial-robots", "nev-batteries-power-systems",
						"rail-transit-equipment", "marine-engineering-equipment", "semiconductor-lighting"),
						List.of(Affiliation.current(scut, "华南理工大学", 2012)), List.of(new CoApplication(
								keys.of("林涛", "江门市光电科技有限公司").orElseThrow(), 2019, "林涛", OPTOELECTRONICS,
								"江门市光电科技有限公司")),
						List.of()),
				expert(3, "黄志强", ALL_DEMO_FIELDS,
						List.of(Affiliation.current(jnu, "暨南大学", 2025), Affiliation.past(WUYI_UNIVERSITY, "五邑大学", 2010, 2024)),
						List.of(), List.of()),
				expert(4, "吴敏", Set.of("visible-light-communication", "intelligent-industrial-robots", "additive-manufacturing",
						"motorcycle-power-systems", "intelligent-manufacturing-equipment", "rail-transit-equipment"),
						List.of(Affiliation.current(gdut, "广东工业大学", 2015)), List.of(), List.of()),
				expert(5, "郑海燕", ALL_DEMO_FIELDS, List.of(Affiliation.current(scut, "华南理工大学", 2005)), List.of(),
						List.of(new DeclaredRelationship(DeclaredRelationship.Kind.ORGANISATION, OPTOELECTRONICS.toString(),
								"曾任该公司技术顾问"))));
	}

	private static Expert expert(int n, String name, Set<String> fields, List<Affiliation> affiliations,
			List<CoApplication> coApplications, List<DeclaredRelationship> relationships) {
		String subject = "a0000000-0000-4000-8000-00000000e00" + n;
		return new Expert(new ExpertId(subject), "expert" + n, name, "expert" + n + "@demo.jiangmen.local", null,
				fields, affiliations, coApplications, relationships);
	}

}
