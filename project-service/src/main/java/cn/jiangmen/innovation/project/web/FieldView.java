package cn.jiangmen.innovation.project.web;

import java.time.Instant;

import cn.jiangmen.innovation.project.domain.PriorityField;

/** A priority field as the REST API shows it; {@code version} is what a rename sends back. */
public record FieldView(String code, String kind, String nameZh, String nameEn, String planSection, boolean retired,
		Instant retiredAt, long version) {

	static FieldView of(PriorityField field) {
		return new FieldView(field.code(), field.kind().name(), field.nameZh(), field.nameEn(), field.planSection(),
				field.isRetired(), field.retiredAt().orElse(null), field.version());
	}

}
