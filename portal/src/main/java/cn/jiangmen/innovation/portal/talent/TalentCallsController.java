package cn.jiangmen.innovation.portal.talent;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.CallApplicationsView;
import cn.jiangmen.innovation.contracts.talent.v1.CallStatus;
import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.project.FieldChoices;
import cn.jiangmen.innovation.portal.project.ProjectPortalClient;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.ProtoEnums;
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
 * The bureau's call management: every call with its state (drafts included), a form for managers to
 * create a call (categories with their eligibility rules, priority fields, opening and closing time
 * in the bureau's zone), and opening a draft for applications. Auditors see the list read-only.
 */
@Controller
@RequestMapping("/talent/manage/calls")
@PreAuthorize("hasAnyRole('program-manager', 'auditor')")
class TalentCallsController {

	/**
	 * A call row: the card (times in the bureau's zone, closed by this server's clock), whether it
	 * is still a draft, and how many of its applications are in each status.
	 */
	public record CallRow(CallCard card, boolean draft, List<StatusCount> counts) {

		/** Draft, open or closed: a call past its closing time is closed whatever its stored state. */
		public String state() {
			return this.draft ? "DRAFT" : this.card.closed() ? "CLOSED" : "OPEN";
		}

	}

	/** Applications of one call in one status ({@code status} is the talent.v1 enum's code). */
	public record StatusCount(String status, long count) {
	}

	/** Calls per page of the list: a year of calls stays readable at 390 px. */
	static final int PAGE_SIZE = 10;

	private final ObjectProvider<TalentPortalClient> client;

	private final ObjectProvider<ProjectPortalClient> projects;

	private final PortalProperties properties;

	private final Clock clock = Clock.systemUTC();

	TalentCallsController(ObjectProvider<TalentPortalClient> client, ObjectProvider<ProjectPortalClient> projects,
			PortalProperties properties) {
		this.client = client;
		this.projects = projects;
		this.properties = properties;
	}

	@GetMapping
	String list(@RequestParam(name = "done", required = false) String done,
			@RequestParam(name = "refused", required = false) String refused,
			@RequestParam(name = "page", defaultValue = "1") int page, Model model) {
		Notices.manager(done).ifPresent(notice -> model.addAttribute("notice", notice));
		if (refused != null) {
			model.addAttribute("refusal", "talent.error." + Notices.code(refused));
		}
		Instant now = this.clock.instant();
		List<TalentCall> calls = talent().calls();
		int pages = Math.max(1, (calls.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		// counts only for the calls shown: two list calls per row, not per call ever created
		List<CallRow> rows = calls.stream()
			.skip((long) (current - 1) * PAGE_SIZE)
			.limit(PAGE_SIZE)
			.map(call -> {
				boolean draft = call.getStatus() == CallStatus.CALL_STATUS_DRAFT;
				return new CallRow(CallCard.of(call, now, this.properties.zone()), draft,
						draft ? List.of() : counts(call.getCallId()));
			})
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("total", calls.size());
		return "talent/manage-calls";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('program-manager')")
	String blank(Model model, Locale locale) {
		// the priority fields are project-service's reference data: what an admin adds is offered at once
		FieldChoices fields = FieldChoices.of(this.projects.getObject().fields(), locale);
		// after a failed POST (POST-redirect-GET): the form as typed and what was wrong with it
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			return form(model, CallForm.from(failed.typed()), fields, failed.errors("talent", CallForm::inputId));
		}
		return form(model, CallForm.blank(fields.provinceLinked()), fields, FieldErrors.none());
	}

	private static final String NEW_CALL = "/talent/manage/calls/new";

	/** Creates the call as a draft; any problem goes back to the form (303) with messages at the fields. */
	@PostMapping
	@PreAuthorize("hasRole('program-manager')")
	String create(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		CallForm form = CallForm.from(params);
		CallForm.Parsed parsed = form.parse(this.properties.zone());
		if (!parsed.problems().isEmpty()) {
			return FailedPost.rejected(params, parsed.problems()).redirect(NEW_CALL, redirect);
		}
		try {
			talent().createCall(parsed.request());
			return "redirect:/talent/manage/calls?done=created";
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations()).redirect(NEW_CALL, redirect);
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

	/**
	 * Applications per status: talent-service lists a call's applications in two views (awaiting
	 * the formal check, and everything after it), so their union, by id, is every submitted one.
	 */
	private List<StatusCount> counts(String callId) {
		Map<String, ApplicationStatus> byId = new LinkedHashMap<>();
		for (CallApplicationsView view : List.of(CallApplicationsView.CALL_APPLICATIONS_VIEW_FORMAL_CHECK,
				CallApplicationsView.CALL_APPLICATIONS_VIEW_RANKING)) {
			talent().callApplications(callId, view).forEach(a -> byId.put(a.getApplicationId(), a.getStatus()));
		}
		Map<ApplicationStatus, Long> per = new EnumMap<>(ApplicationStatus.class);
		byId.values().forEach(status -> per.merge(status, 1L, Long::sum));
		return per.entrySet().stream().map(e -> new StatusCount(ProtoEnums.code(e.getKey()), e.getValue())).toList();
	}

	private String form(Model model, CallForm form, FieldChoices fields, FieldErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors.labelled(CallFormProblem::label));
		model.addAttribute("categories", TalentPagesController.CATEGORIES);
		model.addAttribute("titles", TalentPagesController.TITLES);
		model.addAttribute("knownFields", fields.offered(form.priorityFields()));
		model.addAttribute("zone", this.properties.zone());
		return "talent/call-form";
	}

	/** Looked up per request, so that web slices without talent pages need no talent client. */
	private TalentPortalClient talent() {
		return this.client.getObject();
	}

}
