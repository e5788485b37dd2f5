package cn.jiangmen.innovation.review.domain;

import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;

import org.jmolecules.ddd.types.Identifier;

/** Identity of one expert's assignment to one item. */
public record AssignmentId(UUID value) implements Identifier {

	public AssignmentId {
		Ids.require(value);
	}

	public static AssignmentId newId() {
		return new AssignmentId(UUID.randomUUID());
	}

	public static AssignmentId parse(String text, String field) {
		return Ids.parse(text, field, AssignmentId::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
