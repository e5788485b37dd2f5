package cn.jiangmen.innovation.portal.review;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.contracts.review.v1.Declaration;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelResponse;
import cn.jiangmen.innovation.contracts.review.v1.PanelAssignment;
import cn.jiangmen.innovation.contracts.review.v1.PanelExpert;
import cn.jiangmen.innovation.contracts.review.v1.SheetStatus;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Managers' and auditors' review pages: rounds, the assignment matrix with declarations and time
 * to submit, the conflict list with reasons, and results with a server-rendered chart of the
 * spread of scores.
 */
@Controller
@RequestMapping("/review/rounds")
@PreAuthorize("hasAnyRole('program-manager','auditor')")
class ReviewManagerController {

	private final ObjectProvider<ReviewPortalClient> clients;

	private final PortalProperties properties;

	private final MessageSource messages;

	ReviewManagerController(ObjectProvider<ReviewPortalClient> clients, PortalProperties properties,
			MessageSource messages) {
		this.clients = clients;
		this.properties = properties;
		this.messages = messages;
	}

	@GetMapping
	String rounds(Model model) {
		model.addAttribute("rounds", this.clients.getObject().rounds());
		model.addAttribute("zone", this.properties.zone());
		return "review/rounds";
	}

	/** Notices after a redirect travel as whitelisted query parameters (the portal keeps no session). */
	static final Map<String, String> NOTICES = Map.ofEntries(Map.entry("assigned", "review.assign.done"),
			Map.entry("assigned-short", "review.assign.short"), Map.entry("frozen", "review.round.frozen"),
			Map.entry("confirmed", "review.confirm.done"), Map.entry("not-confirmed", "review.confirm.refused"),
			Map.entry("opened", "review.open.done"), Map.entry("opened-assigned", "review.open.done.assigned"),
			Map.entry("assigned-one", "review.manual.assigned"), Map.entry("unassigned", "review.manual.removed"),
			Map.entry("conflict-added", "review.manual.conflict.done"),
			Map.entry("rapporteur-set", "review.manual.rapporteur.done"));

