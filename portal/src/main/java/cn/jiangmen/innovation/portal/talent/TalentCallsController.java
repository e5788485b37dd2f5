package cn.jiangmen.innovation.portal.talent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.jiangmen.innovation.contracts.talent.v1.CallStatus;
import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;
import jakarta.servlet.http.HttpServletResponse;

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

/**
 * The bureau's call management: every call with its state (drafts included), a form for managers to
 * create a call (categories with their eligibility rules, priority fields, opening and closing time
 * in the bureau's zone), and opening a draft for applications. Auditors see the list read-only.
 */
@Controller
@RequestMapping("/talent/manage/calls")
@PreAuthorize("hasAnyRole('program-manager', 'auditor')")
class TalentCallsController {

	/** A call row: the card (times in the bureau's zone) and whether it is still a draft. */
	public record CallRow(CallCard card, boolean draft) {
	}

	private final ObjectProvider<TalentPortalClient> client;

	private final PortalProperties properties;

	private final Clock clock = Clock.systemUTC();

	TalentCallsController(ObjectProvider<TalentPortalClient> client, PortalProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	@GetMapping
	String list(@RequestParam(name = "done", required = false) String done,
			@RequestParam(name = "refused", required = false) String refused, Model model) {
		Notices.manager(done).ifPresent(notice -> model.addAttribute("notice", notice));
		if (refused != null) {
			model.addAttribute("refusal", "talent.error." + Notices.code(refused));
		}
		Instant now = this.clock.instant();
		List<CallRow> rows = talent().calls()
			.stream()
			.map(call -> new CallRow(CallCard.of(call, now, this.properties.zone()), call.getStatus() == CallStatus.CALL_STATUS_DRAFT))
			.toList();
		model.addAttribute("rows", rows);
		return "talent/manage-calls";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('program-manager')")
	String blank(Model model) {
		return form(model, CallForm.blank(), FieldErrors.none());
	}

	/** Creates the call as a draft; any problem re-shows the form with messages at the fields. */
	@PostMapping
	@PreAuthorize("hasRole('program-manager')")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
		CallForm form = CallForm.from(params);
		CallForm.Parsed parsed = form.parse(this.properties.zone());
		if (!parsed.problems().isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return form(model, form, FieldErrors.of("talent", parsed.problems(), CallForm::inputId));
		}
		try {
			talent().createCall(parsed.request());
			return "redirect:/talent/manage/calls?done=created";
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return form(model, form, FieldErrors.of("talent", rejected.violations(), CallForm::inputId));
		}
	}

	/** Opening shows the call to every applicant: the manager confirms on a page of its own first. */
	@GetMapping("/{callId}/open")
	@PreAuthorize("hasRole('program-manager')")
	String confirmOpen(@PathVariable("callId") String callId, Model model) {
		TalentCall call = talent().findCall(callId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (call.getStatus() != CallStatus.CALL_STATUS_DRAFT) {
			return "redirect:/talent/manage/calls?refused=call.already-open";
		}
		model.addAttribute("call", CallCard.of(call, this.clock.instant(), this.properties.zone()));
		return "talent/open-call";
	}

	@PostMapping("/{callId}/open")
	@PreAuthorize("hasRole('program-manager')")
	String open(@PathVariable("callId") String callId) {
		try {
			talent().openCall(callId);
			return "redirect:/talent/manage/calls?done=opened";
		}
		catch (Refused refused) {
			return "redirect:/talent/manage/calls?refused=" + Notices.code(refused.code());
		}
	}

	private String form(Model model, CallForm form, FieldErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("summary", CallFormProblem.summary(errors));
		model.addAttribute("categories", TalentPagesController.CATEGORIES);
		model.addAttribute("titles", TalentPagesController.TITLES);
		model.addAttribute("knownFields", CallForm.KNOWN_FIELDS);
		model.addAttribute("zone", this.properties.zone());
		return "talent/call-form";
	}

	/** Looked up per request, so that web slices without talent pages need no talent client. */
	private TalentPortalClient talent() {
		return this.client.getObject();
	}

}
