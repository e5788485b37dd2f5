package cn.jiangmen.innovation.project.domain;

/** Where approval writes the project and its planned milestones. */
public interface ApprovedProjects {

	void add(Approval.ApprovedProject project);

}
