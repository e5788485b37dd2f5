package cn.jiangmen.innovation.portal.finance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.jiangmen.innovation.contracts.funding.v1.Award;
import cn.jiangmen.innovation.contracts.funding.v1.ListRecoveriesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.Recovery;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryMethod;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryReason;
import cn.jiangmen.innovation.portal.application.PortalUser;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
 * Recovery demands (追回): the demands raised on a failed acceptance or misconduct, a new demand
 * (program manager or finance officer), the decision under four eyes (a finance approver who did
 * not raise it; the maker's approve is disabled with the reason and funding-service refuses it
 * anyway), and settlement: the bank's confirmation of a repayment, or an offset funding keeps back
 * from the beneficiary's next tranche when it enters a payment batch.
 */
@Controller
@RequestMapping("/finance/recoveries")
@PreAuthorize("hasAnyRole('finance-officer','finance-approver','program-manager','auditor')")
class RecoveryPagesController {

	static final int PAGE_SIZE = 20;

	static final Map<String, String> NOTICES = Map.of("raised", "finance.recovery.notice.raised", "approved",
			"finance.recovery.notice.approved", "rejected", "finance.recovery.notice.rejected", "repaid",
			"finance.recovery.notice.repaid");

	static final List<String> REASONS = List.of("failed-acceptance", "misconduct");

	static final List<String> METHODS = List.of("repayment", "offset");

	private static final Set<String> REFUSALS = Set.of("recovery.transition-not-allowed", "recovery.not-approved",
			"recovery.other-method", "recovery.changed");

	private final ObjectProvider<FundingPortalClient> clients;

	private final Beneficiaries beneficiaries;

	RecoveryPagesController(ObjectProvider<FundingPortalClient> clients, Beneficiaries beneficiaries) {
		this.clients = clients;
		this.beneficiaries = beneficiaries;
	}

