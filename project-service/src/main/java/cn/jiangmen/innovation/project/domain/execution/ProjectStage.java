package cn.jiangmen.innovation.project.domain.execution;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static cn.jiangmen.innovation.project.domain.execution.ProjectStage.Action.COUNTERSIGN_TASK_BOOK;
import static cn.jiangmen.innovation.project.domain.execution.ProjectStage.Action.FAIL;
import static cn.jiangmen.innovation.project.domain.execution.ProjectStage.Action.OPEN_FINAL_ACCEPTANCE;
import static cn.jiangmen.innovation.project.domain.execution.ProjectStage.Action.OPEN_MID_TERM;
import static cn.jiangmen.innovation.project.domain.execution.ProjectStage.Action.PASS;

/**
 * Where an approved project (立项) stands, and its moves as a table:
 *
 * <pre>
 * TASK_BOOK --COUNTERSIGN_TASK_BOOK--> EXECUTION
 * EXECUTION --OPEN_MID_TERM--> MID_TERM --PASS--> EXECUTION | --FAIL--> FAILED
 * EXECUTION --OPEN_FINAL_ACCEPTANCE--> FINAL_ACCEPTANCE --PASS--> ACCEPTED | --FAIL--> FAILED
 * </pre>
 *
 * A round's "rectify" outcome keeps the stage. Everything not in the table is refused.
 */
public enum ProjectStage {

	TASK_BOOK, EXECUTION, MID_TERM, FINAL_ACCEPTANCE, ACCEPTED, FAILED;

	/** What moves a project from one stage to another. */
	public enum Action {

		COUNTERSIGN_TASK_BOOK, OPEN_MID_TERM, OPEN_FINAL_ACCEPTANCE, PASS, FAIL

	}

	private static final Map<ProjectStage, Map<Action, ProjectStage>> TABLE = new EnumMap<>(ProjectStage.class);

	static {
		allow(TASK_BOOK, COUNTERSIGN_TASK_BOOK, EXECUTION);
		allow(EXECUTION, OPEN_MID_TERM, MID_TERM);
		allow(EXECUTION, OPEN_FINAL_ACCEPTANCE, FINAL_ACCEPTANCE);
		allow(MID_TERM, PASS, EXECUTION);
		allow(MID_TERM, FAIL, FAILED);
		allow(FINAL_ACCEPTANCE, PASS, ACCEPTED);
		allow(FINAL_ACCEPTANCE, FAIL, FAILED);
	}

	private static void allow(ProjectStage from, Action action, ProjectStage to) {
		TABLE.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, to);
	}

	/** Where {@code action} leads from this stage, or empty when the table does not allow it. */
	public Optional<ProjectStage> after(Action action) {
		return Optional.ofNullable(TABLE.getOrDefault(this, Map.of()).get(action));
	}

	/** Milestones are reported and decided while the project runs (also during a check round). */
	public boolean isRunning() {
		return this == EXECUTION || this == MID_TERM || this == FINAL_ACCEPTANCE;
	}

}
