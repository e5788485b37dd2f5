package cn.jiangmen.innovation.project.web;

import cn.jiangmen.innovation.project.domain.PriorityField;

/** A priority field as the REST API shows it. */
public record FieldView(String code, String kind, String nameZh, String nameEn) {

	static FieldView of(PriorityField field) {
		return new FieldView(field.code(), field.kind().name(), field.nameZh(), field.nameEn());
	}

}
