package cn.jiangmen.innovation.project.domain;

import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;

import org.jmolecules.ddd.types.Identifier;

/** Identity of a host organisation (enterprise, university, institute). */
public record OrganisationId(UUID value) implements Identifier {

	public OrganisationId {
		Ids.require(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
