package cn.jiangmen.innovation.project.web;

import java.util.List;

import cn.jiangmen.innovation.project.domain.ProposalForm;
import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the proposal endpoints; the domain checks them and names every bad field. */
final class ProposalRequests {

	private ProposalRequests() {
	}

	/** The proposal form; anything may be missing in a draft. Money in yuan. */
	record Content(String title, @Schema(example = "T1") String topicCode, String objectives, String leadRole,
			Integer leadWorkSharePercent, Integer leadBudgetSharePercent, List<Partner> partners, List<Kpi> kpis,
			List<Milestone> workPlan, List<BudgetLine> budget) {

		ProposalForm form() {
			return new ProposalForm(this.title, this.topicCode, this.objectives, this.leadRole,
					this.leadWorkSharePercent, this.leadBudgetSharePercent,
					this.partners == null ? List.of() : this.partners.stream()
						.map(p -> p == null ? null : new ProposalForm.PartnerInput(p.organisationId(), p.role(),
								p.workSharePercent(), p.budgetSharePercent()))
						.toList(),
					this.kpis == null ? List.of() : this.kpis.stream()
						.map(k -> k == null ? null : new ProposalForm.KpiInput(k.kind(), k.description(), k.unit(), k.target()))
						.toList(),
					this.workPlan == null ? List.of() : this.workPlan.stream()
						.map(m -> m == null ? null : new ProposalForm.MilestoneInput(m.title(), m.dueDate(), m.deliverables()))
						.toList(),
					this.budget == null ? List.of() : this.budget.stream()
						.map(b -> b == null ? null : new ProposalForm.BudgetInput(b.category(), b.source(), b.amount(), null))
						.toList());
		}

	}

	/** A partner (合作单位) from the organisation directory, with its role and shares in whole percent. */
	record Partner(String organisationId, String role, Integer workSharePercent, Integer budgetSharePercent) {
	}

	record Kpi(@Schema(allowableValues = { "INVENTION_PATENTS_APPLIED", "INVENTION_PATENTS_GRANTED", "STANDARDS",
			"REVENUE", "PROTOTYPES", "JOBS", "OTHER" }) String kind, String description,
			@Schema(example = "件") String unit, Long target) {
	}

	record Milestone(String title, @Schema(example = "2028-06-30") String dueDate, String deliverables) {
	}

	record BudgetLine(@Schema(allowableValues = { "EQUIPMENT", "MATERIALS", "TESTING", "LABOUR",
			"TRAVEL_AND_CONFERENCES", "OUTSOURCING", "OTHER" }) String category,
			@Schema(allowableValues = { "FISCAL", "SELF_RAISED", "OTHER" }) String source,
			@Schema(example = "1200000.00") String amount) {
	}

	/** A new proposal on a call. */
	record Create(String callId, Content content) {
	}

	/** A save with the version read (null: no check). */
	record Save(Content content, Long version) {
	}

	/** The formal check (形式审查). */
	record FormalCheck(@Schema(allowableValues = { "PASS", "RETURN", "REJECT" }) String decision,
			List<String> reasons, @Schema(example = "2027-04-15T09:00:00Z") String correctionDueAt) {
	}

	/** Approval (立项): the approved fiscal amount and one tranche per work-plan milestone, in yuan. */
	record Approve(@Schema(example = "3000000.00") String approvedFiscal,
			@Schema(description = "one per milestone of the work plan, in its order; \"0\" for none") List<String> tranches,
			String note) {
	}

}
