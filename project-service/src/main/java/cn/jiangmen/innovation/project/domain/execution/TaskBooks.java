package cn.jiangmen.innovation.project.domain.execution;

import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.project.domain.ProjectId;

/** Task books and the KPI targets of their milestones. */
public interface TaskBooks {

	Optional<TaskBook> find(ProjectId projectId);

	/** False when the project already has a task book. */
	boolean add(TaskBook taskBook, List<KpiTarget> targets);

	boolean update(TaskBook next);

	/** Every KPI target of the project's milestones, by milestone order then target order. */
	List<KpiTarget> kpiTargets(ProjectId projectId);

	boolean updateKpiTarget(KpiTarget next);

}
