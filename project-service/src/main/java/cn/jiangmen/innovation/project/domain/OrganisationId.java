package cn.jiangmen.innovation.project.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a host organisation (enterprise, university, institute). */
public record OrganisationId(UUID value) {

	public OrganisationId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
