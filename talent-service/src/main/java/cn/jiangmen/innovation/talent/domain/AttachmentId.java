package cn.jiangmen.innovation.talent.domain;

import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** Identity of an attachment; also its file name in the store (never the user's name). */
public record AttachmentId(UUID value) {

	public AttachmentId {
		Objects.requireNonNull(value, "value");
	}

	public static AttachmentId newId() {
		return new AttachmentId(UUID.randomUUID());
	}

	public static AttachmentId parse(String text, String field) {
		try {
			return new AttachmentId(UUID.fromString(text));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInputException(field, "id.malformed", "must be a UUID");
		}
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
