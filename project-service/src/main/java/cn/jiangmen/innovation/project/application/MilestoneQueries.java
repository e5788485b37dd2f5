package cn.jiangmen.innovation.project.application;

import cn.jiangmen.innovation.project.domain.ProjectAccess;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.project.domain.Milestone;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.Projects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Milestone status for funding, managers, auditors and the project's own organisation. */
@Service
@Transactional(readOnly = true)
public class MilestoneQueries {

	private final Projects projects;

	public MilestoneQueries(Projects projects) {
		this.projects = projects;
	}

	/** Unknown, or of a project the caller may not see: not found, so ids cannot be probed. */
	public Milestone get(ProjectId projectId, MilestoneId milestoneId, Caller caller) {
		if (!ProjectAccess.mayReadMilestones(caller)) {
			throw new AccessDeniedException("Milestones are not for this role");
		}
		this.projects.find(projectId)
			.filter(project -> project.isVisibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Project", projectId));
		return this.projects.findMilestone(projectId, milestoneId)
			.orElseThrow(() -> new NotFoundException("Milestone", milestoneId));
	}

}
