package cn.jiangmen.innovation.review.domain;

import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;

import org.jmolecules.ddd.types.Identifier;

/** Identity of one item under review (a talent application or a project proposal). */
public record ReviewItemId(UUID value) implements Identifier {

	public ReviewItemId {
		Ids.require(value);
	}

	public static ReviewItemId newId() {
		return new ReviewItemId(UUID.randomUUID());
	}

	public static ReviewItemId parse(String text, String field) {
		return Ids.parse(text, field, ReviewItemId::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
