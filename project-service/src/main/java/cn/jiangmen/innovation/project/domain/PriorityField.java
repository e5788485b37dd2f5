package cn.jiangmen.innovation.project.domain;

import java.util.Objects;

/** A priority field for major projects: reference data, not code, so managers can add one. */
public record PriorityField(String code, FieldKind kind, String nameZh, String nameEn, int sortOrder) {

	public PriorityField {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(nameZh, "nameZh");
		Objects.requireNonNull(nameEn, "nameEn");
	}

}
