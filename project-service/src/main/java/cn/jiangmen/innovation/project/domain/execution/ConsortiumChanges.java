package cn.jiangmen.innovation.project.domain.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.project.domain.BudgetCategory;
import cn.jiangmen.innovation.project.domain.FundingSource;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.ProposalContent;
import cn.jiangmen.innovation.project.domain.ProposalRules;
import cn.jiangmen.innovation.project.domain.Yuan;

/**
 * What an approved change request (变更) does to the project's budget and consortium of record (the
 * approved proposal's): a budget move between categories keeps every line's funding source, so the
 * total and the fiscal money stay as approved; a partner joins or leaves. Every change must keep the
 * call's rules ({@link ProposalRules}): a rule the project kept before and would break after is a
 * refusal (409) in words, as is moving more than a category holds or a partner that is (not) there.
 */
public final class ConsortiumChanges {

	private ConsortiumChanges() {
	}

	public static ProposalContent moveBudget(ProposalContent content, ProjectCall call, BudgetCategory from,
			BudgetCategory to, long amountFen) {
		long held = inCategory(content, from);
		if (held < amountFen) {
			throw new ConflictException("change-request.budget-short",
					"The budget holds " + Yuan.format(held) + " yuan in " + from + "; moving " + Yuan.format(amountFen)
							+ " yuan to " + to + " is more than it holds");
		}
		// take from the category's lines in order, each source's money moving to a line of the same source
		Map<FundingSource, Long> moved = new LinkedHashMap<>();
		List<ProposalContent.BudgetLine> next = new ArrayList<>();
		long left = amountFen;
		for (ProposalContent.BudgetLine line : content.budget()) {
			if (line.category() == from && left > 0) {
				long taken = Math.min(left, line.amountFen());
				left -= taken;
				moved.merge(line.source(), taken, Long::sum);
				if (line.amountFen() > taken) {
					next.add(new ProposalContent.BudgetLine(from, line.source(), line.amountFen() - taken));
				}
			}
			else {
				next.add(line);
			}
		}
		for (Map.Entry<FundingSource, Long> entry : moved.entrySet()) {
			int existing = -1;
			for (int i = 0; i < next.size(); i++) {
				if (next.get(i).category() == to && next.get(i).source() == entry.getKey()) {
					existing = i;
				}
			}
			if (existing >= 0) {
				ProposalContent.BudgetLine line = next.get(existing);
				next.set(existing, new ProposalContent.BudgetLine(to, line.source(), line.amountFen() + entry.getValue()));
			}
			else {
				next.add(new ProposalContent.BudgetLine(to, entry.getKey(), entry.getValue()));
			}
		}
		ProposalContent after = new ProposalContent(content.title(), content.topicCode(), content.objectives(),
				content.lead(), content.leadRole(), content.leadWorkSharePercent(), content.leadBudgetSharePercent(),
				content.partners(), content.kpis(), content.workPlan(), next);
		if (after.totalFen() != content.totalFen() || after.fiscalFen() != content.fiscalFen()) {
			throw new IllegalStateException("a budget move changed the total or the fiscal money");
		}
		keepsRules(call, content, after);
		return after;
	}

	public static ProposalContent addPartner(ProposalContent content, ProjectCall call, ProposalContent.Party party,
			String role, Instant now) {
		if (content.lead().organisationId().equals(party.organisationId())) {
			throw new ConflictException("change-request.partner-is-lead",
					party.name() + " leads the project and cannot join it as a partner");
		}
		if (content.hasPartner(party.organisationId())) {
			throw new ConflictException("change-request.partner-present", party.name() + " is a partner already");
		}
		List<ProposalContent.Partner> partners = new ArrayList<>(content.partners());
		// joins with no share of work or budget: the shares stay as approved until a change moves them
		partners.add(new ProposalContent.Partner(party, role, 0, 0, now));
		ProposalContent after = withPartners(content, partners, content.leadWorkSharePercent(),
				content.leadBudgetSharePercent());
		keepsRules(call, content, after);
		return after;
	}

	/** The leaving partner's shares of work and budget go back to the lead. */
	public static ProposalContent removePartner(ProposalContent content, ProjectCall call, UUID organisationId) {
		ProposalContent.Partner leaving = content.partners()
			.stream()
			.filter(p -> p.party().organisationId().equals(organisationId))
			.findFirst()
			.orElseThrow(() -> new ConflictException("change-request.partner-absent",
					"Organisation " + organisationId + " is not a partner of this project; the partners are "
							+ content.partners().stream().map(p -> p.party().name()).collect(Collectors.joining(", "))));
		List<ProposalContent.Partner> partners = content.partners()
			.stream()
			.filter(p -> !p.party().organisationId().equals(organisationId))
			.toList();
		ProposalContent after = withPartners(content, partners,
				content.leadWorkSharePercent() + leaving.workSharePercent(),
				content.leadBudgetSharePercent() + leaving.budgetSharePercent());
		keepsRules(call, content, after);
		return after;
	}

	/** The budget lines per category and source in words, for a change request's before/after. */
	public static List<String> lines(ProposalContent content) {
		return content.budget()
			.stream()
			.map(l -> l.category() + "/" + l.source() + " " + Yuan.format(l.amountFen()))
			.toList();
	}

	/** The partners in words, for a change request's before/after. */
	public static List<String> partners(ProposalContent content) {
		return content.partners()
			.stream()
			.map(p -> p.party().name() + " (" + p.party().organisationId() + ", " + p.role() + ", work "
					+ p.workSharePercent() + "%, budget " + p.budgetSharePercent() + "%)")
			.toList();
	}

	private static long inCategory(ProposalContent content, BudgetCategory category) {
		return content.budget().stream().filter(l -> l.category() == category).mapToLong(ProposalContent.BudgetLine::amountFen).sum();
	}

	private static ProposalContent withPartners(ProposalContent content, List<ProposalContent.Partner> partners,
			int leadWork, int leadBudget) {
		return new ProposalContent(content.title(), content.topicCode(), content.objectives(), content.lead(),
				content.leadRole(), leadWork, leadBudget, partners, content.kpis(), content.workPlan(), content.budget());
	}

	/** Refuses a change that breaks a rule of the call the project kept before it. */
	private static void keepsRules(ProjectCall call, ProposalContent before, ProposalContent after) {
		Set<String> kept = ProposalRules.check(call, before)
			.stream()
			.map(FieldViolation::code)
			.collect(Collectors.toSet());
		List<String> broken = ProposalRules.check(call, after)
			.stream()
			.filter(f -> !kept.contains(f.code()))
			// a milestone due before the call closed is history, not something this change broke
			.filter(f -> !f.code().startsWith("workplan."))
			.map(FieldViolation::message)
			.toList();
		if (!broken.isEmpty()) {
			throw new ConflictException("change-request.breaks-call-rules",
					"The change would break the call's rules: " + String.join("; ", broken));
		}
	}

}
