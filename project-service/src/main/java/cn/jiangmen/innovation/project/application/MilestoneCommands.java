package cn.jiangmen.innovation.project.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.ProjectAccess;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.project.domain.Milestone;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.Projects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** Milestone decisions by the bureau; each one in one transaction with its audit record. */
@Service
public class MilestoneCommands {

	static final String OBJECT_TYPE = "milestone";

	private final Projects projects;

	private final Audit audit;

	private final JsonMapper json;

	private final Clock clock;

	public MilestoneCommands(Projects projects, Audit audit, JsonMapper json, Clock clock) {
		this.projects = projects;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** Accepts a reported milestone; any other state is a conflict (409 / FAILED_PRECONDITION). */
	@Transactional
	public Milestone accept(ProjectId projectId, MilestoneId milestoneId, Caller caller) {
		if (!ProjectAccess.mayDecideMilestones(caller)) {
			throw new AccessDeniedException("Only program managers accept milestones");
		}
		this.projects.find(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
		Milestone before = this.projects.findMilestone(projectId, milestoneId)
			.orElseThrow(() -> new NotFoundException("Milestone", milestoneId));
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Milestone after = before.accept(now);
		if (!this.projects.updateMilestone(after)) {
			throw new ConflictException("milestone.concurrent-change",
					"The milestone was changed by someone else; reload and try again");
		}
		this.audit.record(caller.username(), now, "milestone.accepted", OBJECT_TYPE, milestoneId, snapshot(before), snapshot(after));
		return after;
	}

	private Map<String, Object> snapshot(Milestone milestone) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", milestone.id().toString());
		state.put("projectId", milestone.projectId().toString());
		state.put("state", milestone.state().name());
		state.put("acceptedAt", milestone.acceptedAt().map(Instant::toString).orElse(null));
		state.put("version", milestone.version());
		return state;
	}

}
