package cn.jiangmen.innovation.talent.domain;

import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Ids;

import org.jmolecules.ddd.types.Identifier;

/** Identity of an attachment; also its file name in the store (never the user's name). */
public record AttachmentId(UUID value) implements Identifier {

	public AttachmentId {
		Ids.require(value);
	}

	public static AttachmentId newId() {
		return new AttachmentId(UUID.randomUUID());
	}

	public static AttachmentId parse(String text, String field) {
		return Ids.parse(text, field, AttachmentId::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
