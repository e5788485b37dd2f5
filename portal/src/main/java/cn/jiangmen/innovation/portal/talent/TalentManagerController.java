package cn.jiangmen.innovation.portal.talent;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.CallApplicationsView;
import cn.jiangmen.innovation.contracts.talent.v1.Category;
import cn.jiangmen.innovation.contracts.talent.v1.FormalCheckDecision;
import cn.jiangmen.innovation.platform.export.Xlsx;
import cn.jiangmen.innovation.platform.web.ContentDispositions;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.ProtoEnums;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The bureau's talent pages: the formal check queue of a call (pass, return with reasons, reject)
 * and the ranking with the recommendation list, its CSV and XLSX exports, and the recording of the
 * province's award or decline (after a confirmation page). Auditors see the lists read-only.
 */
@Controller
@RequestMapping("/talent/manage/calls/{callId}")
@PreAuthorize("hasAnyRole('program-manager', 'auditor')")
class TalentManagerController {

	private final ObjectProvider<TalentPortalClient> client;

	private final PortalProperties properties;

	private final MessageSource messages;

	TalentManagerController(ObjectProvider<TalentPortalClient> client, PortalProperties properties,
			MessageSource messages) {
		this.client = client;
		this.properties = properties;
		this.messages = messages;
	}

	@GetMapping("/formal-check")
	String formalCheck(@PathVariable("callId") String callId,
			@RequestParam(name = "done", required = false) String done, Model model) {
		Notices.manager(done).ifPresent(notice -> model.addAttribute("notice", notice));
		// after a failed decision (POST-redirect-GET): the row, its reasons as typed and what was wrong
		FailedPost failed = FailedPost.from(model);
		FieldErrors errors = FieldErrors.none();
		if (failed != null) {
			model.addAttribute("refusal", failed.refusal());
			model.addAttribute("failedApplication", failed.subject());
			model.addAttribute("failedReason", failed.value("reason", ""));
			String input = "reason-" + failed.subject();
			errors = failed.errors("talent", field -> input);
		}
		model.addAttribute("errors", errors);
		model.addAttribute("call", card(callId));
		model.addAttribute("applications",
				talent().callApplications(callId, CallApplicationsView.CALL_APPLICATIONS_VIEW_FORMAL_CHECK));
		return "talent/formal-check";
	}

	/**
	 * A formal check decision cannot be taken back (a passed application goes to the experts, a
	 * rejected one is closed), so the row's buttons lead here first: the application, the decision
	 * and its reasons, and one button that records it. A return or a rejection without a reason is
	 * refused here, the button disabled with the reason beside it, before anything is sent.
	 */
	@GetMapping("/formal-check/{applicationId}/confirm")
	@PreAuthorize("hasRole('program-manager')")
	String confirmFormalCheck(@PathVariable("callId") String callId,
			@PathVariable("applicationId") String applicationId, @RequestParam("decision") String decision,
			@RequestParam(name = "reason", required = false) String reason, Model model) {
		formalCheckDecision(decision);
		ApplicationSummary application = talent()
			.callApplications(callId, CallApplicationsView.CALL_APPLICATIONS_VIEW_FORMAL_CHECK)
			.stream()
			.filter(a -> a.getApplicationId().equals(applicationId))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<String> reasons = reasons(reason);
		model.addAttribute("call", card(callId));
		model.addAttribute("subject", application);
		model.addAttribute("decision", decision);
		model.addAttribute("reason", reason == null ? "" : reason);
		model.addAttribute("reasons", reasons);
		model.addAttribute("reasonMissing", !"PASS".equals(decision) && reasons.isEmpty());
		return "talent/formal-check-confirm";
	}

	private static FormalCheckDecision formalCheckDecision(String decision) {
		return switch (decision) {
			case "PASS" -> FormalCheckDecision.FORMAL_CHECK_DECISION_PASS;
			case "RETURN" -> FormalCheckDecision.FORMAL_CHECK_DECISION_RETURN;
			case "REJECT" -> FormalCheckDecision.FORMAL_CHECK_DECISION_REJECT;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		};
	}

