package cn.jiangmen.innovation.portal.project.manage;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiangmen.innovation.contracts.project.v1.CallAction;
import cn.jiangmen.innovation.contracts.project.v1.CallDraft;
import cn.jiangmen.innovation.contracts.project.v1.CallTopic;
import cn.jiangmen.innovation.contracts.project.v1.ProjectCall;
import cn.jiangmen.innovation.contracts.project.v1.Proposal;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.finance.Yuan;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The manager's calls (申报指南) of major projects: by field and year; a new call with its topics,
 * ceiling, fiscal share, consortium rules, required documents and opening/closing times (typed in
 * Beijing time); publish and close on a confirmation page; a call's proposals. Auditors read.
 */
@Controller
@RequestMapping("/project/manage/calls")
@PreAuthorize("hasAnyRole('program-manager', 'auditor')")
class CallManagerController {

	static final Map<String, String> NOTICES = Map.of("created", "project.manage.call.notice.created", "published",
			"project.manage.call.notice.published", "closed", "project.manage.call.notice.closed");

	private static final String NEW_CALL = "/project/manage/calls/new";

	/** Topic rows the form offers; a call needs one, most have two or three. */
	static final int TOPIC_ROWS = 3;

	/** Looked up per request: web slices of other pages start without a project-service channel. */
	private final ObjectProvider<ProjectManagerClient> clients;

	private final PortalProperties properties;

	CallManagerController(ObjectProvider<ProjectManagerClient> clients, PortalProperties properties) {
		this.clients = clients;
		this.properties = properties;
	}

