package cn.jiangmen.innovation.project.web;

import java.time.Instant;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.Milestone;

/** A milestone as the REST API shows it. */
public record MilestoneView(UUID id, UUID projectId, String title, String state, Instant acceptedAt) {

	static MilestoneView of(Milestone milestone) {
		return new MilestoneView(milestone.id().value(), milestone.projectId().value(), milestone.title(),
				milestone.state().name(), milestone.acceptedAt().orElse(null));
	}

}
