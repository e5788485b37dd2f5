package cn.jiangmen.innovation.funding.application;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusResponse;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.DependencyUnavailableException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import io.grpc.StatusRuntimeException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Asks project-service whether a milestone is accepted before a tranche tied to it is released.
 * The call carries the caller's token (platform's client interceptor), so project-service applies
 * its own rules too; the channel's deadline comes from the suite defaults.
 */
@Service
public class MilestoneGate {

	static final String PROJECT_SERVICE = "project-service";

	private final ProjectServiceGrpc.ProjectServiceBlockingStub projects;

	public MilestoneGate(ProjectServiceGrpc.ProjectServiceBlockingStub projects) {
		this.projects = projects;
	}

	public ReleaseCheck check(String projectId, String milestoneId, Caller caller) {
		if (!FundingAccess.mayCheckReleases(caller)) {
			throw new AccessDeniedException("Release checks are for finance and program managers");
		}
		List<FieldViolation> violations = new ArrayList<>();
		requireUuid(projectId, "projectId", violations);
		requireUuid(milestoneId, "milestoneId", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		GetMilestoneStatusResponse status;
		try {
			status = this.projects.getMilestoneStatus(
					GetMilestoneStatusRequest.newBuilder().setProjectId(projectId).setMilestoneId(milestoneId).build());
		}
		catch (StatusRuntimeException ex) {
			throw translate(ex, projectId, milestoneId);
		}
		MilestoneState state = status.getState();
		String name = state.name().startsWith("MILESTONE_STATE_") ? state.name().substring("MILESTONE_STATE_".length())
				: state.name();
		return new ReleaseCheck(state == MilestoneState.MILESTONE_STATE_ACCEPTED, name);
	}

	private static RuntimeException translate(StatusRuntimeException ex, String projectId, String milestoneId) {
		return switch (ex.getStatus().getCode()) {
			case NOT_FOUND -> new NotFoundException("Milestone", projectId + "/" + milestoneId);
			case PERMISSION_DENIED -> new AccessDeniedException("project-service refused the milestone status");
			case INVALID_ARGUMENT -> new InvalidInputException("milestoneId", "id.rejected",
					"was not accepted by project-service");
			default -> new DependencyUnavailableException(PROJECT_SERVICE,
					"project-service did not answer (" + ex.getStatus().getCode() + ")", ex);
		};
	}

	private static void requireUuid(String text, String field, List<FieldViolation> violations) {
		try {
			UUID.fromString(text);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			violations.add(new FieldViolation(field, "id.malformed", "must be a UUID"));
		}
	}

}
