package cn.jiangmen.innovation.project.grpc;

import cn.jiangmen.innovation.contracts.project.v1.AddPriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.AddPriorityFieldResponse;
import cn.jiangmen.innovation.contracts.project.v1.RenamePriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.RenamePriorityFieldResponse;
import cn.jiangmen.innovation.contracts.project.v1.RetirePriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.RetirePriorityFieldResponse;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.FieldCommands;
import cn.jiangmen.innovation.project.domain.FieldCode;
import cn.jiangmen.innovation.project.domain.FieldKind;
import cn.jiangmen.innovation.project.domain.FieldNames;

import org.springframework.stereotype.Component;

/**
 * AddPriorityField, RenamePriorityField, RetirePriorityField: the admin's field page. The same use
 * case as REST's FieldController (admins only, PERMISSION_DENIED before NOT_FOUND, since fields are
 * public); bad input names the proto's fields.
 */
@Component
class FieldManagementRpcs {

	private final FieldCommands commands;

	FieldManagementRpcs(FieldCommands commands) {
		this.commands = commands;
	}

	AddPriorityFieldResponse add(AddPriorityFieldRequest request) {
		FieldKind kind = switch (request.getKind()) {
			case FIELD_KIND_CITY -> FieldKind.CITY;
			case FIELD_KIND_PROVINCE_CITY_LINKED -> FieldKind.PROVINCE_CITY_LINKED;
			default -> throw new InvalidInputException("kind", "unknown-value",
					"must be FIELD_KIND_CITY or FIELD_KIND_PROVINCE_CITY_LINKED");
		};
		if (request.getPlanSection().length() > 20) {
			// REST's @Size(max = 20): the column is varchar(20)
			throw new InvalidInputException("plan_section", "too-long", "must be at most 20 characters");
		}
		return AddPriorityFieldResponse.newBuilder()
			.setField(FieldMessages.of(this.commands.add(Callers.current(), FieldCode.parse(request.getCode(), "code"),
					kind, names(request.getNameZh(), request.getNameEn()), request.getPlanSection())))
			.build();
	}

	RenamePriorityFieldResponse rename(RenamePriorityFieldRequest request) {
		return RenamePriorityFieldResponse.newBuilder()
			.setField(FieldMessages.of(this.commands.rename(Callers.current(), FieldCode.parse(request.getCode(), "code"),
					names(request.getNameZh(), request.getNameEn()), request.getVersion())))
			.build();
	}

	RetirePriorityFieldResponse retire(RetirePriorityFieldRequest request) {
		return RetirePriorityFieldResponse.newBuilder()
			.setField(FieldMessages.of(this.commands.retire(Callers.current(), FieldCode.parse(request.getCode(), "code"))))
			.build();
	}

	private static FieldNames names(String zh, String en) {
		return FieldNames.parse(zh, en, "name_zh", "name_en");
	}

}
