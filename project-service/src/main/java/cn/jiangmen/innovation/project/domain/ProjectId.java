package cn.jiangmen.innovation.project.domain;

import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;

import org.jmolecules.ddd.types.Identifier;

/** Identity of a project. */
public record ProjectId(UUID value) implements Identifier {

	public ProjectId {
		Ids.require(value);
	}

	public static ProjectId newId() {
		return new ProjectId(UUID.randomUUID());
	}

	public static ProjectId parse(String text, String field) {
		return Ids.parse(text, field, ProjectId::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
