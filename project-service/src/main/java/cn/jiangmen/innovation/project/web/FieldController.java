package cn.jiangmen.innovation.project.web;

import java.util.List;

import cn.jiangmen.innovation.project.application.FieldQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/fields")
@Tag(name = "Priority fields", description = "Reference data: the plan's priority fields for major projects")
class FieldController {

	private final FieldQueries fields;

	FieldController(FieldQueries fields) {
		this.fields = fields;
	}

	@GetMapping
	@Operation(summary = "All priority fields in plan order, with zh-CN and en names")
	List<FieldView> list() {
		return this.fields.all().stream().map(FieldView::of).toList();
	}

}
