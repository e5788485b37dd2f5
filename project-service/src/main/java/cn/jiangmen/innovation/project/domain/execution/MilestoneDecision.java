package cn.jiangmen.innovation.project.domain.execution;

import java.time.Instant;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;

/** The manager's decision on a reported milestone: accepted, or returned (退回) with reasons. */
public record MilestoneDecision(UUID id, ProjectId projectId, MilestoneId milestoneId, Kind decision, String reasons,
		String decidedBy, Instant decidedAt) {

	public enum Kind {

		ACCEPTED, RETURNED

	}

}
