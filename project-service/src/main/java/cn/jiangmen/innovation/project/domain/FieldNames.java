package cn.jiangmen.innovation.project.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/** A field's names in both languages the portal shows: zh-CN (中文名称) and en. */
public record FieldNames(String zh, String en) {

	static final int MAX_LENGTH = 200;

	public FieldNames {
		Objects.requireNonNull(zh, "zh");
		Objects.requireNonNull(en, "en");
	}

	/** Both names, trimmed; every missing or too long one named in one 400. */
	public static FieldNames parse(String zh, String en, String zhField, String enField) {
		List<FieldViolation> violations = new ArrayList<>();
		check(zh, zhField, violations);
		check(en, enField, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new FieldNames(zh.strip(), en.strip());
	}

	private static void check(String name, String field, List<FieldViolation> violations) {
		if (name == null || name.isBlank()) {
			violations.add(new FieldViolation(field, "required", "is required"));
		}
		else if (name.strip().length() > MAX_LENGTH) {
			violations.add(new FieldViolation(field, "too-long", "must be at most " + MAX_LENGTH + " characters"));
		}
	}

}
