package cn.jiangmen.innovation.project.domain.execution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.ProjectId;

public interface ChangeRequests {

	void add(ChangeRequest request);

	Optional<ChangeRequest> find(ProjectId projectId, UUID id);

	boolean update(ChangeRequest next);

	/** Newest first. */
	List<ChangeRequest> page(ProjectId projectId, int offset, int limit);

	void addReallocation(ChangeRequest request, ChangeRequest.BudgetReallocation move, Instant at);

}