	private static List<String> reasons(String reason) {
		return reason == null || reason.isBlank() ? List.of()
				: reason.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	/** Records the decision; a rejected or refused one goes back to the queue (303), its row showing why. */
	@PostMapping("/formal-check/{applicationId}")
	@PreAuthorize("hasRole('program-manager')")
	String decide(@PathVariable("callId") String callId, @PathVariable("applicationId") String applicationId,
			@RequestParam("decision") String decision,
			@RequestParam(name = "reason", required = false) String reason,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		FormalCheckDecision value = formalCheckDecision(decision);
		List<String> reasons = reasons(reason);
		String queue = "/talent/manage/calls/" + Notices.id(callId) + "/formal-check";
		try {
			talent().decide(applicationId, value, reasons);
			return "redirect:" + queue + "?done=" + decision;
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations()).about(applicationId).redirect(queue, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, "talent.error." + Notices.code(refused.code()))
				.about(applicationId)
				.redirect(queue, redirect);
		}
	}

	@GetMapping("/ranking")
	String ranking(@PathVariable("callId") String callId, @RequestParam(name = "done", required = false) String done,
			@RequestParam(name = "refused", required = false) String refused, Model model) {
		Notices.manager(done).ifPresent(notice -> model.addAttribute("notice", notice));
		if (refused != null) {
			model.addAttribute("refusal", "talent.error." + Notices.code(refused));
		}
		model.addAttribute("call", card(callId));
		model.addAttribute("applications",
				talent().callApplications(callId, CallApplicationsView.CALL_APPLICATIONS_VIEW_RANKING));
		return "talent/ranking";
	}

	/**
	 * Recommending puts the application on the list sent to the province: the manager confirms on a
	 * page of its own first; one below a threshold or no longer ranked is refused there, the button
	 * disabled with the reason.
	 */
	@GetMapping("/ranking/{applicationId}/recommend")
	@PreAuthorize("hasRole('program-manager')")
	String confirmRecommend(@PathVariable("callId") String callId,
			@PathVariable("applicationId") String applicationId, Model model) {
		ApplicationSummary application = ranked(callId, applicationId);
		model.addAttribute("call", card(callId));
		model.addAttribute("subject", application);
		model.addAttribute("refusal",
				application.getStatus() != ApplicationStatus.APPLICATION_STATUS_RANKED
						? "talent.error.application.transition-not-allowed"
						: !application.getPassedThresholds() ? "talent.error.application.thresholds-failed" : null);
		return "talent/recommend-confirm";
	}

	private ApplicationSummary ranked(String callId, String applicationId) {
		return talent().callApplications(callId, CallApplicationsView.CALL_APPLICATIONS_VIEW_RANKING)
			.stream()
			.filter(a -> a.getApplicationId().equals(applicationId))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@PostMapping("/ranking/{applicationId}/recommend")
	@PreAuthorize("hasRole('program-manager')")
	String recommend(@PathVariable("callId") String callId, @PathVariable("applicationId") String applicationId) {
		try {
			talent().recommend(applicationId);
			return "redirect:/talent/manage/calls/" + callId + "/ranking?done=recommended";
		}
		catch (Refused refused) {
			return "redirect:/talent/manage/calls/" + callId + "/ranking?refused=" + Notices.code(refused.code());
		}
	}

	/** The ranking as CSV for the province (UTF-8 with BOM so that Excel reads Chinese). */
	@GetMapping(value = "/ranking.csv")
	ResponseEntity<byte[]> rankingCsv(@PathVariable("callId") String callId, Locale locale) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		line(csv, exportHeader(locale));
		for (List<Object> row : exportRows(callId, locale)) {
			line(csv, row.stream()
				.map(cell -> cell == null ? ""
						: cell instanceof BigDecimal number ? number.toPlainString() : cell.toString())
				.toList());
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment("ranking-" + callId + ".csv"))
			.header("X-Content-Type-Options", "nosniff")
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The same list as an Excel workbook: translated header (bold, frozen), rank and score as
	 * numbers, every text as text (a title starting with = stays a title, never a formula).
	 */
	@GetMapping(value = "/ranking.xlsx")
	ResponseEntity<byte[]> rankingXlsx(@PathVariable("callId") String callId, Locale locale) {
		byte[] workbook = Xlsx.of(this.messages.getMessage("talent.xlsx.sheet", null, locale), exportHeader(locale),
				exportRows(callId, locale));
		return ResponseEntity.ok()
			.contentType(Xlsx.MEDIA_TYPE)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment("ranking-" + callId + ".xlsx"))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(workbook);
	}

