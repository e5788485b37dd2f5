package cn.jiangmen.innovation.funding.domain;

import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;

import org.jmolecules.ddd.types.Identifier;

/** Identity of an award commitment. */
public record CommitmentId(UUID value) implements Identifier {

	public CommitmentId {
		Ids.require(value);
	}

	public static CommitmentId newId() {
		return new CommitmentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
