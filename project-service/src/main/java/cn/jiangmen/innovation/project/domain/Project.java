package cn.jiangmen.innovation.project.domain;

import cn.jiangmen.innovation.platform.domain.Caller;

import java.util.Objects;

/**
 * A major S&T special project (重大科技专项) led by one organisation. Foundation version: identity,
 * title and owner; consortium, budget and task book grow on it.
 */
public record Project(ProjectId id, String title, OrganisationId organisationId) {

	public Project {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(organisationId, "organisationId");
	}

	/** Per-object rule: bureau roles see every project, applicants only their organisation's. */
	public boolean isVisibleTo(Caller caller) {
		return ProjectAccess.seesAllProjects(caller) || caller.isApplicantOf(this.organisationId.value());
	}

}
