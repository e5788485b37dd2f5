package cn.jiangmen.innovation.project.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.AddPriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.AddPriorityFieldResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.RenamePriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.RenamePriorityFieldResponse;
import cn.jiangmen.innovation.contracts.project.v1.RetirePriorityFieldRequest;
import cn.jiangmen.innovation.contracts.project.v1.RetirePriorityFieldResponse;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.FieldCommands;
import cn.jiangmen.innovation.project.application.FieldQueries;
import cn.jiangmen.innovation.project.domain.FieldCode;
import cn.jiangmen.innovation.project.domain.FieldKind;
import cn.jiangmen.innovation.project.domain.FieldNames;
import cn.jiangmen.innovation.project.domain.PriorityField;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/**
 * The priority fields (重点领域): ListPriorityFields for any signed-in caller (talent, review, the
 * portal, retired fields included and flagged), and AddPriorityField, RenamePriorityField,
 * RetirePriorityField for the admin's field page: the same use case as REST's FieldController
 * (admins only, PERMISSION_DENIED before NOT_FOUND, since fields are public); bad input names the
 * proto's fields.
 */
@Component
class FieldManagementRpcs implements ProjectRpcGroup {

	private final FieldCommands commands;

	private final FieldQueries queries;

	FieldManagementRpcs(FieldCommands commands, FieldQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getListPriorityFieldsMethod(), this::list);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getAddPriorityFieldMethod(), this::add);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getRenamePriorityFieldMethod(), this::rename);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getRetirePriorityFieldMethod(), this::retire);
	}

	ListPriorityFieldsResponse list(ListPriorityFieldsRequest request) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<PriorityField> found = this.queries.page(page);
		return ListPriorityFieldsResponse.newBuilder()
			.addAllFields(found.stream().map(FieldMessages::of).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build();
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
