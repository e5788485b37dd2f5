package cn.jiangmen.innovation.talent.domain;

import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;

import org.jmolecules.ddd.types.Identifier;

/** Identity of a talent application. */
public record ApplicationId(UUID value) implements Identifier {

	public ApplicationId {
		Ids.require(value);
	}

	public static ApplicationId newId() {
		return new ApplicationId(UUID.randomUUID());
	}

	public static ApplicationId parse(String text, String field) {
		return Ids.parse(text, field, ApplicationId::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
