package cn.jiangmen.innovation.project.application;

import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.project.domain.CallId;
import cn.jiangmen.innovation.project.domain.ProjectAccess;
import cn.jiangmen.innovation.project.domain.ProjectCalls;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.ProposalNotice;
import cn.jiangmen.innovation.project.domain.ProposalNotices;
import cn.jiangmen.innovation.project.domain.ProposalRules;
import cn.jiangmen.innovation.project.domain.Proposals;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals as a caller may see them: the consortium's organisations (lead and partners), managers,
 * auditors and the service; nobody else learns that a proposal exists (404).
 */
@Service
@Transactional(readOnly = true)
public class ProposalQueries {

	private final Proposals proposals;

	private final ProjectCalls calls;

	private final ProposalNotices notices;

	public ProposalQueries(Proposals proposals, ProjectCalls calls, ProposalNotices notices) {
		this.proposals = proposals;
		this.calls = calls;
		this.notices = notices;
	}

	/** A proposal, what the call's rules say of it now, and its decision notices. */
	public record ProposalDetails(Proposal proposal, List<FieldViolation> findings, List<ProposalNotice> notices) {
	}

	public ProposalDetails get(Caller caller, ProposalId id) {
		Proposal proposal = this.proposals.find(id)
			.filter(p -> p.isVisibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Proposal", id));
		return details(proposal);
	}

	public ProposalDetails details(Proposal proposal) {
		List<FieldViolation> findings = this.calls.find(proposal.callId())
			.map(call -> ProposalRules.check(call, proposal.content()))
			.orElse(List.of());
		return new ProposalDetails(proposal, findings, this.notices.of(proposal.id()));
	}

	/** Everything for the bureau; an applicant's organisation's (as lead or partner); nothing for others. */
	public List<Proposal> page(Caller caller, CallId call, PageRequest page) {
		if (ProjectAccess.seesAllProjects(caller)) {
			return this.proposals.page(null, call, page.offset(), page.size());
		}
		if (!ProjectAccess.isApplicant(caller)) {
			return List.of();
		}
		UUID organisation = caller.organisationId().orElseThrow();
		return this.proposals.page(organisation, call, page.offset(), page.size());
	}

}
