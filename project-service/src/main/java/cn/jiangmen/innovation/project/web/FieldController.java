package cn.jiangmen.innovation.project.web;

import java.net.URI;
import java.util.List;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.FieldCommands;
import cn.jiangmen.innovation.project.application.FieldQueries;
import cn.jiangmen.innovation.project.domain.FieldCode;
import cn.jiangmen.innovation.project.domain.FieldKind;
import cn.jiangmen.innovation.project.domain.FieldNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/fields")
@Tag(name = "Priority fields", description = "Reference data: the priority fields (重点领域) for major projects")
class FieldController {

	private final FieldQueries fields;

	private final FieldCommands commands;

	FieldController(FieldQueries fields, FieldCommands commands) {
		this.fields = fields;
		this.commands = commands;
	}

	@GetMapping
	@Operation(operationId = "listFields",
			summary = "All priority fields in plan order, with zh-CN and en names; retired ones flagged")
	List<FieldView> list() {
		return this.fields.all().stream().map(FieldView::of).toList();
	}

	@PostMapping
	@Operation(operationId = "addField", summary = "Add a priority field (admins; 409 if the code is taken)")
	ResponseEntity<FieldView> add(@Valid @RequestBody FieldRequests.AddField request) {
		FieldView added = FieldView.of(this.commands.add(Callers.current(), FieldCode.parse(request.code(), "code"),
				kind(request.kind()), FieldNames.parse(request.nameZh(), request.nameEn(), "nameZh", "nameEn"),
				request.planSection()));
		return ResponseEntity.created(URI.create("/api/projects/fields/" + added.code())).body(added);
	}

	@PutMapping("/{code}/names")
	@Operation(operationId = "renameField",
			summary = "Rename a field in zh-CN and en (admins; 409 when the version is not the stored one)")
	FieldView rename(@PathVariable("code") String code, @Valid @RequestBody FieldRequests.RenameField request) {
		return FieldView.of(this.commands.rename(Callers.current(), FieldCode.parse(code, "code"),
				FieldNames.parse(request.nameZh(), request.nameEn(), "nameZh", "nameEn"), request.version()));
	}

	@PostMapping("/{code}/retirement")
	@Operation(operationId = "retireField",
			summary = "Retire a field: no new calls under it, its history stays (admins; 409 if retired)")
	FieldView retire(@PathVariable("code") String code) {
		return FieldView.of(this.commands.retire(Callers.current(), FieldCode.parse(code, "code")));
	}

	private static FieldKind kind(String text) {
		try {
			return FieldKind.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("kind", "unknown-value", "must be CITY or PROVINCE_CITY_LINKED");
		}
	}

}
