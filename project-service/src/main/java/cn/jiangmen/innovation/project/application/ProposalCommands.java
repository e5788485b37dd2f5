package cn.jiangmen.innovation.project.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.project.domain.CallId;
import cn.jiangmen.innovation.project.domain.ProjectAccess;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.ProjectCalls;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalContent;
import cn.jiangmen.innovation.project.domain.ProposalForm;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.Proposals;
import cn.jiangmen.innovation.project.domain.document.ProjectDocument;
import cn.jiangmen.innovation.project.domain.document.ProposalDocuments;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the consortium does with a proposal, each in one transaction with its audit record: the
 * lead's applicants create, save (partially: a bad field keeps its value and is named), submit and
 * withdraw; partners' applicants confirm. Checks: may the caller see it (else 404), may they do this
 * (else 403), is the input well-formed (else 400), does the state allow it (else 409).
 */
@Service
public class ProposalCommands {

	static final String OBJECT_TYPE = "proposal";

	private final Proposals proposals;

	private final ProjectCalls calls;

	private final ObjectProvider<OrganisationDirectory> directory;

	private final ProposalDocuments documents;

	private final Audit audit;

	private final Clock clock;

	public ProposalCommands(Proposals proposals, ProjectCalls calls, ObjectProvider<OrganisationDirectory> directory,
			ProposalDocuments documents, Audit audit, Clock clock) {
		this.proposals = proposals;
		this.calls = calls;
		this.directory = directory;
		this.documents = documents;
		this.audit = audit;
		this.clock = clock;
	}

	/** A saved proposal and the fields that were not saved (each kept its previous value). */
	public record Saved(Proposal proposal, List<FieldViolation> fieldErrors) {

		public Saved {
			fieldErrors = List.copyOf(fieldErrors);
		}

	}

	/** An applicant starts a proposal for their organisation (the lead) on a call that takes proposals now. */
	@Transactional
	public Saved create(Caller caller, CallId callId, ProposalForm form) {
		if (!ProjectAccess.isApplicant(caller)) {
			throw new AccessDeniedException("Only applicants of an organisation start proposals");
		}
		Instant now = now();
		ProjectCall call = this.calls.find(callId)
			.filter(c -> c.status() != cn.jiangmen.innovation.project.domain.CallStatus.DRAFT)
			.orElseThrow(() -> new NotFoundException("Call", callId));
		if (!call.acceptsProposals(now)) {
			throw new ConflictException("call.not-open", "The call takes proposals from " + call.opensAt() + " until "
					+ call.closesAt() + " (server clock); it is now " + now);
		}
		UUID lead = caller.organisationId().orElseThrow();
		Organisation leadEntry = directory().find(lead)
			.orElseThrow(() -> new ConflictException("organisation.not-in-directory",
					"Your organisation " + lead + " is not in the organisation directory"));
		ProposalForm.Parsed parsed = form.parseKeeping(ProposalContent.empty(ProposalContent.Party.of(leadEntry)),
				ids -> directory().findAll(ids));
		Proposal proposal = Proposal.draft(call, parsed.content(), now);
		this.proposals.add(proposal);
		this.audit.record(caller.username(), now, "project.proposal.created", OBJECT_TYPE, proposal.id(), null,
				snapshot(proposal));
		return new Saved(proposal, parsed.violations());
	}

	/**
	 * The lead saves (autosave). {@code expectedVersion}, when given, must be the version read. A
	 * change withdraws the partners' confirmations: they confirmed what was there before.
	 */
	@Transactional
	public Saved save(Caller caller, ProposalId id, ProposalForm form, Long expectedVersion) {
		Proposal before = led(caller, id);
		if (expectedVersion != null && expectedVersion != before.version()) {
			throw changedConcurrently(id);
		}
		// the lead's directory entry is read again, so a renamed or re-registered lead is current
		ProposalContent previous = before.content();
		Organisation leadEntry = directory().find(before.leadOrganisationId()).orElse(null);
		if (leadEntry != null) {
			ProposalContent.Party party = ProposalContent.Party.of(leadEntry);
			previous = new ProposalContent(previous.title(), previous.topicCode(), previous.objectives(), party,
					previous.leadRole(), previous.leadWorkSharePercent(), previous.leadBudgetSharePercent(),
					previous.partners(), previous.kpis(), previous.workPlan(), previous.budget());
		}
		ProposalForm.Parsed parsed = form.parseKeeping(previous, ids -> directory().findAll(ids));
		Proposal after = write(caller, "project.proposal.saved", before, p -> p.withContent(parsed.content(), now()));
		return new Saved(after, parsed.violations());
	}

