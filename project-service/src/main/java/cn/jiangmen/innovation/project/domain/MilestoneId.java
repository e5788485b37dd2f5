package cn.jiangmen.innovation.project.domain;

import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;

import org.jmolecules.ddd.types.Identifier;

/** Identity of a milestone. */
public record MilestoneId(UUID value) implements Identifier {

	public MilestoneId {
		Ids.require(value);
	}

	public static MilestoneId newId() {
		return new MilestoneId(UUID.randomUUID());
	}

	public static MilestoneId parse(String text, String field) {
		return Ids.parse(text, field, MilestoneId::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
