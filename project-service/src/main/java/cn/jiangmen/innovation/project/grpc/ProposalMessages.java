package cn.jiangmen.innovation.project.grpc;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.project.v1.BudgetCategory;
import cn.jiangmen.innovation.contracts.project.v1.BudgetLine;
import cn.jiangmen.innovation.contracts.project.v1.ConsortiumMember;
import cn.jiangmen.innovation.contracts.project.v1.FundingSource;
import cn.jiangmen.innovation.contracts.project.v1.Kpi;
import cn.jiangmen.innovation.contracts.project.v1.KpiKind;
import cn.jiangmen.innovation.contracts.project.v1.WorkPlanMilestone;
import cn.jiangmen.innovation.contracts.project.v1.ProposalContent;
import cn.jiangmen.innovation.contracts.project.v1.ProposalStatus;
import cn.jiangmen.innovation.contracts.project.v1.RuleFinding;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.project.application.ProposalQueries;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalForm;

/** Proposals between the proto messages and the domain. */
final class ProposalMessages {

	private ProposalMessages() {
	}

	static Money cny(long fen) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen).build();
	}

	/** The form as the domain reads it; unset enums and zero numbers are "not given". */
	static ProposalForm form(ProposalContent c) {
		return new ProposalForm(c.getTitle(), c.getTopicCode(), c.getObjectives(), c.getLeadRole(),
				c.getLeadWorkSharePercent(), c.getLeadBudgetSharePercent(),
				c.getPartnersList()
					.stream()
					.map(p -> new ProposalForm.PartnerInput(p.getOrganisationId(), p.getRole(), p.getWorkSharePercent(),
							p.getBudgetSharePercent()))
					.toList(),
				c.getKpisList()
					.stream()
					.map(k -> new ProposalForm.KpiInput(suffix(k.getKind().name(), "KPI_KIND_"), k.getDescription(),
							k.getUnit(), k.getTarget()))
					.toList(),
				c.getWorkPlanList()
					.stream()
					.map(m -> new ProposalForm.MilestoneInput(m.getTitle(), m.getDueDate().isBlank() ? null : m.getDueDate(),
							m.getDeliverables()))
					.toList(),
				c.getBudgetList()
					.stream()
					.map(b -> new ProposalForm.BudgetInput(suffix(b.getCategory().name(), "BUDGET_CATEGORY_"),
							suffix(b.getSource().name(), "FUNDING_SOURCE_"), null,
							b.hasAmount() ? b.getAmount().getMinorUnits() : null))
					.toList());
	}

	private static String suffix(String name, String prefix) {
		String value = name.substring(Math.min(prefix.length(), name.length()));
		return value.equals("UNSPECIFIED") || name.equals("UNRECOGNIZED") ? null : value;
	}

	static List<RuleFinding> findings(List<FieldViolation> violations) {
		return ProtoNames.renamed(violations)
			.stream()
			.map(v -> RuleFinding.newBuilder().setField(v.field()).setCode(v.code()).setMessage(v.message()).build())
			.toList();
	}

	static cn.jiangmen.innovation.contracts.project.v1.Proposal message(ProposalQueries.ProposalDetails details) {
		Proposal p = details.proposal();
		var c = p.content();
		List<ConsortiumMember> consortium = new ArrayList<>();
		consortium.add(ConsortiumMember.newBuilder()
			.setOrganisationId(c.lead().organisationId().toString())
			.setOrganisationName(nz(c.lead().name()))
			.setLead(true)
			.setRole(nz(c.leadRole()))
			.setWorkSharePercent(c.leadWorkSharePercent())
			.setBudgetSharePercent(c.leadBudgetSharePercent())
			.build());
		for (var partner : c.partners()) {
			ConsortiumMember.Builder member = ConsortiumMember.newBuilder()
				.setOrganisationId(partner.party().organisationId().toString())
				.setOrganisationName(nz(partner.party().name()))
				.setRole(nz(partner.role()))
				.setWorkSharePercent(partner.workSharePercent())
				.setBudgetSharePercent(partner.budgetSharePercent());
			if (partner.confirmedAt() != null) {
				member.setConfirmedAt(ProtoTimes.timestamp(partner.confirmedAt()));
			}
			consortium.add(member.build());
		}
		var builder = cn.jiangmen.innovation.contracts.project.v1.Proposal.newBuilder()
			.setProposalId(p.id().toString())
			.setCallId(p.callId().toString())
			.setStatus(ProposalStatus.valueOf("PROPOSAL_STATUS_" + p.status().name()))
			.setLeadOrganisationId(p.leadOrganisationId().toString())
			.setLeadOrganisationName(nz(c.lead().name()))
			.setTitle(nz(c.title()))
			.setTopicCode(nz(c.topicCode()))
			.setObjectives(nz(c.objectives()))
			.addAllConsortium(consortium)
			.addAllKpis(c.kpis()
				.stream()
				.map(k -> Kpi.newBuilder()
					.setKind(k.kind() == null ? KpiKind.KPI_KIND_UNSPECIFIED : KpiKind.valueOf("KPI_KIND_" + k.kind().name()))
					.setDescription(nz(k.description()))
					.setUnit(nz(k.unit()))
					.setTarget(k.target())
					.build())
				.toList())
			.addAllWorkPlan(c.workPlan()
				.stream()
				.map(m -> WorkPlanMilestone.newBuilder()
					.setTitle(nz(m.title()))
					.setDueDate(m.dueDate() == null ? "" : m.dueDate().toString())
					.setDeliverables(nz(m.deliverables()))
					.build())
				.toList())
			.addAllBudget(c.budget()
				.stream()
				.map(b -> BudgetLine.newBuilder()
					.setCategory(b.category() == null ? BudgetCategory.BUDGET_CATEGORY_UNSPECIFIED
							: BudgetCategory.valueOf("BUDGET_CATEGORY_" + b.category().name()))
					.setSource(b.source() == null ? FundingSource.FUNDING_SOURCE_UNSPECIFIED
							: FundingSource.valueOf("FUNDING_SOURCE_" + b.source().name()))
					.setAmount(cny(b.amountFen()))
					.build())
				.toList())
			.setTotalBudget(cny(c.totalFen()))
			.setFiscalRequest(cny(c.fiscalFen()))
			.addAllFindings(findings(details.findings()))
			.addAllReturnReasons(p.returnReasons())
			.setRejectionReason(nz(p.rejectionReason()))
			.setVersion(p.version());
		if (p.submittedAt() != null) {
			builder.setSubmittedAt(ProtoTimes.timestamp(p.submittedAt()));
		}
		if (p.review() != null) {
			builder.setReviewRank(p.review().rank())
				.setReviewScoreHundredths(p.review().scoreHundredths())
				.setReviewPassedThresholds(p.review().passedThresholds());
		}
		if (p.projectId() != null) {
			builder.setProjectId(p.projectId().toString()).setApprovedFiscal(cny(p.approvedFiscalFen()));
		}
		return builder.build();
	}

	private static String nz(String text) {
		return text == null ? "" : text;
	}

}
