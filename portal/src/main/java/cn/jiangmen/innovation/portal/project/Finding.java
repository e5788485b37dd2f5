package cn.jiangmen.innovation.portal.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.ConsortiumMember;
import cn.jiangmen.innovation.contracts.project.v1.Proposal;
import cn.jiangmen.innovation.contracts.project.v1.RuleFinding;
import cn.jiangmen.innovation.portal.finance.Yuan;

/**
 * A finding of the call's rules on the proposal as stored (project-service's {@code findings}), as the
 * page says it in the reader's language: a message per code with the values filled in from the
 * proposal and the call, and project-service's own sentence when the portal knows no message.
 *
 * @param anchor the id of the form section it concerns
 * @param key the message key ({@code projects.finding.<code>}, {@code projects.finding.required.<field>})
 * @param args the values the message names
 * @param message project-service's sentence (English), the fallback
 */
public record Finding(String field, String code, String anchor, String key, Object[] args, String message) {

	static List<Finding> of(Proposal proposal, CallView call) {
		return proposal.getFindingsList().stream().map(f -> of(f, proposal, call)).toList();
	}

	static Finding of(RuleFinding finding, Proposal proposal, CallView call) {
		String field = finding.getField();
		String path = field.replaceAll("\\[\\d+]", "");
		Integer row = row(field);
		String key = "projects.finding." + finding.getCode();
		Object[] args = switch (finding.getCode()) {
			case "required" -> {
				key = key + "." + path;
				yield new Object[] { row == null ? "" : row };
			}
			case "budget.fiscal-share-over-limit" -> new Object[] { Yuan.format(proposal.getFiscalRequest()),
					share(proposal), Yuan.format(proposal.getTotalBudget()),
					call == null ? "" : call.maxFiscalSharePercent() };
			case "budget.over-ceiling" ->
				new Object[] { Yuan.format(proposal.getFiscalRequest()), call == null ? "" : call.ceilingYuan() };
			case "consortium.work-shares-not-100" -> new Object[] {
					proposal.getConsortiumList().stream().mapToInt(ConsortiumMember::getWorkSharePercent).sum() };
			case "consortium.budget-shares-not-100" -> new Object[] {
					proposal.getConsortiumList().stream().mapToInt(ConsortiumMember::getBudgetSharePercent).sum() };
			case "consortium.lead-not-jiangmen-enterprise" -> new Object[] { proposal.getLeadOrganisationName() };
			case "workplan.due-before-call-closes" -> new Object[] { row == null ? "" : row,
					row == null || row > proposal.getWorkPlanCount() ? "" : proposal.getWorkPlan(row - 1).getDueDate(),
					call == null ? "" : call.closesAt().toLocalDate().toString() };
			default -> new Object[] { row == null ? "" : row };
		};
		return new Finding(field, finding.getCode(), anchor(path), key, args, finding.getMessage());
	}

	/** The form section a field belongs to. */
	static String anchor(String path) {
		if (path.startsWith("partners") || path.startsWith("lead")) {
			return "section-consortium";
		}
		if (path.startsWith("kpis")) {
			return "section-kpis";
		}
		if (path.startsWith("workPlan")) {
			return "section-work-plan";
		}
		if (path.startsWith("budget")) {
			return "section-budget";
		}
		return "section-proposal";
	}

	private static Integer row(String field) {
		java.util.regex.Matcher index = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(field);
		return index.find() ? Integer.parseInt(index.group(1)) + 1 : null;
	}

	private static String share(Proposal proposal) {
		long total = proposal.getTotalBudget().getMinorUnits();
		if (total <= 0) {
			return "";
		}
		return BigDecimal.valueOf(proposal.getFiscalRequest().getMinorUnits() * 100)
			.divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP)
			.toPlainString();
	}

}
