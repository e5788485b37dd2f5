package cn.jiangmen.innovation.funding.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of an award commitment. */
public record CommitmentId(UUID value) {

	public CommitmentId {
		Objects.requireNonNull(value, "value");
	}

	public static CommitmentId newId() {
		return new CommitmentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
