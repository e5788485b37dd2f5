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
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;
import jakarta.servlet.http.HttpServletResponse;

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
		return raisePage(new RecoveryForm(award, "", "", "", ""), Map.of(), FundingPortalClient.newKey(), model);
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('finance-officer','program-manager')")
	String raise(@RequestParam(name = "award", defaultValue = "") String award,
			@RequestParam(name = "reason", defaultValue = "") String reason,
			@RequestParam(name = "explanation", defaultValue = "") String explanation,
			@RequestParam(name = "amount", defaultValue = "") String amount,
			@RequestParam(name = "method", defaultValue = "") String method,
			@RequestParam(name = "key", defaultValue = "") String key, Model model, HttpServletResponse response) {
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
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return raisePage(form, errors, key, model);
	}

	/** The confirmation before approving (批准) or rejecting (退回, with a reason) a demand. */
	@GetMapping("/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String confirmDecision(@PathVariable("id") String id, @PathVariable("decision") String decision,
			Authentication authentication, Model model) {
		return confirmation(find(id, authentication), decision, FundingPortalClient.newKey(), "", null, null, model);
	}

	@PostMapping("/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String decide(@PathVariable("id") String id, @PathVariable("decision") String decision,
			@RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "reason", defaultValue = "") String reason, Authentication authentication, Model model,
			HttpServletResponse response) {
		boolean approve = "approve".equals(decision);
		String why = reason.strip();
		if (!approve && why.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return confirmation(find(id, authentication), decision, key, why, "finance.error.reason.required", null,
					model);
		}
		try {
			funding().decideRecovery(key.isBlank() ? FundingPortalClient.newKey() : key, id, approve, why);
			return "redirect:/finance/recoveries?notice=" + (approve ? "approved" : "rejected");
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return confirmation(find(id, authentication), decision, key, why, "finance.error.reason.invalid", null,
					model);
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return confirmation(find(id, authentication), decision, key, why, null, refusal(refused.code()), model);
		}
	}

	/** The bank's confirmation that the beneficiary paid back: its reference, then settled through the ledger. */
	@GetMapping("/{id}/repayment")
	@PreAuthorize("hasRole('finance-officer')")
	String confirmRepayment(@PathVariable("id") String id, Authentication authentication, Model model) {
		return confirmation(find(id, authentication), "repayment", FundingPortalClient.newKey(), "", null, null, model);
	}

	@PostMapping("/{id}/repayment")
	@PreAuthorize("hasRole('finance-officer')")
	String repayment(@PathVariable("id") String id, @RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "reference", defaultValue = "") String reference, Authentication authentication,
			Model model, HttpServletResponse response) {
		String ref = reference.strip();
		if (ref.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return confirmation(find(id, authentication), "repayment", key, ref,
					"finance.error.recovery.reference.required", null, model);
		}
		try {
			funding().confirmRepayment(key.isBlank() ? FundingPortalClient.newKey() : key, id, ref);
			return "redirect:/finance/recoveries?notice=repaid";
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return confirmation(find(id, authentication), "repayment", key, ref,
					"finance.error.recovery.reference.invalid", null, model);
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return confirmation(find(id, authentication), "repayment", key, ref, null, refusal(refused.code()), model);
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
