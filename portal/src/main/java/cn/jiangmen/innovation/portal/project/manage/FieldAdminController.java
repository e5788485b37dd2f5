package cn.jiangmen.innovation.portal.project.manage;

import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.project.v1.FieldKind;
import cn.jiangmen.innovation.contracts.project.v1.PriorityField;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin's priority fields (重点领域): add one, rename it in zh-CN and en (with the version read,
 * so a rename never overwrites someone else's), retire it on a confirmation page. A retired field
 * stays listed with its date: its calls and projects keep their names.
 */
@Controller
@RequestMapping("/project/manage/fields")
@PreAuthorize("hasRole('admin')")
class FieldAdminController {

	static final String MESSAGES = "project.manage";

	static final Map<String, String> NOTICES = Map.of("added", "project.manage.field.notice.added", "renamed",
			"project.manage.field.notice.renamed", "retired", "project.manage.field.notice.retired");

	static final List<String> KINDS = List.of("CITY", "PROVINCE_CITY_LINKED");

	/** Looked up per request: web slices of other pages start without a project-service channel. */
	private final ObjectProvider<ProjectManagerClient> clients;

	FieldAdminController(ObjectProvider<ProjectManagerClient> clients) {
		this.clients = clients;
	}

	@GetMapping
	String fields(@RequestParam(name = "notice", required = false) String notice, Model model) {
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("notice", NOTICES.get(notice));
		}
		return page(new FieldForm("", "", "", "", ""), FieldErrors.none(), null, model);
	}

	@PostMapping
	String add(@RequestParam(name = "code", defaultValue = "") String code,
			@RequestParam(name = "kind", defaultValue = "") String kind,
			@RequestParam(name = "nameZh", defaultValue = "") String nameZh,
			@RequestParam(name = "nameEn", defaultValue = "") String nameEn,
			@RequestParam(name = "planSection", defaultValue = "") String planSection, Model model,
			HttpServletResponse response) {
		FieldForm form = new FieldForm(code.strip(), kind, nameZh, nameEn, planSection.strip());
		FieldErrors errors;
		if (!KINDS.contains(kind)) {
			errors = FieldErrors.single(MESSAGES, "kind", "required");
		}
		else {
			try {
				project().addField(form.code(), FieldKind.valueOf("FIELD_KIND_" + kind), nameZh, nameEn,
						form.planSection());
				return "redirect:/project/manage/fields?notice=added";
			}
			catch (Rejected rejected) {
				errors = FieldErrors.of(MESSAGES, rejected.violations(), FieldAdminController::input);
			}
			catch (Refused refused) {
				errors = FieldErrors.single(MESSAGES, "code", refused.code());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(form, errors, null, model);
	}

	@GetMapping("/{code}/rename")
	String renameForm(@PathVariable("code") String code, Model model) {
		PriorityField field = field(code);
		return renamePage(field, field.getNameZh(), field.getNameEn(), field.getVersion(), FieldErrors.none(), null, model);
	}

	@PostMapping("/{code}/rename")
	String rename(@PathVariable("code") String code, @RequestParam(name = "nameZh", defaultValue = "") String nameZh,
			@RequestParam(name = "nameEn", defaultValue = "") String nameEn,
			@RequestParam(name = "version", defaultValue = "0") long version, Model model,
			HttpServletResponse response) {
		PriorityField field = field(code);
		try {
			project().renameField(code, nameZh, nameEn, version);
			return "redirect:/project/manage/fields?notice=renamed";
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return renamePage(field, nameZh, nameEn, version,
					FieldErrors.of(MESSAGES, rejected.violations(), FieldAdminController::input), null, model);
		}
		catch (Refused refused) {
			// someone renamed it meanwhile: show the stored names and version, say so
			response.setStatus(HttpStatus.CONFLICT.value());
			return renamePage(field, field.getNameZh(), field.getNameEn(), field.getVersion(), FieldErrors.none(),
					"project.manage.refused." + refused.code(), model);
		}
	}

	@GetMapping("/{code}/retire")
	String retireConfirm(@PathVariable("code") String code, Model model) {
		model.addAttribute("field", field(code));
		return "project-manage/field-retire";
	}

	@PostMapping("/{code}/retire")
	String retire(@PathVariable("code") String code, Model model, HttpServletResponse response) {
		try {
			project().retireField(code);
			return "redirect:/project/manage/fields?notice=retired";
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", "project.manage.refused." + refused.code());
			return page(new FieldForm("", "", "", "", ""), FieldErrors.none(), null, model);
		}
	}

	private String page(FieldForm form, FieldErrors errors, String refusal, Model model) {
		model.addAttribute("fields", project().fields());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", KINDS);
		if (refusal != null) {
			model.addAttribute("refusal", refusal);
		}
		return "project-manage/fields";
	}

	private String renamePage(PriorityField field, String nameZh, String nameEn, long version, FieldErrors errors,
			String refusal, Model model) {
		model.addAttribute("field", field);
		model.addAttribute("form", new FieldForm(field.getCode(), "", nameZh, nameEn, ""));
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		return "project-manage/field-rename";
	}

	private PriorityField field(String code) {
		return project().fields()
			.stream()
			.filter(f -> f.getCode().equals(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no field " + code));
	}

	/** The service's names (proto snake_case) to the form's input ids. */
	static String input(String service) {
		return switch (service) {
			case "name_zh" -> "nameZh";
			case "name_en" -> "nameEn";
			case "plan_section" -> "planSection";
			default -> service;
		};
	}

	private ProjectManagerClient project() {
		return this.clients.getObject();
	}

}
