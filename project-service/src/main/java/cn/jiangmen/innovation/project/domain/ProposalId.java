package cn.jiangmen.innovation.project.domain;

import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;

import org.jmolecules.ddd.types.Identifier;

/** Identity of a proposal (申报书). */
public record ProposalId(UUID value) implements Identifier {

	public ProposalId {
		Ids.require(value);
	}

	public static ProposalId newId() {
		return new ProposalId(UUID.randomUUID());
	}

	public static ProposalId parse(String text, String field) {
		return Ids.parse(text, field, ProposalId::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
