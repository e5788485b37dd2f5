package cn.jiangmen.innovation.project.web.execution;

import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.execution.CheckRoundCommands;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.ProjectId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/projects/{projectId}/check-rounds")
@Tag(name = "Mid-term and final acceptance", description = "中期检查 and 验收 rounds with pass / rectify / fail outcomes")
class CheckRoundController {

	private final CheckRoundCommands commands;

	private final ExecutionQueries queries;

	CheckRoundController(CheckRoundCommands commands, ExecutionQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "openCheckRound", summary = "The manager opens a mid-term check or the final acceptance",
			description = "409 unless the project is in EXECUTION; final acceptance also needs every milestone accepted.")
	ExecutionViews.CheckRoundView open(@PathVariable("projectId") String projectId,
			@RequestBody ExecutionRequests.OpenRound body) {
		return ExecutionViews.CheckRoundView
			.of(this.commands.open(ProjectId.parse(projectId, "projectId"), body.kind(), Callers.current()));
	}

	@GetMapping
	@Operation(operationId = "listCheckRounds", summary = "The project's rounds, newest first")
	List<ExecutionViews.CheckRoundView> list(@PathVariable("projectId") String projectId) {
		return this.queries.rounds(ProjectId.parse(projectId, "projectId"), Callers.current())
			.stream()
			.map(ExecutionViews.CheckRoundView::of)
			.toList();
	}

	@PostMapping("/{roundId}/outcome")
	@Operation(operationId = "recordCheckRoundOutcome", summary = "Record the outcome with the panel's score: PASS, RECTIFY (by a date) or FAIL",
			description = "A FAIL marks the project FAILED and opens its recovery of funds (资金追回) case.")
	ExecutionViews.CheckRoundView outcome(@PathVariable("projectId") String projectId,
			@PathVariable("roundId") String roundId, @RequestBody ExecutionRequests.RecordOutcome body) {
		UUID id = Ids.parse(roundId, "roundId", value -> value);
		return ExecutionViews.CheckRoundView.of(this.commands.record(ProjectId.parse(projectId, "projectId"), id,
				new CheckRoundCommands.OutcomeInput(body.outcome(), body.panelScore(), body.reasons(), body.rectifyBy()),
				Callers.current()));
	}

}
