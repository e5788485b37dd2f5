package cn.jiangmen.innovation.project.domain;

import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;

import org.jmolecules.ddd.types.Identifier;

/** Identity of a call (申报指南). */
public record CallId(UUID value) implements Identifier {

	public CallId {
		Ids.require(value);
	}

	public static CallId newId() {
		return new CallId(UUID.randomUUID());
	}

	public static CallId parse(String text, String field) {
		return Ids.parse(text, field, CallId::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
