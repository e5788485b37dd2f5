package cn.jiangmen.innovation.project.application.document;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.attachment.AttachmentLimits;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.ProjectCalls;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.ProposalLifecycle;
import cn.jiangmen.innovation.project.domain.Proposals;
import cn.jiangmen.innovation.project.domain.document.ProjectDocument;
import cn.jiangmen.innovation.project.domain.document.ProposalDocuments;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A proposal's documents (申报材料): the lead organisation's applicants upload and remove them while
 * the proposal is a draft or returned; whoever sees the proposal (lead, partners, bureau) lists and
 * downloads them; anyone else finds no proposal (404). Checks in the house order 404, 403, 400, 409;
 * each change with its audit record, the bytes in the same transaction.
 */
@Service
public class ProposalDocumentCommands {

	static final String OBJECT_TYPE = "proposal_document";

	/** The documents and which of the call's required ones are still missing. */
	public record Listing(List<ProjectDocument> documents, List<ProjectDocument.Missing> missing) {
	}

	/** A document with its bytes, for download. */
	public record Download(ProjectDocument document, byte[] content) {
	}

	private final Proposals proposals;

	private final ProjectCalls calls;

	private final ProposalDocuments documents;

	private final AttachmentLimits limits;

	private final Audit audit;

	private final Clock clock;

	public ProposalDocumentCommands(Proposals proposals, ProjectCalls calls, ProposalDocuments documents,
			AttachmentLimits limits, Audit audit, Clock clock) {
		this.proposals = proposals;
		this.calls = calls;
		this.documents = documents;
		this.limits = limits;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The proposal's row is locked for the check and the insert: concurrent uploads are checked
	 * against the proposal's total one after another, so together they never exceed it.
	 */
	@Transactional
	public ProjectDocument upload(Caller caller, ProposalId id, String requirement, String filename, byte[] content) {
		Proposal proposal = led(caller, id);
		this.documents.lockOwner(proposal.id().value());
		Instant now = now();
		ProjectDocument document = ProjectDocument.accept(proposal.id().value(), "proposal", requirement,
				callOf(proposal).requiredDocuments(), filename, content, this.limits,
				this.documents.totalSize(proposal.id().value()), caller.username(), now);
		editable(proposal);
		this.documents.add(document, content);
		this.audit.record(caller.username(), now, "project.proposal.document-added", OBJECT_TYPE, document.id(), null,
				DocumentSnapshots.of(document));
		return document;
	}

	@Transactional(readOnly = true)
	public Listing list(Caller caller, ProposalId id) {
		Proposal proposal = visible(caller, id);
		List<ProjectDocument> found = this.documents.of(proposal.id().value());
		List<String> required = this.calls.find(proposal.callId()).map(ProjectCall::requiredDocuments).orElse(List.of());
		return new Listing(found, ProjectDocument.missing(required, found));
	}

	@Transactional(readOnly = true)
	public Download download(Caller caller, ProposalId id, UUID documentId) {
		Proposal proposal = visible(caller, id);
		ProjectDocument document = this.documents.find(proposal.id().value(), documentId)
			.orElseThrow(() -> new NotFoundException("Document", documentId));
		return new Download(document, this.documents.content(document.id()));
	}

	@Transactional
	public void remove(Caller caller, ProposalId id, UUID documentId) {
		Proposal proposal = led(caller, id);
		this.documents.lockOwner(proposal.id().value());
		ProjectDocument document = this.documents.find(proposal.id().value(), documentId)
			.orElseThrow(() -> new NotFoundException("Document", documentId));
		editable(proposal);
		this.documents.remove(document.id());
		this.audit.record(caller.username(), now(), "project.proposal.document-removed", OBJECT_TYPE, document.id(),
				DocumentSnapshots.of(document), null);
	}

	private Proposal led(Caller caller, ProposalId id) {
		Proposal proposal = visible(caller, id);
		if (!proposal.isLedBy(caller)) {
			throw new AccessDeniedException("Only the lead organisation's applicants change a proposal's documents");
		}
		return proposal;
	}

	private Proposal visible(Caller caller, ProposalId id) {
		return this.proposals.find(id)
			.filter(p -> p.isVisibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Proposal", id));
	}

	/** Read again under the lock: a submission that committed meanwhile is seen. */
	private void editable(Proposal proposal) {
		Proposal current = this.proposals.find(proposal.id()).orElseThrow(() -> new NotFoundException("Proposal", proposal.id()));
		if (!ProposalLifecycle.isEditable(current.status())) {
			throw new ConflictException("proposal.not-editable",
					"Documents can be changed only while the proposal is a draft or returned; it is " + current.status());
		}
	}

	private ProjectCall callOf(Proposal proposal) {
		return this.calls.find(proposal.callId())
			.orElseThrow(() -> new ConflictException("call.missing", "The proposal's call no longer exists"));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