	@GetMapping
	String recoveries(@RequestParam(name = "page", defaultValue = "") String page,
			@RequestParam(name = "notice", required = false) String notice, Authentication authentication,
			Model model) {
		ListRecoveriesResponse found = funding().recoveries(PAGE_SIZE, page);
		model.addAttribute("recoveries", rows(found.getRecoveriesList(), viewer(authentication)));
		model.addAttribute("nextPage", found.getNextPageToken());
		model.addAttribute("firstPage", page.isEmpty());
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("flash", NOTICES.get(notice));
		}
		return "finance/recoveries";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('finance-officer','program-manager')")
	String raiseForm(@RequestParam(name = "award", defaultValue = "") String award, Model model) {
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			return raisePage(new RecoveryForm(failed.value("award", ""), failed.value("reason", ""),
					failed.value("explanation", ""), failed.value("amount", ""), failed.value("method", "")),
					failed.errors("finance", RecoveryPagesController::inputId), failed.refusal(),
					failed.value("key", ""), model);
		}
		return raisePage(new RecoveryForm(award, "", "", "", ""), FieldErrors.none(), null, FundingPortalClient.newKey(),
				model);
	}

	/**
	 * The form's checks and funding's rejections are filed as {@code recovery.<field>} (so their
	 * messages are {@code finance.error.recovery.<field>.<reason>}, the amount's parsing
	 * {@code finance.error.amount.<reason>}); this is the id of the control each belongs to.
	 */
	private static String inputId(String field) {
		return switch (field) {
			case "recovery.reason" -> "reason-failed-acceptance";
			case "recovery.method" -> "method-repayment";
			case "recovery.explanation" -> "explanation";
			case "amount", "recovery.amount" -> "amount";
			case "recovery.reference" -> "reference";
			case "reason" -> "reason";
			default -> "award";
		};
	}

	/** The confirmation page; after a failed POST as it was typed, with its message next to the field. */
	private String confirmationAfter(RecoveryRow row, String action, Model model) {
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			return confirmation(row, action, failed.value("key", FundingPortalClient.newKey()),
					failed.value("repayment".equals(action) ? "reference" : "reason", ""),
					failed.errors("finance", RecoveryPagesController::inputId), failed.refusal(), model);
		}
		return confirmation(row, action, FundingPortalClient.newKey(), "", FieldErrors.none(), null, model);
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('finance-officer','program-manager')")
	String raise(@RequestParam(name = "award", defaultValue = "") String award,
			@RequestParam(name = "reason", defaultValue = "") String reason,
			@RequestParam(name = "explanation", defaultValue = "") String explanation,
			@RequestParam(name = "amount", defaultValue = "") String amount,
			@RequestParam(name = "method", defaultValue = "") String method,
			@RequestParam(name = "key", defaultValue = "") String key, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		RecoveryForm form = new RecoveryForm(award.strip(), reason, explanation.strip(), amount, method);
		List<Rejected.Violation> violations = new ArrayList<>();
		if (form.award().isEmpty()) {
			violations.add(new Rejected.Violation("recovery.award", "required"));
		}
		if (!REASONS.contains(form.reason())) {
			violations.add(new Rejected.Violation("recovery.reason", "required"));
		}
		if (form.explanation().isEmpty()) {
			violations.add(new Rejected.Violation("recovery.explanation", "required"));
		}
		Yuan.Parsed fen = Yuan.parse(form.amount());
		if (!fen.ok()) {
			violations.add(new Rejected.Violation("amount", fen.problem()));
		}
		if (!METHODS.contains(form.method())) {
			violations.add(new Rejected.Violation("recovery.method", "required"));
		}
		if (violations.isEmpty()) {
			try {
				funding().raiseRecovery(key.isBlank() ? FundingPortalClient.newKey() : key, form.award(),
						RecoveryReason.valueOf("RECOVERY_REASON_" + enumName(form.reason())), form.explanation(),
						fen.fen(), RecoveryMethod.valueOf("RECOVERY_METHOD_" + enumName(form.method())));
				return "redirect:/finance/recoveries?notice=raised";
			}
			catch (Rejected rejected) {
				rejected.violations()
					.forEach(v -> violations.add(new Rejected.Violation("recovery." + formField(v.field()), v.reason())));
			}
			catch (Refused refused) {
				return FailedPost.refused(params, "finance.recovery.refused.generic")
					.redirect("/finance/recoveries/new", redirect);
			}
		}
		return FailedPost.rejected(params, violations).redirect("/finance/recoveries/new", redirect);
	}

	/** The confirmation before approving (批准) or rejecting (退回, with a reason) a demand. */
	@GetMapping("/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String confirmDecision(@PathVariable("id") String id, @PathVariable("decision") String decision,
			Authentication authentication, Model model) {
		return confirmationAfter(find(id, authentication), decision, model);
	}

	@PostMapping("/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String decide(@PathVariable("id") String id, @PathVariable("decision") String decision,
			@RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "reason", defaultValue = "") String reason,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		boolean approve = "approve".equals(decision);
		String why = reason.strip();
		String page = "/finance/recoveries/" + id + "/" + decision;
		if (!approve && why.isEmpty()) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("reason", "required"))).redirect(page, redirect);
		}
		try {
			funding().decideRecovery(key.isBlank() ? FundingPortalClient.newKey() : key, id, approve, why);
			return "redirect:/finance/recoveries?notice=" + (approve ? "approved" : "rejected");
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("reason", "invalid"))).redirect(page, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, refusal(refused.code())).redirect(page, redirect);
		}
	}

	/** The bank's confirmation that the beneficiary paid back: its reference, then settled through the ledger. */
	@GetMapping("/{id}/repayment")
	@PreAuthorize("hasRole('finance-officer')")
	String confirmRepayment(@PathVariable("id") String id, Authentication authentication, Model model) {
		return confirmationAfter(find(id, authentication), "repayment", model);
	}

	@PostMapping("/{id}/repayment")
	@PreAuthorize("hasRole('finance-officer')")
	String repayment(@PathVariable("id") String id, @RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "reference", defaultValue = "") String reference,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		String ref = reference.strip();
		String page = "/finance/recoveries/" + id + "/repayment";
		if (ref.isEmpty()) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("recovery.reference", "required")))
				.redirect(page, redirect);
		}
		try {
			funding().confirmRepayment(key.isBlank() ? FundingPortalClient.newKey() : key, id, ref);
			return "redirect:/finance/recoveries?notice=repaid";
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("recovery.reference", "invalid")))
				.redirect(page, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, refusal(refused.code())).redirect(page, redirect);
		}
	}

	private String raisePage(RecoveryForm form, FieldErrors errors, String refusal, String key, Model model) {
		List<Award> awards = funding().awards("");
		Map<String, String> names = this.beneficiaries
			.names(awards.stream().map(Award::getRecipientOrganisationId).distinct().toList());
		model.addAttribute("awards", awards.stream()
			.filter(a -> a.getPaid().getMinorUnits() > 0)
			.map(a -> new RecoveryForm.PaidAward(a.getCommitmentId(), a.getAwardReference(),
					Beneficiaries.pick(names, a.getRecipientOrganisationId(), a.getRecipientOrganisationName()),
					Yuan.format(a.getPaid())))
			.toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		model.addAttribute("key", key.isBlank() ? FundingPortalClient.newKey() : key);
		model.addAttribute("reasons", REASONS);
		model.addAttribute("methods", METHODS);
		return "finance/recovery-raise";
	}

	private String confirmation(RecoveryRow row, String action, String key, String text, FieldErrors errors,
			String refusal, Model model) {
		model.addAttribute("row", row);
		model.addAttribute("action", action);
		model.addAttribute("key", key);
		model.addAttribute("text", text);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		return "finance/recovery-confirm";
	}

	private RecoveryRow find(String id, Authentication authentication) {
		Optional<Recovery> found = funding().allRecoveries()
			.stream()
			.filter(r -> r.getRecoveryId().equals(id))
			.findFirst();
		Recovery recovery = found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no recovery " + id));
		return rows(List.of(recovery), viewer(authentication)).get(0);
	}

	private List<RecoveryRow> rows(List<Recovery> recoveries, String viewer) {
		Map<String, String> references = new LinkedHashMap<>();
		if (!recoveries.isEmpty()) {
			funding().awards("").forEach(a -> references.put(a.getCommitmentId(), a.getAwardReference()));
		}
		Map<String, String> names = this.beneficiaries
			.names(recoveries.stream().map(Recovery::getOrganisationId).distinct().toList());
		return recoveries.stream().map(r -> RecoveryRow.of(r, references, names, viewer)).toList();
	}

	private static String viewer(Authentication authentication) {
		return authentication == null ? "" : PortalUser.from(authentication).username();
	}

	private static String enumName(String formValue) {
		return formValue.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
	}

	private static String refusal(String code) {
		return "finance.recovery.refused." + (REFUSALS.contains(code) ? code : "generic");
	}

	/** funding names gRPC fields; the form has award, explanation, amount. */
	private static String formField(String field) {
		return switch (field) {
			case "commitment_id" -> "award";
			case "explanation" -> "explanation";
			case "amount", "amount.minor_units", "amount.currency_code" -> "amount";
			default -> "award";
		};
	}

	private FundingPortalClient funding() {
		return this.clients.getObject();
	}

}
