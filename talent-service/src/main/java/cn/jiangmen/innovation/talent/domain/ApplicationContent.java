package cn.jiangmen.innovation.talent.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.jiangmen.innovation.platform.error.FieldViolation;

/**
 * What the applicant fills in. A draft may be incomplete (saved as you go); {@link #missing()} lists
 * what submission still needs.
 */
public record ApplicationContent(String title, Category category, String priorityField, String summary,
		HostOrganisation host, List<TeamMember> team) {

	public ApplicationContent {
		Objects.requireNonNull(title, "title");
		host = host == null ? HostOrganisation.EMPTY : host;
		team = team == null ? List.of() : List.copyOf(team);
	}

	/** The same content with the host organisation the directory names (the form never names it). */
	public ApplicationContent withHost(HostOrganisation newHost) {
		return new ApplicationContent(this.title, this.category, this.priorityField, this.summary, newHost, this.team);
	}

	public Optional<TeamMember> leader() {
		return this.team.stream().filter(TeamMember::isLeader).findFirst();
	}

	/** Fields submission needs that are still empty, each as a {@code required} violation. */
	public List<FieldViolation> missing() {
		List<FieldViolation> missing = new ArrayList<>();
		if (this.category == null) {
			missing.add(required("category"));
		}
		if (this.priorityField == null) {
			missing.add(required("priorityField"));
		}
		if (this.summary == null) {
			missing.add(required("summary"));
		}
		if (this.host.name() == null) {
			missing.add(required("host.name"));
		}
		if (this.host.creditCode() == null) {
			missing.add(required("host.creditCode"));
		}
		if (this.host.kind() == null) {
			missing.add(required("host.kind"));
		}
		if (leader().isEmpty()) {
			missing.add(new FieldViolation("team", "team.leader-missing", "needs a member with role LEADER"));
		}
		for (int i = 0; i < this.team.size(); i++) {
			TeamMember member = this.team.get(i);
			String prefix = "team[" + i + "].";
			if (member.title() == null) {
				missing.add(required(prefix + "title"));
			}
			if (member.degree() == null) {
				missing.add(required(prefix + "degree"));
			}
			if (member.birthDate() == null) {
				missing.add(required(prefix + "birthDate"));
			}
			if (member.nationality() == null) {
				missing.add(required(prefix + "nationality"));
			}
			if (member.employer() == null) {
				missing.add(required(prefix + "employer"));
			}
			if (member.fullTime() == null) {
				missing.add(required(prefix + "fullTime"));
			}
		}
		return missing;
	}

	private static FieldViolation required(String field) {
		return new FieldViolation(field, "required", "must be filled in before submission");
	}

}
