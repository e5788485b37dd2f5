package cn.jiangmen.innovation.project.web;

import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.MilestoneCommands;
import cn.jiangmen.innovation.project.application.MilestoneQueries;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/projects/{projectId}/milestones/{milestoneId}")
@Tag(name = "Milestones", description = "Task-book milestones and their acceptance")
class MilestoneController {

	private final MilestoneQueries queries;

	private final MilestoneCommands commands;

	MilestoneController(MilestoneQueries queries, MilestoneCommands commands) {
		this.queries = queries;
		this.commands = commands;
	}

	@GetMapping
	@Operation(summary = "One milestone, if the caller may see its project (404 otherwise)")
	MilestoneView get(@PathVariable("projectId") String projectId, @PathVariable("milestoneId") String milestoneId) {
		return MilestoneView.of(this.queries.get(ProjectId.parse(projectId, "projectId"),
				MilestoneId.parse(milestoneId, "milestoneId"), Callers.current()));
	}

	@PostMapping("/acceptance")
	@Operation(summary = "Accept a reported milestone (program managers; 409 for any other state)")
	MilestoneView accept(@PathVariable("projectId") String projectId,
			@PathVariable("milestoneId") String milestoneId) {
		return MilestoneView.of(this.commands.accept(ProjectId.parse(projectId, "projectId"),
				MilestoneId.parse(milestoneId, "milestoneId"), Callers.current()));
	}

}