	@GetMapping
	String calls(@RequestParam(name = "field", defaultValue = "") String field,
			@RequestParam(name = "year", defaultValue = "0") int year,
			@RequestParam(name = "notice", required = false) String notice, Model model, Locale locale) {
		List<ProjectCall> calls = project().calls(field)
			.stream()
			.filter(c -> year == 0 || c.getYear() == year)
			.toList();
		model.addAttribute("calls", calls);
		model.addAttribute("fieldNames", FieldLabels.of(project().fields(), locale));
		model.addAttribute("field", field);
		model.addAttribute("year", year == 0 ? "" : String.valueOf(year));
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("notice", NOTICES.get(notice));
		}
		return "project-manage/calls";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('program-manager')")
	String newCall(Model model, Locale locale) {
		// after a refused save (POST-redirect-GET): the form as typed, the message next to each field
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			return form(CallForm.of(failed.typed()), failed.errors(FieldAdminController.MESSAGES,
					CallManagerController::input), model, locale);
		}
		return form(CallForm.empty(), FieldErrors.none(), model, locale);
	}

	@PostMapping("/new")
	@PreAuthorize("hasRole('program-manager')")
	String create(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		CallForm form = CallForm.of(params);
		List<Rejected.Violation> typed = new ArrayList<>();
		CallDraft.Builder draft = CallDraft.newBuilder()
			.setFieldCode(form.fieldCode())
			.setTitle(form.title())
			.setGuideline(form.guideline());
		try {
			draft.setYear(Integer.parseInt(form.year().strip()));
		}
		catch (NumberFormatException ex) {
			typed.add(new Rejected.Violation("year", "malformed"));
		}
		Yuan.Parsed ceiling = Yuan.parse(form.ceiling());
		if (ceiling.ok()) {
			draft.setFundingCeiling(ProjectManagerClient.fen(ceiling.fen()));
		}
		else {
			typed.add(new Rejected.Violation("ceiling", ceiling.problem()));
		}
		try {
			draft.setMaxFiscalSharePercent(Integer.parseInt(form.maxFiscalShare().strip()));
		}
		catch (NumberFormatException ex) {
			typed.add(new Rejected.Violation("maxFiscalShare", "malformed"));
		}
		for (int i = 0; i < TOPIC_ROWS; i++) {
			String code = form.topicCode(i);
			String title = form.topicTitle(i);
			if (!code.isBlank() || !title.isBlank()) {
				draft.addTopics(CallTopic.newBuilder()
					.setCode(code.strip())
					.setTitle(title.strip())
					.setRequiresResearchPartner(form.topicResearch(i)));
			}
		}
		form.documents().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(draft::addRequiredDocuments);
		time(form.opensAt(), "opensAt", typed).ifPresent(at -> draft.setOpensAt(ProtoTimes.timestamp(at)));
		time(form.closesAt(), "closesAt", typed).ifPresent(at -> draft.setClosesAt(ProtoTimes.timestamp(at)));
		if (typed.isEmpty()) {
			try {
				project().createCall(draft.build());
				return "redirect:/project/manage/calls?notice=created";
			}
			catch (Rejected rejected) {
				typed.addAll(rejected.violations());
			}
		}
		return FailedPost.rejected(params, typed).redirect(NEW_CALL, redirect);
	}

	@GetMapping("/{callId}")
	String call(@PathVariable("callId") String callId, Model model, Locale locale) {
		ProjectCall call = project().call(callId);
		List<Proposal> proposals = new ArrayList<>(project().proposals(callId));
		proposals.sort(Comparator.comparing(Proposal::getStatus).thenComparing(Proposal::getTitle));
		model.addAttribute("call", call);
		model.addAttribute("proposals", proposals);
		model.addAttribute("fieldNames", FieldLabels.of(project().fields(), locale));
		return "project-manage/call";
	}

	@GetMapping("/{callId}/{action:publish|close}")
	@PreAuthorize("hasRole('program-manager')")
	String confirm(@PathVariable("callId") String callId, @PathVariable("action") String action, Model model) {
		model.addAttribute("call", project().call(callId));
		model.addAttribute("action", action);
		// after a refused publish or close (POST-redirect-GET): the rule that said no, in words
		FailedPost failed = FailedPost.from(model);
		model.addAttribute("refusal", failed == null ? null : failed.refusal());
		return "project-manage/call-confirm";
	}

	@PostMapping("/{callId}/{action:publish|close}")
	@PreAuthorize("hasRole('program-manager')")
	String change(@PathVariable("callId") String callId, @PathVariable("action") String action,
			@RequestParam(name = "version", defaultValue = "0") long version,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		try {
			project().changeCall(callId, "publish".equals(action) ? CallAction.CALL_ACTION_PUBLISH
					: CallAction.CALL_ACTION_CLOSE, version);
			return "redirect:/project/manage/calls?notice=" + ("publish".equals(action) ? "published" : "closed");
		}
		catch (Refused refused) {
			// the call's id as the service knows it, not as typed into the address
			String page = "/project/manage/calls/" + project().call(callId).getCallId() + "/" + action;
			return FailedPost.refused(params, ProjectManagerController.REFUSED + refused.code()).redirect(page, redirect);
		}
	}

	private String form(CallForm form, FieldErrors errors, Model model, Locale locale) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		// a retired field takes no new calls
		model.addAttribute("fieldNames",
				FieldLabels.of(project().fields().stream().filter(f -> !f.getRetired()).toList(), locale));
		model.addAttribute("topicRows", java.util.stream.IntStream.range(0, TOPIC_ROWS).boxed().toList());
		return "project-manage/call-form";
	}

	/** A time typed in the bureau's zone (datetime-local), as an instant. */
	private java.util.Optional<java.time.Instant> time(String typed, String field, List<Rejected.Violation> problems) {
		if (typed == null || typed.isBlank()) {
			problems.add(new Rejected.Violation(field, "required"));
			return java.util.Optional.empty();
		}
		try {
			return java.util.Optional.of(LocalDateTime.parse(typed.strip()).atZone(this.properties.zone()).toInstant());
		}
		catch (DateTimeParseException ex) {
			problems.add(new Rejected.Violation(field, "malformed"));
			return java.util.Optional.empty();
		}
	}

	/** The service's names (call.fieldCode, call.funding_ceiling, call.topics[1].title) to the form's ids. */
	static String input(String service) {
		String name = service.startsWith("call.") ? service.substring("call.".length()) : service;
		if (name.startsWith("topics[")) {
			return name.replace("[", "-").replace("].", "-").replace("]", "");
		}
		if (name.startsWith("requiredDocuments")) {
			return "documents";
		}
		return switch (name) {
			case "funding_ceiling", "fundingCeiling" -> "ceiling";
			case "maxFiscalSharePercent", "max_fiscal_share_percent" -> "maxFiscalShare";
			case "field_code" -> "fieldCode";
			case "opens_at" -> "opensAt";
			case "closes_at" -> "closesAt";
			default -> name;
		};
	}

	private ProjectManagerClient project() {
		return this.clients.getObject();
	}

}
