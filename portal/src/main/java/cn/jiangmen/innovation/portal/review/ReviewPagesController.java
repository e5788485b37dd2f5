package cn.jiangmen.innovation.portal.review;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.AssignmentDetail;
import cn.jiangmen.innovation.contracts.review.v1.SheetStatus;
import cn.jiangmen.innovation.contracts.talent.v1.TalentAttachment;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.talent.TalentPortalClient;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The expert's review pages: my assignments (with deadline reminders), the declaration of
 * conflicts per item, and the scoring form whose drafts autosave (htmx posts one second after a
 * change, carrying the version read, so a second tab cannot silently overwrite).
 */
@Controller
@RequestMapping("/review")
@PreAuthorize("hasRole('expert')")
class ReviewPagesController {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReviewPagesController.class);

	private final org.springframework.beans.factory.ObjectProvider<ReviewPortalClient> clients;

	private final PortalProperties properties;

	private final org.springframework.beans.factory.ObjectProvider<TalentPortalClient> talent;

	/** The clients are looked up per request, so web slices without the services still start. */
	ReviewPagesController(org.springframework.beans.factory.ObjectProvider<ReviewPortalClient> clients,
			org.springframework.beans.factory.ObjectProvider<TalentPortalClient> talent, PortalProperties properties) {
		this.clients = clients;
		this.talent = talent;
		this.properties = properties;
	}

	private ReviewPortalClient review() {
		return this.clients.getObject();
	}

	/** Notices after a redirect travel as a whitelisted query parameter (the portal keeps no session). */
	static final Map<String, String> NOTICES = Map.of("saved", "review.sheet.saved", "submitted",
			"review.sheet.submitted", "conflict", "review.declaration.conflict.done", "consensus",
			"review.consensus.saved");

	static void notice(String notice, Model model) {
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("flash", NOTICES.get(notice));
		}
	}

	@GetMapping("/assignments")
	String assignments(@RequestParam(name = "notice", required = false) String notice, Model model) {
		notice(notice, model);
		var response = review().myAssignments();
		model.addAttribute("assignments", response.getAssignmentsList());
		model.addAttribute("notices", response.getNoticesList());
		model.addAttribute("zone", this.properties.zone());
		return "review/assignments";
	}

	/**
	 * The assignment with its sheet. After a failed save (POST-redirect-GET) the sheet shows what was
	 * typed and why it was not taken; {@code step=confirm} is the check before the final submit.
	 */
	@GetMapping("/assignments/{id}")
	String assignment(@PathVariable("id") String id, @RequestParam(name = "notice", required = false) String notice,
			@RequestParam(name = "step", required = false) String step, Model model) {
		notice(notice, model);
		AssignmentDetail detail = review().assignment(id);
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			if ("review.sheet.stale".equals(failed.refusal())) {
				// a refused save (changed in another tab): the stored sheet, and why
				return page(detail, ScoreSheet.of(detail, null, null, List.of()), model, failed.refusal());
			}
			Typed typed = Typed.of(failed.typed());
			model.addAttribute("overallTyped", failed.value("overall_comment", null));
			return page(detail, ScoreSheet.of(detail, typed.scores(), typed.comments(), failed.violations()), model,
					failed.refusal());
		}
		if ("confirm".equals(step) && detail.hasItem() && !submitted(detail)) {
			ScoreSheet sheet = ScoreSheet.of(detail, null, null, List.of());
			List<Rejected.Violation> unscored = sheet.unscored();
			if (!unscored.isEmpty()) {
				return page(detail, ScoreSheet.of(detail, null, null, unscored), model, "review.sheet.incomplete");
			}
			model.addAttribute("confirming", true);
			return page(detail, sheet, model, null);
		}
		return page(detail, model);
	}

	/** The scores and comments of a posted sheet ({@code score.<code>}, {@code comment.<code>}). */
	record Typed(Map<String, Integer> scores, Map<String, String> comments) {

		static Typed of(MultiValueMap<String, String> form) {
			Map<String, Integer> scores = new LinkedHashMap<>();
			Map<String, String> comments = new LinkedHashMap<>();
			form.forEach((name, values) -> {
				String value = values.isEmpty() ? "" : values.get(0);
				if (name.startsWith("score.") && !value.isBlank()) {
					try {
						scores.put(name.substring(6), Integer.parseInt(value.strip()));
					}
					catch (NumberFormatException ex) {
						// out of any scale: review-service names it, the sheet shows it unscored
						scores.put(name.substring(6), Integer.MIN_VALUE);
					}
				}
				else if (name.startsWith("comment.") && !value.isBlank()) {
					comments.put(name.substring(8), value);
				}
			});
			return new Typed(scores, comments);
		}

	}

	/**
	 * The declaration. Declaring a conflict takes the item from the expert for good, so the first
	 * POST only leads to a confirmation page (the note rides in the flash, not in the address); the
	 * confirmation's POST ({@code confirmed=true}) declares it.
	 */
	@PostMapping("/assignments/{id}/declaration")
	String declare(@PathVariable("id") String id, @RequestParam("conflict") boolean conflict,
			@RequestParam(name = "note", required = false) String note,
			@RequestParam(name = "confirmed", defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
		if (conflict && !confirmed) {
			redirect.addFlashAttribute(CONFLICT_NOTE, note == null ? "" : note);
			FailedPost.seeOther();
			return "redirect:/review/assignments/" + id + "/conflict";
		}
		review().declare(id, conflict, note);
		if (conflict) {
			return "redirect:/review/assignments?notice=conflict";
		}
		return "redirect:/review/assignments/" + id;
	}

	static final String CONFLICT_NOTE = "conflictNote";

	/** Confirming a conflict: what it means (the item leaves my reviews, cannot be undone), the note, one button. */
	@GetMapping("/assignments/{id}/conflict")
	String confirmConflict(@PathVariable("id") String id, Model model) {
		model.addAttribute("a", review().assignment(id));
		if (!model.containsAttribute(CONFLICT_NOTE)) {
			model.addAttribute(CONFLICT_NOTE, "");
		}
		return "review/declare-conflict";
	}

	/**
	 * Autosave and "save draft" keep a draft; "check" saves the draft and, once every criterion is
	 * scored, shows the confirmation (submitting cannot be undone); only "submit" from there submits.
	 * Without htmx every answer is a redirect (303 after a failure, what was typed in the flash), so a
	 * reload posts nothing again.
	 */
	@PostMapping("/assignments/{id}/sheet")
	String sheet(@PathVariable("id") String id, @RequestParam MultiValueMap<String, String> form,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		String action = form.getFirst("action");
		boolean submit = "submit".equals(action);
		long version = parseLong(form.getFirst("version"));
		Typed typed = Typed.of(form);
		String overall = form.getFirst("overall_comment");
		String page = "/review/assignments/" + id;
		AssignmentDetail saved;
		try {
			saved = review().save(id, version, typed.scores(), typed.comments(), overall, submit);
		}
		catch (Rejected rejected) {
			if (htmx == null) {
				return FailedPost.rejected(form, rejected.violations())
					.withRefusal("review.sheet.rejected")
					.redirect(page, redirect);
			}
			AssignmentDetail current = review().assignment(id);
			ScoreSheet sheet = ScoreSheet.of(current, typed.scores(), typed.comments(), rejected.violations());
			return status(current, sheet, model, "review.sheet.rejected");
		}
		catch (Refused refused) {
			if (htmx == null) {
				return FailedPost.refused(form, "review.sheet.stale").redirect(page, redirect);
			}
			AssignmentDetail current = review().assignment(id);
			return status(current, ScoreSheet.of(current, null, null, List.of()), model, "review.sheet.stale");
		}
		if (htmx != null) {
			return status(saved, ScoreSheet.of(saved, null, null, List.of()), model,
					submit ? "review.sheet.submitted" : "review.sheet.saved");
		}
		if ("check".equals(action)) {
			return "redirect:" + page + "?step=confirm";
		}
		return "redirect:" + page + "?notice=" + (submit ? "submitted" : "saved");
	}

	@GetMapping("/consensus/{roundId}/{itemId}")
	String consensus(@PathVariable("roundId") String roundId, @PathVariable("itemId") String itemId,
			@RequestParam(name = "notice", required = false) String notice, Model model) {
		notice(notice, model);
		return consensusPage(roundId, itemId, model, FailedPost.from(model));
	}

	/** A refused or rejected report is POST-redirect-GET: the page after the redirect shows it as typed. */
	@PostMapping("/consensus/{roundId}/{itemId}")
	String writeConsensus(@PathVariable("roundId") String roundId, @PathVariable("itemId") String itemId,
			@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		String page = "/review/consensus/" + roundId + "/" + itemId;
		Map<String, Integer> scores = new LinkedHashMap<>();
		form.forEach((name, values) -> {
			if (name.startsWith("score.") && !values.isEmpty() && !values.get(0).isBlank()) {
				try {
					scores.put(name.substring(6), Integer.parseInt(values.get(0).strip()));
				}
				catch (NumberFormatException ex) {
					scores.put(name.substring(6), Integer.MIN_VALUE);
				}
			}
		});
		try {
			review().writeConsensus(roundId, itemId, parseLong(form.getFirst("version")), scores, form.getFirst("report"));
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(form, rejected.violations())
				.withRefusal("review.consensus.rejected")
				.redirect(page, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(form, "review.consensus.refused").redirect(page, redirect);
		}
		return "redirect:" + page + "?notice=consensus";
	}

	/**
	 * The consensus page; after a rejected save the scores and report as typed with the message next
	 * to each field, after a refused one (changed elsewhere) the stored version with the refusal.
	 */
	private String consensusPage(String roundId, String itemId, Model model, FailedPost failed) {
		var context = review().consensus(roundId, itemId);
		model.addAttribute("c", context);
		model.addAttribute("roundId", roundId);
		model.addAttribute("itemId", itemId);
		model.addAttribute("criteria", context.getRubric().getCriteriaList());
		List<Integer> values = new java.util.ArrayList<>();
		for (int v = context.getRubric().getScaleMin(); v <= context.getRubric().getScaleMax(); v++) {
			values.add(v);
		}
		model.addAttribute("scale", values);
		boolean asTyped = failed != null && !failed.violations().isEmpty();
		Map<String, String> chosen = new LinkedHashMap<>();
		context.getRubric().getCriteriaList().forEach(k -> {
			String stored = context.hasReport() && context.getReport().getFinalScoresMap().containsKey(k.getCode())
					? String.valueOf(context.getReport().getFinalScoresMap().get(k.getCode())) : "";
			chosen.put(k.getCode(), asTyped ? failed.value("score." + k.getCode(), "") : stored);
		});
		model.addAttribute("chosen", chosen);
		String storedReport = context.hasReport() ? context.getReport().getReport() : "";
		model.addAttribute("reportText", asTyped ? failed.value("report", storedReport) : storedReport);
		model.addAttribute("message", failed == null ? null : failed.refusal());
		model.addAttribute("errors",
				failed == null ? FieldErrors.none() : failed.errors("review", ReviewPagesController::consensusInput));
		return "review/consensus";
	}

	/** The consensus form's control for a field review-service named (its final scores by criterion code). */
	static String consensusInput(String field) {
		for (String prefix : List.of("final_scores.", "finalScores.")) {
			if (field.startsWith(prefix)) {
				return "final-" + field.substring(prefix.length());
			}
		}
		return field;
	}

	private String page(AssignmentDetail detail, Model model) {
		return page(detail, ScoreSheet.of(detail, null, null, List.of()), model, null);
	}

	private String page(AssignmentDetail detail, ScoreSheet sheet, Model model, String message) {
		model.addAttribute("a", detail);
		model.addAttribute("sheet", sheet);
		model.addAttribute("scale", scale(detail));
		model.addAttribute("zone", this.properties.zone());
		model.addAttribute("deadline", ProtoTimes.read(detail.getSummary().getDeadline())
			.map(at -> ZonedDateTime.ofInstant(at, this.properties.zone()))
			.orElse(null));
		model.addAttribute("message", message);
		model.addAttribute("submitted", submitted(detail));
		model.addAttribute("editable", detail.hasItem() && !submitted(detail));
		model.addAttribute("documents", documents(detail));
		return "review/assignment";
	}

	private String status(AssignmentDetail detail, ScoreSheet sheet, Model model, String message) {
		model.addAttribute("a", detail);
		model.addAttribute("sheet", sheet);
		model.addAttribute("message", message);
		model.addAttribute("editable", detail.hasItem() && !submitted(detail));
		return "review/assignment :: sheet-status";
	}

	private static boolean submitted(AssignmentDetail detail) {
		return detail.getSummary().getSheetStatus() == SheetStatus.SHEET_STATUS_SUBMITTED;
	}

	/**
	 * The application's documents, once the expert declared no conflict: talent-service serves them
	 * only after review-service confirms the assignment. Empty when there is nothing to show; null
	 * when talent-service could not be asked (the page says so and the sheet still works).
	 */
	private List<TalentAttachment> documents(AssignmentDetail detail) {
		if (!detail.hasItem() || detail.getItem().getOwningContext() != OwningContext.OWNING_CONTEXT_TALENT) {
			return List.of();
		}
		try {
			return this.talent.getObject().attachments(detail.getItem().getItemId());
		}
		catch (RuntimeException ex) {
			log.warn("Documents of {} not listed: {}", detail.getItem().getItemId(), ex.toString());
			return null;
		}
	}

	static List<Integer> scale(AssignmentDetail detail) {
		List<Integer> values = new java.util.ArrayList<>();
		for (int v = detail.getRubric().getScaleMin(); v <= detail.getRubric().getScaleMax(); v++) {
			values.add(v);
		}
		return values;
	}

	private static long parseLong(String text) {
		try {
			return Long.parseLong(text == null ? "" : text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
