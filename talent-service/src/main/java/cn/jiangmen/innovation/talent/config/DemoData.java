package cn.jiangmen.innovation.talent.config;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.talent.domain.ApplicationContent;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.ApplicationStatus;
import cn.jiangmen.innovation.platform.attachment.DocumentType;
import cn.jiangmen.innovation.talent.domain.Attachment;
import cn.jiangmen.innovation.talent.domain.AttachmentId;
import cn.jiangmen.innovation.talent.domain.AttachmentKind;
import cn.jiangmen.innovation.talent.domain.Attachments;
import cn.jiangmen.innovation.talent.domain.CallId;
import cn.jiangmen.innovation.talent.domain.CallStatus;
import cn.jiangmen.innovation.talent.domain.Category;
import cn.jiangmen.innovation.talent.domain.CreditCode;
import cn.jiangmen.innovation.talent.domain.Degree;
import cn.jiangmen.innovation.talent.domain.EligibilityRules;
import cn.jiangmen.innovation.talent.domain.HostOrganisation;
import cn.jiangmen.innovation.talent.domain.MemberRole;
import cn.jiangmen.innovation.talent.domain.OrganisationId;
import cn.jiangmen.innovation.talent.domain.OrganisationKind;
import cn.jiangmen.innovation.talent.domain.ProfessionalTitle;
import cn.jiangmen.innovation.talent.domain.ReviewOutcome;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.TalentApplications;
import cn.jiangmen.innovation.talent.domain.TalentCall;
import cn.jiangmen.innovation.talent.domain.TalentCalls;
import cn.jiangmen.innovation.talent.domain.TeamMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profile {@code demo}: one open and one closed call with applications of the two demo
 * organisations (docs/conventions.md), so a newcomer sees a living system. Fixed ids make it
 * idempotent: when the open call exists, nothing is seeded again.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

	static final CallId OPEN_CALL = new CallId(UUID.fromString("3a1e7a1e-0000-4000-8000-000000000001"));

	static final CallId CLOSED_CALL = new CallId(UUID.fromString("3a1e7a1e-0000-4000-8000-000000000002"));

	static final OrganisationId OPTOELECTRONICS = new OrganisationId(
			UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001"));

	static final OrganisationId WUYI_UNIVERSITY = new OrganisationId(
			UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002"));

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final List<String> FIELDS = List.of("visible-light-communication", "intelligent-industrial-robots",
			"nev-batteries-power-systems", "additive-manufacturing");

	private final TalentCalls calls;

	private final TalentApplications applications;

	private final Attachments attachments;

	private final Audit audit;

	private final Clock clock;

	DemoData(TalentCalls calls, TalentApplications applications, Attachments attachments, Audit audit, Clock clock) {
		this.calls = calls;
		this.applications = applications;
		this.attachments = attachments;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.calls.find(OPEN_CALL).isPresent()) {
			log.info("Demo talent data already present");
			return;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Map<Category, EligibilityRules> categories = new EnumMap<>(Category.class);
		for (Category category : Category.values()) {
			categories.put(category, EligibilityRules.defaultsFor(category));
		}
		TalentCall open = new TalentCall(OPEN_CALL, "2026年度广东省珠江人才计划·江门市推荐申报", categories, FIELDS,
				now.minus(Duration.ofDays(14)), now.plus(Duration.ofDays(30)), CallStatus.OPEN,
				now.minus(Duration.ofDays(15)), 0);
		TalentCall closed = new TalentCall(CLOSED_CALL, "2025年度广东省特支计划·江门市推荐申报", categories, FIELDS,
				now.minus(Duration.ofDays(120)), now.minus(Duration.ofDays(60)), CallStatus.OPEN,
				now.minus(Duration.ofDays(121)), 0);
		this.calls.add(open);
		this.calls.add(closed);

		Instant earlier = now.minus(Duration.ofDays(3));
		add(new TalentApplication(id(1), OPEN_CALL, OPTOELECTRONICS, team("可见光通信与标准光组件创新团队", "visible-light-communication",
				"江门市光电科技有限公司", "91440703MA4UJ8K2XW", OrganisationKind.ENTERPRISE, "李明", LocalDate.of(1979, 3, 12), 2),
				ApplicationStatus.DRAFT, null, List.of(), null, null, null, earlier, earlier, 0), false);
		add(new TalentApplication(id(2), OPEN_CALL, WUYI_UNIVERSITY,
				team("智能工业机器人应用基础研究团队", "intelligent-industrial-robots", "五邑大学", "124407004558630725",
						OrganisationKind.UNIVERSITY, "陈静", LocalDate.of(1975, 8, 2), 5),
				ApplicationStatus.SUBMITTED, earlier, List.of(), null, null, null, earlier.minus(Duration.ofDays(5)),
				earlier, 0), true);
		Instant past = now.minus(Duration.ofDays(70));
		add(new TalentApplication(id(3), CLOSED_CALL, OPTOELECTRONICS, team("LED背光模组领军人才", "visible-light-communication",
				"江门市光电科技有限公司", "91440703MA4UJ8K2XW", OrganisationKind.ENTERPRISE, "王海", LocalDate.of(1972, 11, 20), 5),
				ApplicationStatus.RANKED, past, List.of(), null, null,
				new ReviewOutcome(UUID.fromString("3a1e7a1e-0000-4000-8000-0000000000f1"), 1, 8650, true,
						now.minus(Duration.ofDays(20))),
				past.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(20)), 0), true);
		add(new TalentApplication(id(4), CLOSED_CALL, WUYI_UNIVERSITY,
				team("新能源汽车电池与动力系统创新团队", "nev-batteries-power-systems", "五邑大学", "124407004558630725",
						OrganisationKind.UNIVERSITY, "赵磊", LocalDate.of(1981, 6, 5), 5),
				ApplicationStatus.SUBMITTED, past, List.of(), null, null, null, past.minus(Duration.ofDays(8)), past,
				0), true);
		for (TalentCall call : List.of(open, closed)) {
			this.audit.record("demo-seed", now, "talent.call.seeded", "talent_call", call.id(), null, null);
		}
		log.info("Seeded demo talent data: one open call, one closed call, four applications");
	}

	private void add(TalentApplication application, boolean withDocuments) {
		this.applications.add(application);
		if (withDocuments) {
			for (AttachmentKind kind : List.of(AttachmentKind.PROPOSAL, AttachmentKind.CV, AttachmentKind.CONTRACT)) {
				byte[] pdf = ("%PDF-1.4\n% demo " + kind + " of " + application.title() + "\n%%EOF\n")
					.getBytes(StandardCharsets.UTF_8);
				AttachmentId attachmentId = new AttachmentId(UUID.nameUUIDFromBytes(
						(application.id() + "/" + kind).getBytes(StandardCharsets.UTF_8)));
				this.attachments.add(new Attachment(attachmentId, application.id(), kind,
						kind.name().toLowerCase(java.util.Locale.ROOT) + ".pdf", DocumentType.PDF, pdf.length,
						Attachment.sha256(pdf), "demo-seed", application.createdAt()), pdf);
			}
		}
		this.audit.record("demo-seed", application.updatedAt(), "talent.application.seeded", "talent_application",
				application.id(), null, Map.of("status", application.status().name()));
	}

	private static ApplicationId id(int n) {
		return new ApplicationId(UUID.fromString("3a1e7a1e-0000-4000-8000-0000000001%02d".formatted(n)));
	}

	private static ApplicationContent team(String title, String field, String host, String creditCode,
			OrganisationKind kind, String leader, LocalDate birth, int size) {
		List<TeamMember> team = new ArrayList<>();
		team.add(new TeamMember(leader, MemberRole.LEADER, ProfessionalTitle.PROFESSOR, Degree.DOCTORATE, birth, "CN",
				host, true, null, null));
		for (int i = 1; i < size; i++) {
			team.add(new TeamMember(leader.charAt(0) + "成员" + i, MemberRole.CORE_MEMBER, ProfessionalTitle.ENGINEER,
					Degree.MASTER, LocalDate.of(1988, i, 10), "CN", host, true, null, null));
		}
		return new ApplicationContent(title, size > 1 ? Category.TEAM_RND_INDUSTRIALISATION : Category.LEADING_TALENT,
				field, title + "：面向江门先进装备制造业的关键共性技术突破与产业化。", new HostOrganisation(host, new CreditCode(creditCode), kind),
				team);
	}

}