	/** A partner organisation's applicant confirms participation in the proposal as it stands. */
	@Transactional
	public Proposal confirm(Caller caller, ProposalId id) {
		Proposal proposal = visible(caller, id);
		if (!proposal.isPartner(caller)) {
			throw new AccessDeniedException("Only a partner organisation's applicants confirm participation");
		}
		UUID organisation = caller.organisationId().orElseThrow();
		return write(caller, "project.proposal.participation-confirmed", proposal, p -> p.confirmedBy(organisation, now()));
	}

	/**
	 * Submits once the call's rules hold and every document the call requires is uploaded; a 400
	 * names each broken rule and each missing document ({@code documents[i]}, i its index in the
	 * call's list) at once.
	 */
	@Transactional
	public Proposal submit(Caller caller, ProposalId id) {
		Proposal proposal = led(caller, id);
		ProjectCall call = callOf(proposal);
		// the row lock uploads and removals take: no document leaves between this check and the update
		this.documents.lockOwner(proposal.id().value());
		List<FieldViolation> missingDocuments = ProjectDocument.missing(call.requiredDocuments(),
				this.documents.of(proposal.id().value())).stream().map(ProjectDocument.Missing::violation).toList();
		return write(caller, "project.proposal.submitted", proposal, p -> {
			Proposal submitted;
			try {
				submitted = p.submit(call, now());
			}
			catch (InvalidInputException rules) {
				List<FieldViolation> all = new java.util.ArrayList<>(rules.violations());
				all.addAll(missingDocuments);
				throw new InvalidInputException(all);
			}
			if (!missingDocuments.isEmpty()) {
				throw new InvalidInputException(missingDocuments);
			}
			return submitted;
		});
	}

	@Transactional
	public Proposal withdraw(Caller caller, ProposalId id) {
		Proposal proposal = led(caller, id);
		ProjectCall call = callOf(proposal);
		return write(caller, "project.proposal.withdrawn", proposal, p -> p.withdraw(call, now()));
	}

	private Proposal write(Caller caller, String action, Proposal before, UnaryOperator<Proposal> move) {
		Proposal after = move.apply(before);
		if (!this.proposals.update(after)) {
			throw changedConcurrently(before.id());
		}
		this.audit.record(caller.username(), after.updatedAt(), action, OBJECT_TYPE, after.id(), snapshot(before),
				snapshot(after));
		return after;
	}

	private Proposal led(Caller caller, ProposalId id) {
		Proposal proposal = visible(caller, id);
		if (!proposal.isLedBy(caller)) {
			throw new AccessDeniedException("Only the lead organisation's applicants change or submit a proposal");
		}
		return proposal;
	}

	private Proposal visible(Caller caller, ProposalId id) {
		return this.proposals.find(id)
			.filter(p -> p.isVisibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Proposal", id));
	}

	private ProjectCall callOf(Proposal proposal) {
		return this.calls.find(proposal.callId())
			.orElseThrow(() -> new ConflictException("call.missing", "The proposal's call no longer exists"));
	}

	private OrganisationDirectory directory() {
		OrganisationDirectory found = this.directory.getIfAvailable();
		if (found == null) {
			throw new IllegalStateException("No OrganisationDirectory adapter is configured in project-service");
		}
		return found;
	}

	private static ConflictException changedConcurrently(ProposalId id) {
		return new ConflictException("proposal.changed-concurrently",
				"Proposal " + id + " was changed by someone else; reload and try again");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static Map<String, Object> snapshot(Proposal proposal) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("callId", proposal.callId().toString());
		state.put("leadOrganisationId", proposal.leadOrganisationId().toString());
		state.put("status", proposal.status().name());
		state.put("title", proposal.content().title());
		state.put("partners", proposal.content()
			.partners()
			.stream()
			.map(p -> p.party().organisationId() + (p.confirmedAt() == null ? "" : " confirmed"))
			.toList());
		state.put("totalFen", proposal.content().totalFen());
		state.put("fiscalFen", proposal.content().fiscalFen());
		state.put("workPlanMilestones", proposal.content().workPlan().size());
		state.put("returnReasons", proposal.returnReasons());
		state.put("approvedFiscalFen", proposal.approvedFiscalFen());
		state.put("version", proposal.version());
		return state;
	}

}
