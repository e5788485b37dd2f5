package cn.jiangmen.innovation.project.domain.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.project.domain.OrganisationId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.jiangmen.innovation.project.domain.execution.ProjectStage.ACCEPTED;
import static cn.jiangmen.innovation.project.domain.execution.ProjectStage.EXECUTION;
import static cn.jiangmen.innovation.project.domain.execution.ProjectStage.FAILED;
import static cn.jiangmen.innovation.project.domain.execution.ProjectStage.FINAL_ACCEPTANCE;
import static cn.jiangmen.innovation.project.domain.execution.ProjectStage.MID_TERM;
import static cn.jiangmen.innovation.project.domain.execution.ProjectStage.TASK_BOOK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (stage, action) pair of a project, 6 x 5 = 30 cases, against a table written out here. */
class ProjectStageTest {

	private static final Map<ProjectStage, Map<ProjectStage.Action, ProjectStage>> EXPECTED = Map.of(TASK_BOOK,
			Map.of(ProjectStage.Action.COUNTERSIGN_TASK_BOOK, EXECUTION), EXECUTION,
			Map.of(ProjectStage.Action.OPEN_MID_TERM, MID_TERM, ProjectStage.Action.OPEN_FINAL_ACCEPTANCE,
					FINAL_ACCEPTANCE),
			MID_TERM, Map.of(ProjectStage.Action.PASS, EXECUTION, ProjectStage.Action.FAIL, FAILED), FINAL_ACCEPTANCE,
			Map.of(ProjectStage.Action.PASS, ACCEPTED, ProjectStage.Action.FAIL, FAILED));

	static Stream<Arguments> pairs() {
		List<Arguments> cases = new ArrayList<>();
		for (ProjectStage from : ProjectStage.values()) {
			for (ProjectStage.Action action : ProjectStage.Action.values()) {
				cases.add(Arguments.of(from, action));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} --{1}-->")
	@MethodSource("pairs")
	void transition(ProjectStage from, ProjectStage.Action action) {
		ApprovedProject project = new ApprovedProject(ProjectId.newId(), "p", new OrganisationId(UUID.randomUUID()),
				Optional.empty(), from, 100, Optional.empty(), 4);
		ProjectStage expected = EXPECTED.getOrDefault(from, Map.of()).get(action);
		if (expected == null) {
			assertThatThrownBy(() -> project.move(action)).isInstanceOfSatisfying(ConflictException.class,
					ex -> assertThat(ex.code()).isEqualTo("project.stage"));
			assertThat(from.after(action)).isEmpty();
		}
		else {
			ApprovedProject moved = project.move(action);
			assertThat(moved.stage()).isEqualTo(expected);
			assertThat(moved.version()).isEqualTo(5);
		}
	}

	@ParameterizedTest
	@MethodSource("stages")
	void milestonesMoveOnlyWhileTheProjectRuns(ProjectStage stage) {
		assertThat(stage.isRunning()).isEqualTo(stage == EXECUTION || stage == MID_TERM || stage == FINAL_ACCEPTANCE);
	}

	static Stream<ProjectStage> stages() {
		return Stream.of(ProjectStage.values());
	}

}
