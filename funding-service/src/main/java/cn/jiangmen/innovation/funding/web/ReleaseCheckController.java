package cn.jiangmen.innovation.funding.web;

import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.funding.application.MilestoneGate;
import cn.jiangmen.innovation.funding.application.ReleaseCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Releases", description = "Whether a tranche tied to a milestone may be released")
class ReleaseCheckController {

	private final MilestoneGate gate;

	ReleaseCheckController(MilestoneGate gate) {
		this.gate = gate;
	}

	@GetMapping("/api/funding/projects/{projectId}/milestones/{milestoneId}/release-check")
	@Operation(summary = "Asks project-service whether the milestone is accepted",
			description = "503 when project-service cannot be reached in time.")
	ReleaseCheck check(@PathVariable("projectId") String projectId, @PathVariable("milestoneId") String milestoneId) {
		return this.gate.check(projectId, milestoneId, Callers.current());
	}

}
