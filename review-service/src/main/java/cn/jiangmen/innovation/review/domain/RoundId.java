package cn.jiangmen.innovation.review.domain;

import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;

import org.jmolecules.ddd.types.Identifier;

/** Identity of one review round (a panel reviewing a set of items with one rubric). */
public record RoundId(UUID value) implements Identifier {

	public RoundId {
		Ids.require(value);
	}

	public static RoundId newId() {
		return new RoundId(UUID.randomUUID());
	}

	public static RoundId parse(String text, String field) {
		return Ids.parse(text, field, RoundId::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
