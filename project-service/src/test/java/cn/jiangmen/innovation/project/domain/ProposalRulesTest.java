package cn.jiangmen.innovation.project.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The call's budget and consortium rules, each refusal in words with its values. */
class ProposalRulesTest {

	private final ProjectCall call = ProposalFixtures.call();

	@Test
	void aProposalWithinEveryRuleHasNoFindingsAndCanBeSubmitted() {
		assertThat(ProposalRules.check(this.call, ProposalFixtures.content())).isEmpty();
		Proposal submitted = ProposalFixtures.proposal(this.call, ProposalFixtures.content(), ProposalStatus.DRAFT)
			.submit(this.call, ProposalFixtures.NOW);
		assertThat(submitted.status()).isEqualTo(ProposalStatus.SUBMITTED);
	}

	@Test
	void aFiscalShareOverTheLimitIsRefusedWithTheRatioAndTheLimit() {
		// 3,500,000 fiscal of 10,000,000 total = 35% > 30%
		ProposalContent c = withBudget(List.of(
				new ProposalContent.BudgetLine(BudgetCategory.EQUIPMENT, FundingSource.FISCAL, 350_000_000L),
				new ProposalContent.BudgetLine(BudgetCategory.LABOUR, FundingSource.SELF_RAISED, 650_000_000L)));
		assertThat(only(c)).satisfies(f -> {
			assertThat(f.code()).isEqualTo("budget.fiscal-share-over-limit");
			assertThat(f.field()).isEqualTo("budget");
			assertThat(f.message()).contains("3500000.00 yuan", "35.00%", "10000000.00 yuan", "at most 30%");
		});
	}

	@Test
	void aFiscalRequestOverTheCeilingIsRefusedWithBothAmounts() {
		// 6,000,000 fiscal of 30,000,000 total = 20%, but over the 5,000,000 ceiling
		ProposalContent c = withBudget(List.of(
				new ProposalContent.BudgetLine(BudgetCategory.EQUIPMENT, FundingSource.FISCAL, 600_000_000L),
				new ProposalContent.BudgetLine(BudgetCategory.MATERIALS, FundingSource.SELF_RAISED, 2_400_000_000L)));
		assertThat(only(c)).satisfies(f -> {
			assertThat(f.code()).isEqualTo("budget.over-ceiling");
			assertThat(f.message()).contains("6000000.00 yuan", "5000000.00 yuan");
		});
	}

	@Test
	void anIndustryUniversityResearchTopicWithoutAUniversityOrInstitutePartnerIsRefusedNamingThePartners() {
		ProposalContent base = ProposalFixtures.content();
		ProposalContent c = new ProposalContent(base.title(), base.topicCode(), base.objectives(), base.lead(),
				base.leadRole(), 70, 80,
				List.of(new ProposalContent.Partner(ProposalFixtures.FOSHAN_ENTERPRISE, "配套", 30, 20, null)),
				base.kpis(), base.workPlan(), base.budget());
		assertThat(only(c)).satisfies(f -> {
			assertThat(f.code()).isEqualTo("consortium.no-research-partner");
			assertThat(f.field()).isEqualTo("partners");
			assertThat(f.message()).contains("T1", "产学研", "佛山市某机械有限公司 (ENTERPRISE)");
		});
		// the same consortium on a topic that is not 产学研 is fine
		ProposalContent t2 = new ProposalContent(c.title(), "T2", c.objectives(), c.lead(), c.leadRole(), 70, 80,
				c.partners(), c.kpis(), c.workPlan(), c.budget());
		assertThat(ProposalRules.check(this.call, t2)).isEmpty();
	}

	@Test
	void aLeadThatIsNotAJiangmenEnterpriseIsRefusedSayingWhatItIs() {
		ProposalContent base = ProposalFixtures.content();
		ProposalContent universityLead = new ProposalContent(base.title(), "T2", base.objectives(),
				ProposalFixtures.UNIVERSITY, base.leadRole(), 100, 100, List.of(), base.kpis(), base.workPlan(),
				base.budget());
		assertThat(only(universityLead)).satisfies(f -> {
			assertThat(f.code()).isEqualTo("consortium.lead-not-jiangmen-enterprise");
			assertThat(f.message()).contains("五邑大学", "a university", "江门");
		});
		ProposalContent foshanLead = new ProposalContent(base.title(), "T2", base.objectives(),
				ProposalFixtures.FOSHAN_ENTERPRISE, base.leadRole(), 100, 100, List.of(), base.kpis(), base.workPlan(),
				base.budget());
		assertThat(only(foshanLead).message()).contains("an enterprise registered in 佛山");
	}

	@Test
	void sharesNotAddingUpTo100AreRefusedWithTheirSum() {
		ProposalContent base = ProposalFixtures.content();
		ProposalContent c = new ProposalContent(base.title(), base.topicCode(), base.objectives(), base.lead(),
				base.leadRole(), 60, 80, base.partners(), base.kpis(), base.workPlan(), base.budget());
		assertThat(only(c)).satisfies(f -> {
			assertThat(f.code()).isEqualTo("consortium.work-shares-not-100");
			assertThat(f.message()).contains("90%");
		});
	}

