package cn.jiangmen.innovation.project.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.project.application.ProposalQueries;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalContent;
import cn.jiangmen.innovation.project.domain.Yuan;

/**
 * A proposal as the REST API shows it: the consortium lead first, money in yuan, the call's rules'
 * {@code findings} on it now (submission needs none), the decision notices, and after a save the
 * {@code fieldErrors} that kept their previous value.
 */
public record ProposalView(String id, String callId, String status, String title, String topicCode, String objectives,
		List<Member> consortium, List<ProposalRequests.Kpi> kpis, List<Milestone> workPlan,
		List<ProposalRequests.BudgetLine> budget, String totalBudget, String fiscalRequest, List<FieldViolation> findings,
		Instant submittedAt, List<String> returnReasons, Instant correctionDueAt, String rejectionReason, Review review,
		String projectId, String approvedFiscal, List<Notice> notices, long version, List<FieldViolation> fieldErrors) {

	public record Member(String organisationId, String name, String kind, String city, boolean lead, String role,
			int workSharePercent, int budgetSharePercent, Instant confirmedAt) {
	}

	public record Milestone(String title, LocalDate dueDate, String deliverables) {
	}

	public record Review(int rank, int scoreHundredths, boolean passedThresholds, Instant confirmedAt) {
	}

	public record Notice(String status, String text, Instant at) {
	}

	/** One page of proposals (without findings and notices). */
	public record Page(List<ProposalView> proposals, String nextPageToken) {
	}

	static ProposalView of(ProposalQueries.ProposalDetails details, List<FieldViolation> fieldErrors) {
		Proposal p = details.proposal();
		ProposalContent c = p.content();
		List<Member> consortium = new ArrayList<>();
		consortium.add(new Member(c.lead().organisationId().toString(), c.lead().name(), name(c.lead().kind()),
				c.lead().city(), true, c.leadRole(), c.leadWorkSharePercent(), c.leadBudgetSharePercent(), null));
		c.partners()
			.forEach(partner -> consortium.add(new Member(partner.party().organisationId().toString(),
					partner.party().name(), name(partner.party().kind()), partner.party().city(), false, partner.role(),
					partner.workSharePercent(), partner.budgetSharePercent(), partner.confirmedAt())));
		return new ProposalView(p.id().toString(), p.callId().toString(), p.status().name(), c.title(), c.topicCode(),
				c.objectives(), consortium,
				c.kpis().stream().map(k -> new ProposalRequests.Kpi(name(k.kind()), k.description(), k.unit(), k.target())).toList(),
				c.workPlan().stream().map(m -> new Milestone(m.title(), m.dueDate(), m.deliverables())).toList(),
				c.budget()
					.stream()
					.map(b -> new ProposalRequests.BudgetLine(name(b.category()), name(b.source()), Yuan.format(b.amountFen())))
					.toList(),
				Yuan.format(c.totalFen()), Yuan.format(c.fiscalFen()), details.findings(), p.submittedAt(),
				p.returnReasons(), p.correctionDueAt(), p.rejectionReason(),
				p.review() == null ? null : new Review(p.review().rank(), p.review().scoreHundredths(),
						p.review().passedThresholds(), p.review().confirmedAt()),
				p.projectId() == null ? null : p.projectId().toString(),
				p.approvedFiscalFen() == null ? null : Yuan.format(p.approvedFiscalFen()),
				details.notices().stream().map(n -> new Notice(n.status().name(), n.text(), n.createdAt())).toList(),
				p.version(), fieldErrors);
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

}
