package cn.jiangmen.innovation.project.domain;

import java.util.Optional;
import java.util.Set;

/** Who is calling, as far as project rules care. */
public record Caller(String username, Set<String> roles, Optional<OrganisationId> organisationId) {

	static final Set<String> SEE_ALL = Set.of("service", "program-manager", "finance-officer", "finance-approver",
			"auditor");

	public Caller {
		roles = Set.copyOf(roles);
	}

	public boolean seesAllProjects() {
		return this.roles.stream().anyMatch(SEE_ALL::contains);
	}

	public boolean isApplicant() {
		return this.roles.contains("applicant") && this.organisationId.isPresent();
	}

	/** Whether milestone status may be asked at all; which projects is decided per object. */
	public boolean mayReadMilestones() {
		return seesAllProjects() || isApplicant();
	}

	public boolean mayDecideMilestones() {
		return this.roles.contains("program-manager");
	}

}
