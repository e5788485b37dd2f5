package cn.jiangmen.innovation.portal.finance;

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
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
		if (model.getAttribute(FAILED) instanceof Map<?, ?> failed) {
			return raisePage(new RecoveryForm(text(failed, "award"), text(failed, "reason"), text(failed, "explanation"),
					text(failed, "amount"), text(failed, "method")), errors(failed.get("errors")), text(failed, "key"),
					model);
		}
		return raisePage(new RecoveryForm(award, "", "", "", ""), Map.of(), FundingPortalClient.newKey(), model);
	}

	/** What a failed POST left for the page after its redirect (POST-redirect-GET, in the flash cookie). */
	static final String FAILED = "recoveryFailed";

	private static String text(Map<?, ?> flash, String name) {
		Object value = flash.get(name);
		return value == null ? "" : value.toString();
	}

	private static Map<String, String> errors(Object flashed) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (flashed instanceof Map<?, ?> map) {
			map.forEach((field, key) -> errors.put(String.valueOf(field), String.valueOf(key)));
		}
		return errors;
	}

	/** A failed confirmation goes back to its page, with what was typed and why (303: a reload posts nothing). */
	private static String back(String page, String key, String text, String error, String refusal,
			RedirectAttributes redirect) {
		Map<String, Object> failed = new LinkedHashMap<>();
		failed.put("key", key);
		failed.put("text", text);
		failed.put("error", error == null ? "" : error);
		failed.put("refusal", refusal == null ? "" : refusal);
		redirect.addFlashAttribute(FAILED, failed);
		FailedPost.seeOther();
		return "redirect:" + page;
	}

	/** The confirmation page, after a failed POST as it was typed with its message. */
	private String confirmationAfter(RecoveryRow row, String action, Model model) {
		if (model.getAttribute(FAILED) instanceof Map<?, ?> failed) {
			return confirmation(row, action, text(failed, "key"), text(failed, "text"),
					text(failed, "error").isEmpty() ? null : text(failed, "error"),
					text(failed, "refusal").isEmpty() ? null : text(failed, "refusal"), model);
		}
		return confirmation(row, action, FundingPortalClient.newKey(), "", null, null, model);
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('finance-officer','program-manager')")
	String raise(@RequestParam(name = "award", defaultValue = "") String award,
			@RequestParam(name = "reason", defaultValue = "") String reason,
			@RequestParam(name = "explanation", defaultValue = "") String explanation,
			@RequestParam(name = "amount", defaultValue = "") String amount,
			@RequestParam(name = "method", defaultValue = "") String method,
			@RequestParam(name = "key", defaultValue = "") String key, RedirectAttributes redirect) {
		RecoveryForm form = new RecoveryForm(award.strip(), reason, explanation.strip(), amount, method);
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.award().isEmpty()) {
			errors.put("award", "finance.error.recovery.award.required");
		}
		if (!REASONS.contains(form.reason())) {
			errors.put("reason-failed-acceptance", "finance.error.recovery.reason.required");
		}
		if (form.explanation().isEmpty()) {
			errors.put("explanation", "finance.error.recovery.explanation.required");
		}
		Yuan.Parsed fen = Yuan.parse(form.amount());
		if (!fen.ok()) {
			errors.put("amount", "finance.error.amount." + fen.problem());
		}
		if (!METHODS.contains(form.method())) {
			errors.put("method-repayment", "finance.error.recovery.method.required");
		}
		if (errors.isEmpty()) {
			try {
				funding().raiseRecovery(key.isBlank() ? FundingPortalClient.newKey() : key, form.award(),
						RecoveryReason.valueOf("RECOVERY_REASON_" + enumName(form.reason())), form.explanation(),
						fen.fen(), RecoveryMethod.valueOf("RECOVERY_METHOD_" + enumName(form.method())));
				return "redirect:/finance/recoveries?notice=raised";
			}
			catch (Rejected rejected) {
				rejected.violations().forEach(v -> errors.put(formField(v.field()), "finance.error.recovery."
						+ formField(v.field()) + "." + v.reason()));
			}
			catch (Refused refused) {
				errors.put("award", "finance.recovery.refused.generic");
			}
		}
		Map<String, Object> failed = new LinkedHashMap<>();
		failed.put("award", form.award());
		failed.put("reason", form.reason());
		failed.put("explanation", form.explanation());
		failed.put("amount", form.amount());
		failed.put("method", form.method());
		failed.put("key", key);
		failed.put("errors", errors);
		redirect.addFlashAttribute(FAILED, failed);
		FailedPost.seeOther();
		return "redirect:/finance/recoveries/new";
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
			@RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
		boolean approve = "approve".equals(decision);
		String why = reason.strip();
		String page = "/finance/recoveries/" + id + "/" + decision;
		if (!approve && why.isEmpty()) {
			return back(page, key, why, "finance.error.reason.required", null, redirect);
		}
		try {
			funding().decideRecovery(key.isBlank() ? FundingPortalClient.newKey() : key, id, approve, why);
			return "redirect:/finance/recoveries?notice=" + (approve ? "approved" : "rejected");
		}
		catch (Rejected rejected) {
			return back(page, key, why, "finance.error.reason.invalid", null, redirect);
		}
		catch (Refused refused) {
			return back(page, key, why, null, refusal(refused.code()), redirect);
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
			@RequestParam(name = "reference", defaultValue = "") String reference, RedirectAttributes redirect) {
		String ref = reference.strip();
		String page = "/finance/recoveries/" + id + "/repayment";
		if (ref.isEmpty()) {
			return back(page, key, ref, "finance.error.recovery.reference.required", null, redirect);
		}
		try {
			funding().confirmRepayment(key.isBlank() ? FundingPortalClient.newKey() : key, id, ref);
			return "redirect:/finance/recoveries?notice=repaid";
		}
		catch (Rejected rejected) {
			return back(page, key, ref, "finance.error.recovery.reference.invalid", null, redirect);
		}
		catch (Refused refused) {
			return back(page, key, ref, null, refusal(refused.code()), redirect);
		}
	}

	private String raisePage(RecoveryForm form, Map<String, String> errors, String key, Model model) {
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
		model.addAttribute("key", key.isBlank() ? FundingPortalClient.newKey() : key);
		model.addAttribute("reasons", REASONS);
		model.addAttribute("methods", METHODS);
		return "finance/recovery-raise";
	}

	private String confirmation(RecoveryRow row, String action, String key, String text, String error, String refusal,
			Model model) {
		model.addAttribute("row", row);
		model.addAttribute("action", action);
		model.addAttribute("key", key);
		model.addAttribute("text", text);
		model.addAttribute("textError", error);
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
