package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;

/**
 * What a consortium proposes (申报书内容): title, topic, objectives, the consortium (lead and
 * partners with roles and shares of work and budget), KPIs with units and targets, the work plan of
 * milestones and the budget by category and source. A draft may be incomplete anywhere; the call's
 * rules ({@link ProposalRules}) decide whether it may be submitted.
 */
public record ProposalContent(String title, String topicCode, String objectives, Party lead, String leadRole,
		int leadWorkSharePercent, int leadBudgetSharePercent, List<Partner> partners, List<Kpi> kpis,
		List<PlannedMilestone> workPlan, List<BudgetLine> budget) {

	/** An organisation as the directory described it when the proposal was saved. */
	public record Party(UUID organisationId, String name, OrganisationKind kind, String city) {

		public static Party of(Organisation organisation) {
			return new Party(organisation.id(), organisation.name(), organisation.kind(), organisation.city());
		}

		public boolean isJiangmenEnterprise() {
			return this.kind == OrganisationKind.ENTERPRISE && this.city != null && this.city.startsWith("江门");
		}

		public boolean isResearchBody() {
			return this.kind == OrganisationKind.UNIVERSITY || this.kind == OrganisationKind.INSTITUTE;
		}

	}

	/** A partner (合作单位): its part, its shares, and when one of its users confirmed participation. */
	public record Partner(Party party, String role, int workSharePercent, int budgetSharePercent, Instant confirmedAt) {

		Partner unconfirmed() {
			return new Partner(this.party, this.role, this.workSharePercent, this.budgetSharePercent, null);
		}

	}

	/** A key performance indicator (考核指标) and its target. */
	public record Kpi(KpiKind kind, String description, String unit, long target) {
	}

	/** A milestone of the work plan (进度安排): what is delivered by when. */
	public record PlannedMilestone(String title, LocalDate dueDate, String deliverables) {
	}

	/** One line of the budget (经费预算) by category and source, in fen. */
	public record BudgetLine(BudgetCategory category, FundingSource source, long amountFen) {
	}

	public ProposalContent {
		partners = List.copyOf(partners);
		kpis = List.copyOf(kpis);
		workPlan = List.copyOf(workPlan);
		budget = List.copyOf(budget);
	}

	public static ProposalContent empty(Party lead) {
		return new ProposalContent(null, null, null, Objects.requireNonNull(lead, "lead"), null, 0, 0, List.of(),
				List.of(), List.of(), List.of());
	}

	public long totalFen() {
		return this.budget.stream().mapToLong(BudgetLine::amountFen).sum();
	}

	public long fiscalFen() {
		return this.budget.stream().filter(l -> l.source() == FundingSource.FISCAL).mapToLong(BudgetLine::amountFen).sum();
	}

	public boolean hasPartner(UUID organisationId) {
		return this.partners.stream().anyMatch(p -> p.party().organisationId().equals(organisationId));
	}

	/** The same content with every partner's confirmation withdrawn (the content they confirmed changed). */
	public ProposalContent unconfirmed() {
		return withPartners(this.partners.stream().map(Partner::unconfirmed).toList());
	}

	public ProposalContent confirmedBy(UUID organisationId, Instant at) {
		List<Partner> next = new ArrayList<>();
		for (Partner partner : this.partners) {
			next.add(partner.party().organisationId().equals(organisationId)
					? new Partner(partner.party(), partner.role(), partner.workSharePercent(), partner.budgetSharePercent(), at)
					: partner);
		}
		return withPartners(next);
	}

	public List<Partner> unconfirmedPartners() {
		return this.partners.stream().filter(p -> p.confirmedAt() == null).toList();
	}

	/** Every organisation of the consortium, lead first. */
	public List<Party> organisations() {
		List<Party> all = new ArrayList<>();
		all.add(this.lead);
		this.partners.forEach(p -> all.add(p.party()));
		return all;
	}

	private ProposalContent withPartners(List<Partner> next) {
		return new ProposalContent(this.title, this.topicCode, this.objectives, this.lead, this.leadRole,
				this.leadWorkSharePercent, this.leadBudgetSharePercent, next, this.kpis, this.workPlan, this.budget);
	}

}
