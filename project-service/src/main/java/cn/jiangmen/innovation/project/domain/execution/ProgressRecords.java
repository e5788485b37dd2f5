package cn.jiangmen.innovation.project.domain.execution;

import java.util.List;

import cn.jiangmen.innovation.project.domain.MilestoneId;

/** Progress reports and milestone decisions: append-only histories per milestone. */
public interface ProgressRecords {

	void add(ProgressReport report);

	void add(MilestoneDecision decision);

	/** Newest first. */
	List<ProgressReport> reports(MilestoneId milestoneId, int offset, int limit);

	/** Newest first. */
	List<MilestoneDecision> decisions(MilestoneId milestoneId);

}
