package cn.jiangmen.innovation.portal.project.manage;

import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.project.v1.FieldKind;
import cn.jiangmen.innovation.contracts.project.v1.PriorityField;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

	private static final String FIELDS = "/project/manage/fields";

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
		// after a refused add (POST-redirect-GET): the form as typed, the message next to each field
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			FieldForm typed = new FieldForm(failed.value("code", ""), failed.value("kind", ""),
					failed.value("nameZh", ""), failed.value("nameEn", ""), failed.value("planSection", ""));
			return page(typed, failed.errors(MESSAGES, FieldAdminController::input), failed.refusal(), model);
		}
		return page(new FieldForm("", "", "", "", ""), FieldErrors.none(), null, model);
	}

	@PostMapping
	String add(@RequestParam(name = "code", defaultValue = "") String code,
			@RequestParam(name = "kind", defaultValue = "") String kind,
			@RequestParam(name = "nameZh", defaultValue = "") String nameZh,
			@RequestParam(name = "nameEn", defaultValue = "") String nameEn,
			@RequestParam(name = "planSection", defaultValue = "") String planSection,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		if (!KINDS.contains(kind)) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("kind", "required")))
				.redirect(FIELDS, redirect);
		}
		try {
			project().addField(code.strip(), FieldKind.valueOf("FIELD_KIND_" + kind), nameZh, nameEn,
					planSection.strip());
			return "redirect:" + FIELDS + "?notice=added";
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations()).redirect(FIELDS, redirect);
		}
		catch (Refused refused) {
			// the only rule adding can break is the code being taken: said next to the code
			return FailedPost.rejected(params, List.of(new Rejected.Violation("code", refused.code())))
				.redirect(FIELDS, redirect);
		}
	}

	@GetMapping("/{code}/rename")
	String renameForm(@PathVariable("code") String code, Model model) {
		PriorityField field = field(code);
		FailedPost failed = FailedPost.from(model);
		if (failed != null && failed.refusal() == null) {
			// rejected names come back as typed, with the version the admin had read
			return renamePage(field, failed.value("nameZh", ""), failed.value("nameEn", ""),
					version(failed.value("version", ""), field), failed.errors(MESSAGES, FieldAdminController::input),
					null, model);
		}
		// a refused rename (someone renamed it meanwhile) shows the stored names and version, and says so
		return renamePage(field, field.getNameZh(), field.getNameEn(), field.getVersion(), FieldErrors.none(),
				failed == null ? null : failed.refusal(), model);
	}

	@PostMapping("/{code}/rename")
	String rename(@PathVariable("code") String code, @RequestParam(name = "nameZh", defaultValue = "") String nameZh,
			@RequestParam(name = "nameEn", defaultValue = "") String nameEn,
			@RequestParam(name = "version", defaultValue = "0") long version,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		String page = FIELDS + "/" + field(code).getCode() + "/rename";
		try {
			project().renameField(code, nameZh, nameEn, version);
			return "redirect:" + FIELDS + "?notice=renamed";
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations()).redirect(page, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, ProjectManagerController.REFUSED + refused.code()).redirect(page, redirect);
		}
	}

	@GetMapping("/{code}/retire")
	String retireConfirm(@PathVariable("code") String code, Model model) {
		model.addAttribute("field", field(code));
		FailedPost failed = FailedPost.from(model);
		model.addAttribute("refusal", failed == null ? null : failed.refusal());
		return "project-manage/field-retire";
	}

	@PostMapping("/{code}/retire")
	String retire(@PathVariable("code") String code, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		String page = FIELDS + "/" + field(code).getCode() + "/retire";
		try {
			project().retireField(code);
			return "redirect:" + FIELDS + "?notice=retired";
		}
		catch (Refused refused) {
			// back on the confirmation page, the refusal in words
			return FailedPost.refused(params, ProjectManagerController.REFUSED + refused.code()).redirect(page, redirect);
		}
	}

	/** The version the admin read, as posted; the stored one when the post carried none that parses. */
	private static long version(String posted, PriorityField field) {
		try {
			return Long.parseLong(posted.strip());
		}
		catch (NumberFormatException ex) {
			return field.getVersion();
		}
	}

	private String page(FieldForm form, FieldErrors errors, String refusal, Model model) {
		model.addAttribute("fields", project().fields());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", KINDS);
		model.addAttribute("refusal", refusal);
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
