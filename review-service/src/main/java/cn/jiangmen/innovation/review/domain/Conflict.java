package cn.jiangmen.innovation.review.domain;

import java.util.List;
import java.util.Objects;

/**
 * One reason why {@code expert} must not review {@code item}. A rule's conflict carries a
 * {@link ConflictDetailCode} with its arguments (readers translate it) and the English sentence it
 * stands for as {@code detail}; a manager's conflict has code {@code NONE} and their own words.
 */
public record Conflict(ExpertId expert, ReviewItemId item, ConflictReason reason, String detail,
		ConflictDetailCode detailCode, List<String> detailArguments) {

	public Conflict {
		Objects.requireNonNull(expert, "expert");
		Objects.requireNonNull(item, "item");
		Objects.requireNonNull(reason, "reason");
		detail = detail == null ? "" : detail;
		detailCode = detailCode == null ? ConflictDetailCode.NONE : detailCode;
		detailArguments = List.copyOf(detailArguments);
	}

	/** A conflict in someone's own words (a manager's). */
	public Conflict(ExpertId expert, ReviewItemId item, ConflictReason reason, String detail) {
		this(expert, item, reason, detail, ConflictDetailCode.NONE, List.of());
	}

	/** A rule's conflict: its code, arguments, and the English sentence they make. */
	public static Conflict coded(ExpertId expert, ReviewItemId item, ConflictReason reason, ConflictDetailCode code,
			String... arguments) {
		List<String> args = List.of(arguments);
		return new Conflict(expert, item, reason, code.english(args), code, args);
	}

}
