package cn.jiangmen.innovation.project.application.document;

import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.attachment.AttachmentLimits;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.project.application.execution.ProjectLookup;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.MilestoneLifecycle;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.document.MilestoneEvidence;
import cn.jiangmen.innovation.project.domain.document.ProjectDocument;
import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence documents (佐证材料) of a milestone, for its progress report: the lead organisation's
 * applicants upload and remove them while the milestone can be reported (planned, or returned);
 * whoever reads the project's execution lists and downloads them. The report names the evidence by
 * file name and SHA-256, as the upload returned them. Same checks as every attachment.
 */
@Service
public class MilestoneEvidenceCommands {

	static final String OBJECT_TYPE = "milestone_evidence";

	/** A document with its bytes, for download. */
	public record Download(ProjectDocument document, byte[] content) {
	}

	private final ProjectLookup lookup;

	private final MilestoneEvidence evidence;

	private final AttachmentLimits limits;

	private final Audit audit;

	public MilestoneEvidenceCommands(ProjectLookup lookup, MilestoneEvidence evidence, AttachmentLimits limits,
			Audit audit) {
		this.lookup = lookup;
		this.evidence = evidence;
		this.limits = limits;
		this.audit = audit;
	}

	/** The milestone's row is locked for the check and the insert, so the total holds under concurrency. */
	@Transactional
	public ProjectDocument upload(Caller caller, ProjectId projectId, MilestoneId milestoneId, String filename,
			byte[] content) {
		ApprovedProject project = this.lookup.forLead(projectId, caller);
		this.evidence.lockOwner(milestoneId.value());
		PlannedMilestone milestone = this.lookup.milestone(project, milestoneId);
		ProjectDocument document = ProjectDocument.accept(milestone.id().value(), "milestone", null, List.of(),
				filename, content, this.limits, this.evidence.totalSize(milestone.id().value()), caller.username(),
				this.lookup.now());
		project.requireRunning("Adding evidence");
		reportable(milestone);
		this.evidence.add(document, content);
		this.audit.record(caller.username(), document.uploadedAt(), "project.milestone.evidence-added", OBJECT_TYPE,
				document.id(), null, DocumentSnapshots.of(document));
		return document;
	}

	@Transactional(readOnly = true)
	public List<ProjectDocument> list(Caller caller, ProjectId projectId, MilestoneId milestoneId) {
		ApprovedProject project = this.lookup.visible(projectId, caller);
		return this.evidence.of(this.lookup.milestone(project, milestoneId).id().value());
	}

	@Transactional(readOnly = true)
	public Download download(Caller caller, ProjectId projectId, MilestoneId milestoneId, UUID documentId) {
		ApprovedProject project = this.lookup.visible(projectId, caller);
		PlannedMilestone milestone = this.lookup.milestone(project, milestoneId);
		ProjectDocument document = this.evidence.find(milestone.id().value(), documentId)
			.orElseThrow(() -> new NotFoundException("Document", documentId));
		return new Download(document, this.evidence.content(document.id()));
	}

	@Transactional
	public void remove(Caller caller, ProjectId projectId, MilestoneId milestoneId, UUID documentId) {
		ApprovedProject project = this.lookup.forLead(projectId, caller);
		this.evidence.lockOwner(milestoneId.value());
		PlannedMilestone milestone = this.lookup.milestone(project, milestoneId);
		ProjectDocument document = this.evidence.find(milestone.id().value(), documentId)
			.orElseThrow(() -> new NotFoundException("Document", documentId));
		project.requireRunning("Removing evidence");
		reportable(milestone);
		this.evidence.remove(document.id());
		this.audit.record(caller.username(), this.lookup.now(), "project.milestone.evidence-removed", OBJECT_TYPE,
				document.id(), DocumentSnapshots.of(document), null);
	}

	/** Evidence changes with the report: not once the milestone is reported or accepted. */
	private static PlannedMilestone reportable(PlannedMilestone milestone) {
		if (MilestoneLifecycle.target(milestone.state(), MilestoneLifecycle.Action.REPORT).isEmpty()) {
			throw new ConflictException("milestone.state",
					"Evidence can be changed only while the milestone can be reported; it is " + milestone.state());
		}
		return milestone;
	}

}
