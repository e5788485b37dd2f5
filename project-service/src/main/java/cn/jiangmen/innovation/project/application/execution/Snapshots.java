package cn.jiangmen.innovation.project.application.execution;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.CheckRound;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;
import cn.jiangmen.innovation.project.domain.execution.TaskBook;

/** Before/after states for audit records. */
final class Snapshots {

	private Snapshots() {
	}

	static Map<String, Object> of(ApprovedProject project) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", project.id().toString());
		state.put("stage", project.stage().name());
		state.put("version", project.version());
		return state;
	}

	static Map<String, Object> of(TaskBook book) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("projectId", book.projectId().toString());
		state.put("state", book.state().name());
		state.put("acceptedBy", book.acceptedBy().orElse(null));
		state.put("countersignedBy", book.countersignedBy().orElse(null));
		state.put("version", book.version());
		return state;
	}

	static Map<String, Object> of(PlannedMilestone milestone) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", milestone.id().toString());
		state.put("state", milestone.state().name());
		state.put("dueDate", milestone.dueDate().map(Object::toString).orElse(null));
		state.put("version", milestone.version());
		return state;
	}

	static Map<String, Object> of(CheckRound round) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", round.id().toString());
		state.put("kind", round.kind().name());
		state.put("state", round.state().name());
		state.put("panelScore", round.panelScore().map(Object::toString).orElse(null));
		state.put("rectifyBy", round.rectifyBy().map(Object::toString).orElse(null));
		state.put("reasons", round.reasons().orElse(null));
		state.put("decidedAt", round.decidedAt().map(Instant::toString).orElse(null));
		state.put("version", round.version());
		return state;
	}

}