	@Test
	void anEmptyDraftNamesEveryMissingPart() {
		List<FieldViolation> findings = ProposalRules.check(this.call, ProposalContent.empty(ProposalFixtures.LEAD));
		assertThat(findings).extracting(FieldViolation::field)
			.contains("title", "objectives", "leadRole", "topicCode", "partners", "kpis", "workPlan", "budget");
		assertThat(findings).extracting(FieldViolation::code).contains("budget.no-fiscal-request");
	}

	@Test
	void submissionIsRefusedWithEveryFindingAndWaitsForUnconfirmedPartners() {
		ProposalContent over = withBudget(List.of(
				new ProposalContent.BudgetLine(BudgetCategory.EQUIPMENT, FundingSource.FISCAL, 600_000_000L),
				new ProposalContent.BudgetLine(BudgetCategory.MATERIALS, FundingSource.SELF_RAISED, 100_000_000L)));
		Proposal draft = ProposalFixtures.proposal(this.call, over, ProposalStatus.DRAFT);
		assertThatThrownBy(() -> draft.submit(this.call, ProposalFixtures.NOW))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.extracting(FieldViolation::code)
				.containsExactlyInAnyOrder("budget.fiscal-share-over-limit", "budget.over-ceiling"));
		Proposal unconfirmed = ProposalFixtures.proposal(this.call, ProposalFixtures.content().unconfirmed(),
				ProposalStatus.DRAFT);
		assertThatThrownBy(() -> unconfirmed.submit(this.call, ProposalFixtures.NOW))
			.isInstanceOfSatisfying(cn.jiangmen.innovation.platform.error.ConflictException.class, ex -> {
				assertThat(ex.code()).isEqualTo("proposal.partners-unconfirmed");
				assertThat(ex.getMessage()).contains("五邑大学");
			});
		assertThatThrownBy(() -> ProposalFixtures.proposal(this.call, ProposalFixtures.content(), ProposalStatus.DRAFT)
			.submit(this.call, this.call.closesAt()))
			.isInstanceOfSatisfying(cn.jiangmen.innovation.platform.error.ConflictException.class,
					ex -> assertThat(ex.code()).isEqualTo("call.deadline-passed"));
	}

	@Test
	void aPartialSaveKeepsThePreviousValueOfABadSectionNamesTheFieldAndTakesTheRest() {
		ProposalContent previous = ProposalFixtures.content();
		UUID unknown = UUID.randomUUID();
		ProposalForm form = new ProposalForm("新标题", "T1", "新目标", "牵头", 70, 80,
				List.of(new ProposalForm.PartnerInput(unknown.toString(), "测试", 30, 20)),
				List.of(new ProposalForm.KpiInput("JOBS", "新增就业", "人", 20L)),
				List.of(new ProposalForm.MilestoneInput("样机", "2028-13-40", "样机")),
				List.of(new ProposalForm.BudgetInput("EQUIPMENT", "FISCAL", "12.345", null)));
		Map<UUID, Organisation> none = Map.of();
		ProposalForm.Parsed parsed = form.parseKeeping(previous, ids -> none);
		assertThat(parsed.violations()).extracting(FieldViolation::field)
			.containsExactlyInAnyOrder("partners[0].organisationId", "workPlan[0].dueDate", "budget[0].amount");
		assertThat(parsed.content().title()).isEqualTo("新标题");
		assertThat(parsed.content().kpis()).extracting(ProposalContent.Kpi::kind).containsExactly(KpiKind.JOBS);
		assertThat(parsed.content().partners()).isEqualTo(previous.partners());
		assertThat(parsed.content().workPlan()).isEqualTo(previous.workPlan());
		assertThat(parsed.content().budget()).isEqualTo(previous.budget());
	}

	@Test
	void partnersComeFromTheDirectoryWithTheirKindAndCity() {
		UUID institute = UUID.randomUUID();
		Organisation entry = new Organisation(institute, "广东省科学院", "", OrganisationKind.INSTITUTE, "广州");
		ProposalForm form = new ProposalForm(null, null, null, null, null, null,
				List.of(new ProposalForm.PartnerInput(institute.toString(), "检测", 10, 10)), null, null, null);
		ProposalForm.Parsed parsed = form.parseKeeping(ProposalContent.empty(ProposalFixtures.LEAD),
				ids -> Map.of(institute, entry));
		assertThat(parsed.violations()).isEmpty();
		assertThat(parsed.content().partners().get(0).party().isResearchBody()).isTrue();
		assertThat(parsed.content().partners().get(0).party().name()).isEqualTo("广东省科学院");
	}

	private FieldViolation only(ProposalContent content) {
		List<FieldViolation> findings = ProposalRules.check(this.call, content);
		assertThat(findings).hasSize(1);
		return findings.get(0);
	}

	private static ProposalContent withBudget(List<ProposalContent.BudgetLine> budget) {
		ProposalContent base = ProposalFixtures.content();
		return new ProposalContent(base.title(), base.topicCode(), base.objectives(), base.lead(), base.leadRole(),
				base.leadWorkSharePercent(), base.leadBudgetSharePercent(), base.partners(), base.kpis(), base.workPlan(),
				budget);
	}

}
