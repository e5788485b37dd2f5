package cn.jiangmen.innovation.project.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.jiangmen.innovation.platform.error.FieldViolation;

/**
 * The call's rules on a proposal, each refusal in words with the values that broke it: the lead is
 * an enterprise registered in Jiangmen; an 产学研 topic has a university or institute partner; shares
 * of work and budget add up to 100%; the fiscal share of the total budget is within the call's limit;
 * the fiscal request is within the ceiling; and the parts a proposal needs are there. A draft may
 * break any of them; submission needs none ({@link #check} empty).
 */
public final class ProposalRules {

	private ProposalRules() {
	}

	public static List<FieldViolation> check(ProjectCall call, ProposalContent content) {
		List<FieldViolation> findings = new ArrayList<>();
		required(content.title(), "title", "a title", findings);
		required(content.objectives(), "objectives", "the objectives", findings);
		required(content.leadRole(), "leadRole", "the lead organisation's role", findings);
		ProjectCall.Topic topic = null;
		if (content.topicCode() == null) {
			findings.add(new FieldViolation("topicCode", "required", "The proposal must name one of the call's topics"));
		}
		else {
			topic = call.topic(content.topicCode()).orElse(null);
			if (topic == null) {
				findings.add(new FieldViolation("topicCode", "topic.unknown", "Topic " + content.topicCode()
						+ " is not a topic of this call; the call's topics are "
						+ call.topics().stream().map(ProjectCall.Topic::code).collect(Collectors.joining(", "))));
			}
		}
		consortium(content, topic, findings);
		if (content.kpis().isEmpty()) {
			findings.add(new FieldViolation("kpis", "required", "The proposal needs at least one KPI with a unit and target"));
		}
		for (int i = 0; i < content.kpis().size(); i++) {
			if (content.kpis().get(i).kind() == null) {
				findings.add(new FieldViolation("kpis[" + i + "].kind", "required", "Each KPI needs a kind"));
			}
		}
		if (content.workPlan().isEmpty()) {
			findings.add(new FieldViolation("workPlan", "required", "The work plan needs at least one milestone with a due date"));
		}
		for (int i = 0; i < content.workPlan().size(); i++) {
			ProposalContent.PlannedMilestone milestone = content.workPlan().get(i);
			if (milestone.dueDate() != null
					&& !milestone.dueDate().isAfter(call.closesAt().atZone(ProjectCall.ZONE).toLocalDate())) {
				findings.add(new FieldViolation("workPlan[" + i + "].dueDate", "workplan.due-before-call-closes",
						"Milestone " + (i + 1) + " is due on " + milestone.dueDate()
								+ ", which is not after the call closes ("
								+ call.closesAt().atZone(ProjectCall.ZONE).toLocalDate() + ")"));
			}
		}
		budget(call, content, findings);
		return findings;
	}

	private static void consortium(ProposalContent content, ProjectCall.Topic topic, List<FieldViolation> findings) {
		ProposalContent.Party lead = content.lead();
		if (!lead.isJiangmenEnterprise()) {
			findings.add(new FieldViolation("leadOrganisation", "consortium.lead-not-jiangmen-enterprise",
					"The lead organisation " + lead.name() + " is " + article(lead) + " registered in "
							+ (lead.city() == null || lead.city().isBlank() ? "an unknown city" : lead.city())
							+ "; the call requires the lead to be an enterprise registered in Jiangmen (江门)"));
		}
		if (topic != null && topic.requiresResearchPartner()
				&& content.partners().stream().noneMatch(p -> p.party().isResearchBody())) {
			String partners = content.partners().isEmpty() ? "there are no partners"
					: "the partners are " + content.partners()
						.stream()
						.map(p -> p.party().name() + " (" + p.party().kind() + ")")
						.collect(Collectors.joining(", "));
			findings.add(new FieldViolation("partners", "consortium.no-research-partner", "Topic " + topic.code()
					+ " is an 产学研 topic and needs at least one university or institute partner; " + partners));
		}
		int work = content.leadWorkSharePercent()
				+ content.partners().stream().mapToInt(ProposalContent.Partner::workSharePercent).sum();
		if (work != 100) {
			findings.add(new FieldViolation("partners", "consortium.work-shares-not-100",
					"The shares of work add up to " + work + "%, not 100%"));
		}
		int budgetShares = content.leadBudgetSharePercent()
				+ content.partners().stream().mapToInt(ProposalContent.Partner::budgetSharePercent).sum();
		if (budgetShares != 100) {
			findings.add(new FieldViolation("partners", "consortium.budget-shares-not-100",
					"The shares of the budget add up to " + budgetShares + "%, not 100%"));
		}
	}

	private static void budget(ProjectCall call, ProposalContent content, List<FieldViolation> findings) {
		for (int i = 0; i < content.budget().size(); i++) {
			ProposalContent.BudgetLine line = content.budget().get(i);
			if (line.category() == null || line.source() == null || line.amountFen() <= 0) {
				findings.add(new FieldViolation("budget[" + i + "]", "budget.line-incomplete",
						"Budget line " + (i + 1) + " needs a category, a source and a positive amount"));
			}
		}
		long total = content.totalFen();
		long fiscal = content.fiscalFen();
		if (fiscal <= 0) {
			findings.add(new FieldViolation("budget", "budget.no-fiscal-request",
					"The budget asks for no fiscal money (财政资金): add at least one FISCAL line"));
			return;
		}
		// fiscal / total > max%  <=>  fiscal * 100 > max * total (exact in long for amounts below 10^13 fen)
		if (fiscal * 100 > (long) call.maxFiscalSharePercent() * total) {
			BigDecimal share = BigDecimal.valueOf(fiscal * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
			findings.add(new FieldViolation("budget", "budget.fiscal-share-over-limit",
					"Fiscal money of " + Yuan.format(fiscal) + " yuan is " + share.toPlainString()
							+ "% of the total budget of " + Yuan.format(total) + " yuan; the call allows at most "
							+ call.maxFiscalSharePercent() + "%"));
		}
		if (fiscal > call.ceilingFen()) {
			findings.add(new FieldViolation("budget", "budget.over-ceiling",
					"The fiscal request of " + Yuan.format(fiscal) + " yuan is over the call's ceiling of "
							+ Yuan.format(call.ceilingFen()) + " yuan per project"));
		}
	}

	private static String article(ProposalContent.Party party) {
		return switch (party.kind()) {
			case ENTERPRISE -> "an enterprise";
			case UNIVERSITY -> "a university";
			case INSTITUTE -> "an institute";
			case SERVICE_AGENCY -> "a service agency";
			case OTHER -> "an organisation that is no enterprise";
		};
	}

	private static void required(String value, String field, String what, List<FieldViolation> findings) {
		if (value == null || value.isBlank()) {
			findings.add(new FieldViolation(field, "required", "The proposal needs " + what));
		}
	}

}
