package cn.jiangmen.innovation.project.domain.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.MilestoneState;
import cn.jiangmen.innovation.project.domain.ProjectId;

/**
 * A milestone as the task book plans it: order, due date, deliverables and the fiscal tranche
 * (分期拨付, in fen) its acceptance releases, with its current state.
 */
public record PlannedMilestone(MilestoneId id, ProjectId projectId, int sequence, String title,
		Optional<LocalDate> dueDate, String deliverables, long trancheFen, MilestoneState state,
		Optional<Instant> acceptedAt, long version) {

	public PlannedMilestone {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(dueDate, "dueDate");
		Objects.requireNonNull(deliverables, "deliverables");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(acceptedAt, "acceptedAt");
	}

}
