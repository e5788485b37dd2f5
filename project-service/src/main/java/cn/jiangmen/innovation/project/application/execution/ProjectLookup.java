package cn.jiangmen.innovation.project.application.execution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectAccess;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.ExecutionProjects;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The checks every execution use case starts with, in the house order: a role with no business
 * with projects is refused (403); a project the caller may not see is not found (404, so ids of
 * other organisations cannot be probed); then what this caller may do with it (403).
 */
@Component
public class ProjectLookup {

	/** Due dates are calendar days in Jiangmen. */
	public static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

	private final ExecutionProjects projects;

	private final Clock clock;

	public ProjectLookup(ExecutionProjects projects, Clock clock) {
		this.projects = projects;
		this.clock = clock;
	}

	public ApprovedProject visible(ProjectId id, Caller caller) {
		if (!ProjectAccess.mayReadMilestones(caller)) {
			throw new AccessDeniedException("Projects are not for this role");
		}
		return this.projects.find(id)
			.filter(project -> ProjectAccess.mayReadExecution(caller, project.leadOrganisation(), isPartner(caller, project)))
			.orElseThrow(() -> new NotFoundException("Project", id));
	}

	/** Asked only of an applicant outside the lead organisation: the consortium of record is the proposal's. */
	private boolean isPartner(Caller caller, ApprovedProject project) {
		return ProjectAccess.isApplicant(caller) && !ProjectAccess.isLeadApplicant(caller, project.leadOrganisation())
				&& this.projects.isPartner(project.id(), caller.organisationId().orElseThrow());
	}

	public ApprovedProject forManager(ProjectId id, Caller caller) {
		ApprovedProject project = visible(id, caller);
		if (!ProjectAccess.mayManageExecution(caller)) {
			throw new AccessDeniedException("Only program managers do this");
		}
		return project;
	}

	public ApprovedProject forLead(ProjectId id, Caller caller) {
		ApprovedProject project = visible(id, caller);
		if (!ProjectAccess.isLeadApplicant(caller, project.leadOrganisation())) {
			throw new AccessDeniedException("Only applicants of the lead organisation do this");
		}
		return project;
	}

	public PlannedMilestone milestone(ApprovedProject project, MilestoneId id) {
		return this.projects.milestone(project.id(), id).orElseThrow(() -> new NotFoundException("Milestone", id));
	}

	/** Moves the project's stage, or 409 when someone moved it first. */
	public ApprovedProject move(ApprovedProject project, cn.jiangmen.innovation.project.domain.execution.ProjectStage.Action action) {
		ApprovedProject next = project.move(action);
		if (!this.projects.updateStage(next)) {
			throw concurrent("project");
		}
		return next;
	}

	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), BUREAU_ZONE);
	}

	public static ConflictException concurrent(String what) {
		return new ConflictException(what + ".changed-concurrently",
				"The " + what + " was changed by someone else; reload and try again");
	}

}