	@GetMapping("/{id}")
	String panel(@PathVariable("id") String id, Model model, Authentication user,
			@RequestParam(name = "notice", required = false) String notice,
			@RequestParam(name = "added", defaultValue = "0") int added,
			@RequestParam(name = "missing", defaultValue = "0") int missing,
			@RequestParam(name = "conflicts", defaultValue = "0") int conflicts) {
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("flash", NOTICES.get(notice));
			model.addAttribute("flashArgs", new Object[] { added, missing, conflicts });
		}
		// after a failed change (POST-redirect-GET): which form, what was typed, what was wrong
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			Map<String, String> typed = new LinkedHashMap<>();
			failed.typed().forEach((name, values) -> typed.put(name, values.isEmpty() ? "" : values.get(0)));
			return panelPage(id, model, user, failed.errors("review", control(failed.subject())), failed.refusal(),
					typed);
		}
		return panelPage(id, model, user, FieldErrors.none(), null, Map.of());
	}

	/** A manual assignment; a conflicted one is refused by review-service with its reason. */
	@PostMapping("/{id}/assignments")
	@PreAuthorize("hasRole('program-manager')")
	String assign(@PathVariable("id") String id, @RequestParam(name = "item_id", defaultValue = "") String item,
			@RequestParam(name = "expert", defaultValue = "") String expert, RedirectAttributes redirect) {
		return act(id, "assign", Map.of("assign.item_id", item, "assign.expert", expert),
				() -> this.clients.getObject().assign(id, item, expert), "assigned-one", redirect);
	}

	@PostMapping("/{id}/assignments/{assignment}/remove")
	@PreAuthorize("hasRole('program-manager')")
	String unassign(@PathVariable("id") String id, @PathVariable("assignment") String assignment,
			RedirectAttributes redirect) {
		return act(id, "remove", Map.of(), () -> this.clients.getObject().removeAssignment(id, assignment),
				"unassigned", redirect);
	}

	/** A manager's conflict with its reason (an unsubmitted assignment of the pair goes with it). */
	@PostMapping("/{id}/conflicts")
	@PreAuthorize("hasRole('program-manager')")
	String addConflict(@PathVariable("id") String id, @RequestParam(name = "item_id", defaultValue = "") String item,
			@RequestParam(name = "expert", defaultValue = "") String expert,
			@RequestParam(name = "detail", defaultValue = "") String detail, RedirectAttributes redirect) {
		return act(id, "conflict", Map.of("conflict.item_id", item, "conflict.expert", expert, "conflict.detail", detail),
				() -> this.clients.getObject().addConflict(id, item, expert, detail), "conflict-added", redirect);
	}

	/** Names the rapporteur of an item among its experts assigned without conflict. */
	@PostMapping("/{id}/rapporteur")
	@PreAuthorize("hasRole('program-manager')")
	String rapporteur(@PathVariable("id") String id, @RequestParam(name = "item_id", defaultValue = "") String item,
			@RequestParam(name = "expert", defaultValue = "") String expert, RedirectAttributes redirect) {
		return act(id, "rapporteur." + item, Map.of(), () -> this.clients.getObject().setRapporteur(id, item, expert),
				"rapporteur-set", redirect);
	}

	/**
	 * Runs a manager's change of the round: done, back to the round with a notice; rejected fields
	 * (named under {@code form.}) or a refused rule go back to the round page too (303), with what was
	 * typed and why in the flash; nothing changed.
	 */
	private String act(String id, String form, Map<String, String> typed, Runnable change, String notice,
			RedirectAttributes redirect) {
		String round = "/review/rounds/" + id;
		try {
			change.run();
			return "redirect:" + round + "?notice=" + notice;
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(typedForm(typed), rejected.violations()).about(form).redirect(round, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(typedForm(typed), "review.refused." + refusalCode(refused.code()))
				.about(form)
				.redirect(round, redirect);
		}
	}

	private static MultiValueMap<String, String> typedForm(Map<String, String> typed) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		typed.forEach(form::add);
		return form;
	}

	/**
	 * The id of the control on the round page a field of review-service's belongs to, so that the
	 * summary's link lands on it: {@code assign-item}, {@code conflict-expert}, {@code conflict-detail},
	 * an item's rapporteur choice {@code rapporteur-<item>}. The item is {@code review_item_id} in a
	 * request and {@code item_id} in a round rule.
	 */
	static java.util.function.UnaryOperator<String> control(String form) {
		if (form.startsWith("rapporteur.")) {
			String item = form.substring("rapporteur.".length());
			return field -> "rapporteur-" + item;
		}
		return field -> form + "-" + switch (field) {
			case "review_item_id", "item_id" -> "item";
			default -> field;
		};
	}

	private static final java.util.Set<String> REFUSALS = java.util.Set.of("assignment.conflict", "assignment.exists",
			"assignment.submitted", "round.confirmed");

	private static String refusalCode(String code) {
		return REFUSALS.contains(code) ? code : "generic";
	}

	private String panelPage(String id, Model model, Authentication user, FieldErrors errors, String refusal,
			Map<String, String> typed) {
		model.addAttribute("isManager", user.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_program-manager")));
		GetRoundPanelResponse panel = this.clients.getObject().panel(id);
		Map<String, Map<String, PanelAssignment>> matrix = new LinkedHashMap<>();
		panel.getItemsList().forEach(i -> matrix.put(i.getReviewItemId(), new LinkedHashMap<>()));
		panel.getAssignmentsList()
			.forEach(a -> matrix.computeIfAbsent(a.getReviewItemId(), k -> new LinkedHashMap<>()).put(a.getExpert(), a));
		Map<String, String> names = new LinkedHashMap<>();
		panel.getExpertsList().forEach(e -> names.put(e.getSubject(), e.getDisplayName()));
		Map<String, String> titles = new LinkedHashMap<>();
		panel.getItemsList().forEach(i -> titles.put(i.getReviewItemId(), i.getTitle()));
		// who may write an item's consensus: its experts assigned without conflict
		Map<String, java.util.List<PanelExpert>> candidates = new LinkedHashMap<>();
		panel.getItemsList().forEach(i -> candidates.put(i.getReviewItemId(), panel.getExpertsList()
			.stream()
			.filter(e -> {
				PanelAssignment a = matrix.get(i.getReviewItemId()).get(e.getSubject());
				return a != null && a.getDeclaration() != Declaration.DECLARATION_CONFLICT;
			})
			.toList()));
		model.addAttribute("panel", panel);
		// confirming fixes the ranking for good: refused on the page while a sheet is still open
		model.addAttribute("scoresMissing", panel.getAssignmentsList()
			.stream()
			.filter(a -> a.getDeclaration() != Declaration.DECLARATION_CONFLICT
					&& a.getSheetStatus() != SheetStatus.SHEET_STATUS_SUBMITTED)
			.count());
		model.addAttribute("matrix", matrix);
		model.addAttribute("names", names);
		model.addAttribute("titles", titles);
		// the page's own locale (a ?lang= switch on this very request included), as Thymeleaf's messages use
		java.util.Locale locale = org.springframework.web.servlet.support.RequestContextUtils
			.getLocale(((org.springframework.web.context.request.ServletRequestAttributes) org.springframework.web.context.request.RequestContextHolder
				.currentRequestAttributes()).getRequest());
		// each conflict's detail in the reader's language, in the order of the panel's list, and per
		// matrix cell (item, expert) all of them, so the matrix says why a pair has no assignment
		java.util.List<String> details = panel.getConflictsList()
			.stream()
			.map(c -> ConflictDetails.translate(c, this.messages, locale))
			.toList();
		Map<String, Map<String, String>> conflictCells = new LinkedHashMap<>();
		for (int i = 0; i < details.size(); i++) {
			var c = panel.getConflicts(i);
			conflictCells.computeIfAbsent(c.getReviewItemId(), k -> new LinkedHashMap<>())
				.merge(c.getExpert(), details.get(i), (a, b) -> a + "; " + b);
		}
		model.addAttribute("conflictDetails", details);
		model.addAttribute("conflictCells", conflictCells);
		model.addAttribute("candidates", candidates);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		model.addAttribute("typed", typed);
		model.addAttribute("deadline", ProtoTimes.read(panel.getRound().getDeadline())
			.map(at -> ZonedDateTime.ofInstant(at, this.properties.zone()))
			.orElse(null));
		return "review/round";
	}

	@PostMapping("/{id}/auto-assign")
	@PreAuthorize("hasRole('program-manager')")
	String autoAssign(@PathVariable("id") String id) {
		try {
			var result = this.clients.getObject().autoAssign(id);
			return "redirect:/review/rounds/" + id + "?notice=" + (result.getShortfallsCount() == 0 ? "assigned" : "assigned-short")
					+ "&added=" + result.getAssignmentsAdded() + "&missing=" + result.getShortfallsCount();
		}
		catch (Refused refused) {
			return "redirect:/review/rounds/" + id + "?notice=frozen";
		}
	}

	/**
	 * Confirming fixes the panel's ranking for good and sends the results on: the manager confirms on
	 * a page of its own first (refused there, with the reason, while a score sheet is open).
	 */
	@GetMapping("/{id}/confirm")
	@PreAuthorize("hasRole('program-manager')")
	String confirmPage(@PathVariable("id") String id, Model model, Authentication user) {
		panelPage(id, model, user, FieldErrors.none(), null, Map.of());
		return "review/confirm-round";
	}

	@PostMapping("/{id}/confirm")
	@PreAuthorize("hasRole('program-manager')")
	String confirm(@PathVariable("id") String id) {
		try {
			this.clients.getObject().confirm(id);
			return "redirect:/review/rounds/" + id + "/results?notice=confirmed";
		}
		catch (Refused refused) {
			return "redirect:/review/rounds/" + id + "/results?notice=not-confirmed";
		}
	}

	@GetMapping("/{id}/results")
	String results(@PathVariable("id") String id, Model model,
			@RequestParam(name = "notice", required = false) String notice) {
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("flash", NOTICES.get(notice));
		}
		ReviewPortalClient review = this.clients.getObject();
		GetRoundPanelResponse panel = review.panel(id);
		var results = review.results(id);
		Map<String, String> titles = new LinkedHashMap<>();
		panel.getItemsList().forEach(i -> titles.put(i.getReviewItemId(), i.getTitle()));
		model.addAttribute("round", panel.getRound());
		model.addAttribute("results", results);
		model.addAttribute("titles", titles);
		model.addAttribute("chart", SpreadChart.of(results.getItemsList(), titles));
		return "review/results";
	}

}
