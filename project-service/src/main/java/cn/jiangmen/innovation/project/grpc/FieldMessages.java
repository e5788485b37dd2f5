package cn.jiangmen.innovation.project.grpc;

import cn.jiangmen.innovation.contracts.project.v1.FieldKind;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.project.domain.PriorityField;

/** Priority fields as proto messages. */
final class FieldMessages {

	private FieldMessages() {
	}

	static cn.jiangmen.innovation.contracts.project.v1.PriorityField of(PriorityField field) {
		var message = cn.jiangmen.innovation.contracts.project.v1.PriorityField.newBuilder()
			.setCode(field.code())
			.setKind(switch (field.kind()) {
				case CITY -> FieldKind.FIELD_KIND_CITY;
				case PROVINCE_CITY_LINKED -> FieldKind.FIELD_KIND_PROVINCE_CITY_LINKED;
			})
			.setNameZh(field.nameZh())
			.setNameEn(field.nameEn())
			.setPlanSection(field.planSection())
			.setRetired(field.isRetired())
			.setVersion(field.version());
		field.retiredAt().ifPresent(at -> message.setRetiredAt(ProtoTimes.timestamp(at)));
		return message.build();
	}

}