	private List<String> exportHeader(Locale locale) {
		return EXPORT_COLUMNS.stream().map(h -> this.messages.getMessage("talent.csv." + h, null, locale)).toList();
	}

	static final List<String> EXPORT_COLUMNS = List.of("rank", "title", "category", "host", "leader", "score",
			"status");

	/** Rank (number), title, category, host, leader, score (two-decimal number), status, translated. */
	private List<List<Object>> exportRows(String callId, Locale locale) {
		List<List<Object>> rows = new ArrayList<>();
		for (ApplicationSummary a : talent().callApplications(callId,
				CallApplicationsView.CALL_APPLICATIONS_VIEW_RANKING)) {
			rows.add(Arrays.asList(a.getRank() == 0 ? null : a.getRank(), a.getTitle(),
					a.getCategory() == Category.CATEGORY_UNSPECIFIED ? ""
							: this.messages.getMessage("talent.category." + ProtoEnums.code(a.getCategory()), null,
									ProtoEnums.code(a.getCategory()),
									locale),
					a.getHostName(), a.getLeaderName(),
					a.getRank() == 0 ? null : BigDecimal.valueOf(a.getFinalScoreHundredths(), 2),
					this.messages.getMessage("application.status." + ProtoEnums.code(a.getStatus()), null, locale)));
		}
		return rows;
	}

	/** The confirmation before recording the province's award or decline of a recommended application. */
	@GetMapping("/ranking/{applicationId}/decision")
	@PreAuthorize("hasRole('program-manager')")
	String confirmDecision(@PathVariable("callId") String callId, @PathVariable("applicationId") String applicationId,
			@RequestParam("outcome") String outcome, Model model) {
		// after a rejected note (POST-redirect-GET): the note as typed and the message next to it
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			return decisionPage(callId, applicationId, outcome(outcome), failed.value("note", ""),
					failed.errors("talent", field -> "note".equals(field) ? "note" : ""), model);
		}
		return decisionPage(callId, applicationId, outcome(outcome), "", FieldErrors.none(), model);
	}

	@PostMapping("/ranking/{applicationId}/{outcome:award|decline}")
	@PreAuthorize("hasRole('program-manager')")
	String decideOutcome(@PathVariable("callId") String callId, @PathVariable("applicationId") String applicationId,
			@PathVariable("outcome") String outcome, @RequestParam(name = "note", required = false) String note,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		String cleanNote = note == null ? "" : note.strip();
		String ranking = "/talent/manage/calls/" + Notices.id(callId) + "/ranking";
		try {
			String done;
			if ("award".equals(outcome)) {
				talent().award(applicationId, cleanNote);
				done = "awarded";
			}
			else {
				talent().decline(applicationId, cleanNote);
				done = "declined";
			}
			return "redirect:" + ranking + "?done=" + done;
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations())
				.redirect(ranking + "/" + Notices.id(applicationId) + "/decision?outcome=" + outcome, redirect);
		}
		catch (Refused refused) {
			return "redirect:" + ranking + "?refused=" + Notices.code(refused.code());
		}
	}

	private String decisionPage(String callId, String applicationId, String outcome, String note, FieldErrors errors,
			Model model) {
		ApplicationSummary application = ranked(callId, applicationId);
		model.addAttribute("call", card(callId));
		model.addAttribute("subject", application);
		model.addAttribute("outcome", outcome);
		model.addAttribute("note", note);
		model.addAttribute("errors", errors);
		model.addAttribute("recommended",
				application.getStatus() == ApplicationStatus.APPLICATION_STATUS_RECOMMENDED);
		return "talent/decision";
	}

	private static String outcome(String outcome) {
		if (!"award".equals(outcome) && !"decline".equals(outcome)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		return outcome;
	}

	/** Quoted cells; a leading =, +, -, @ is neutralised so that spreadsheets do not run it. */
	static void line(StringBuilder out, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			String text = cells.get(i) == null ? "" : cells.get(i);
			if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
				text = "'" + text;
			}
			out.append('"').append(text.replace("\"", "\"\"")).append('"');
		}
		out.append("\r\n");
	}

	private CallCard card(String callId) {
		return talent().findCall(callId)
			.map(c -> CallCard.of(c, Clock.systemUTC().instant(), this.properties.zone()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** Looked up per request, so that web slices without talent pages need no talent client. */
	private TalentPortalClient talent() {
		return this.client.getObject();
	}

}
