package cn.jiangmen.innovation.review.domain;

import java.util.Objects;

/** One reason why {@code expert} must not review {@code item}, with a human-readable detail. */
public record Conflict(ExpertId expert, ReviewItemId item, ConflictReason reason, String detail) {

	public Conflict {
		Objects.requireNonNull(expert, "expert");
		Objects.requireNonNull(item, "item");
		Objects.requireNonNull(reason, "reason");
		detail = detail == null ? "" : detail;
	}

}
