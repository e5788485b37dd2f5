package cn.jiangmen.innovation.project.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.organisation.OrganisationKind;
import cn.jiangmen.innovation.project.domain.BudgetCategory;
import cn.jiangmen.innovation.project.domain.CallId;
import cn.jiangmen.innovation.project.domain.CallStatus;
import cn.jiangmen.innovation.project.domain.FundingSource;
import cn.jiangmen.innovation.project.domain.KpiKind;
import cn.jiangmen.innovation.project.domain.PriorityField;
import cn.jiangmen.innovation.project.domain.PriorityFields;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.ProjectCalls;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalContent;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.ProposalStatus;
import cn.jiangmen.innovation.project.domain.Proposals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profile {@code demo}: a call (申报指南) per priority field of the plan — the five city-level ones
 * open now, the four province-linked ones closed — and proposals of the two demo organisations
 * (docs/conventions.md: 江门市光电科技有限公司 leads, 五邑大学 partners) in different states: a
 * draft waiting for the partner, submitted, under review and reviewed. Fixed ids make it
 * idempotent: when the first call exists, nothing is seeded again.
 */
@Component
@Profile("demo")
class ProposalDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ProposalDemoData.class);

	static final ProposalContent.Party OPTO = new ProposalContent.Party(
			UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001"), "江门市光电科技有限公司", OrganisationKind.ENTERPRISE, "江门");

	static final ProposalContent.Party WUYI = new ProposalContent.Party(
			UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002"), "五邑大学", OrganisationKind.UNIVERSITY, "江门");

	/** The states of the demo proposals, one on each of the first open calls. */
	private static final List<ProposalStatus> DEMO_STATES = List.of(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED,
			ProposalStatus.UNDER_REVIEW, ProposalStatus.REVIEWED);

	private final ProjectCalls calls;

	private final Proposals proposals;

	private final PriorityFields fields;

	private final Clock clock;

	ProposalDemoData(ProjectCalls calls, Proposals proposals, PriorityFields fields, Clock clock) {
		this.calls = calls;
		this.proposals = proposals;
		this.fields = fields;
		this.clock = clock;
	}

	static CallId callId(int n) {
		return new CallId(UUID.fromString("5c0a11ed-0000-4000-8000-%012d".formatted(n)));
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.calls.find(callId(1)).isPresent()) {
			return;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		List<PriorityField> all = this.fields.all().stream().filter(f -> !f.isRetired()).toList();
		int n = 0;
		for (PriorityField field : all) {
			n++;
			boolean open = field.kind() == cn.jiangmen.innovation.project.domain.FieldKind.CITY;
			Instant opens = open ? now.minus(Duration.ofDays(20)) : now.minus(Duration.ofDays(200));
			Instant closes = open ? now.plus(Duration.ofDays(60)) : now.minus(Duration.ofDays(120));
			int year = opens.atZone(ProjectCall.ZONE).getYear();
			ProjectCall call = new ProjectCall(callId(n), field.code(), year, year + "年" + field.nameZh() + "重大科技专项申报指南",
					List.of(new ProjectCall.Topic("T1", field.nameZh() + "关键核心技术攻关(产学研)", true),
							new ProjectCall.Topic("T2", field.nameZh() + "产业化示范", false)),
					500_000_000L, 30, List.of("营业执照", "近三年财务审计报告", "合作协议"),
					"申报单位须为在江门市注册的企业；产学研方向须联合至少一家高校或科研院所；财政资金不超过项目总预算的30%，每项不超过500万元。",
					opens, closes, open ? CallStatus.PUBLISHED : CallStatus.CLOSED, opens, opens, 1);
			this.calls.add(call);
			if (n <= DEMO_STATES.size()) {
				this.proposals.add(proposal(n, call, DEMO_STATES.get(n - 1), now));
			}
		}
		log.info("Demo data: {} calls (申报指南) and 4 proposals (draft, submitted, under review, reviewed)", n);
	}

	private static Proposal proposal(int n, ProjectCall call, ProposalStatus status, Instant now) {
		Instant confirmed = status == ProposalStatus.DRAFT ? null : now.minus(Duration.ofDays(5));
		ProposalContent content = new ProposalContent(call.title().substring(4, Math.min(call.title().length(), 24)) + "关键技术研发及产业化",
				"T1", "突破关键核心技术，形成样机并实现产业化应用。", OPTO, "牵头单位：总体设计、样机研制与产业化", 70, 80,
				List.of(new ProposalContent.Partner(WUYI, "合作单位：仿真分析与测试验证", 30, 20, confirmed)),
				List.of(new ProposalContent.Kpi(KpiKind.INVENTION_PATENTS_APPLIED, "申请发明专利", "件", 5),
						new ProposalContent.Kpi(KpiKind.STANDARDS, "制定团体标准", "项", 1),
						new ProposalContent.Kpi(KpiKind.REVENUE, "新增销售收入", "万元", 3000)),
				List.of(new ProposalContent.PlannedMilestone("完成方案设计与样机研制",
						LocalDate.now(ProjectCall.ZONE).plusMonths(14), "样机一台、测试报告"),
						new ProposalContent.PlannedMilestone("完成产业化验证并结题", LocalDate.now(ProjectCall.ZONE).plusMonths(30),
								"验收报告、专利受理通知书")),
				List.of(new ProposalContent.BudgetLine(BudgetCategory.EQUIPMENT, FundingSource.FISCAL, 200_000_000L),
						new ProposalContent.BudgetLine(BudgetCategory.MATERIALS, FundingSource.FISCAL, 100_000_000L),
						new ProposalContent.BudgetLine(BudgetCategory.LABOUR, FundingSource.SELF_RAISED, 500_000_000L),
						new ProposalContent.BudgetLine(BudgetCategory.TESTING, FundingSource.SELF_RAISED, 200_000_000L)));
		Proposal.ReviewResult review = status == ProposalStatus.REVIEWED
				? new Proposal.ReviewResult(UUID.randomUUID().toString(), 1, 8650, true, now.minus(Duration.ofDays(2))) : null;
		return new Proposal(new ProposalId(UUID.fromString("9b0b0500-0000-4000-8000-%012d".formatted(n))), call.id(),
				OPTO.organisationId(), status, content, status == ProposalStatus.DRAFT ? null : now.minus(Duration.ofDays(4)),
				List.of(), null, null, review, null, null, null, now.minus(Duration.ofDays(10)), now, 1);
	}

}
