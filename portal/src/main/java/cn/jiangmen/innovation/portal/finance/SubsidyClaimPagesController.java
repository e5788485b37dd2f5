package cn.jiangmen.innovation.portal.finance;

import java.util.List;
import java.util.Set;

import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim;
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
 * The payment of a subsidy claim (后补助, 贷款贴息) under four eyes, from the finance inbox: a
 * finance officer prepares (经办) on a confirmation page, a different finance approver approves or
 * rejects it with a reason (复核). The maker's own claim shows approve disabled with the reason, and
 * funding-service refuses it anyway (403 page). Failed posts come back through {@link FailedPost}.
 */
@Controller
@RequestMapping("/finance/subsidy-claims")
@PreAuthorize("hasAnyRole('finance-officer','finance-approver')")
class SubsidyClaimPagesController {

	private static final Set<String> REFUSALS = Set.of("claim.transition-not-allowed", "claim.changed");

	private final ObjectProvider<InstrumentPortalClient> clients;

	private final Beneficiaries beneficiaries;

	SubsidyClaimPagesController(ObjectProvider<InstrumentPortalClient> clients, Beneficiaries beneficiaries) {
		this.clients = clients;
		this.beneficiaries = beneficiaries;
	}

	@GetMapping("/{id}/prepare")
	@PreAuthorize("hasRole('finance-officer')")
	String confirmPrepare(@PathVariable("id") String id, Model model) {
		ClaimRow row = find(id);
		if (!row.toPrepare()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "claim not waiting for preparation");
		}
		return confirmation(row, "prepare", model);
	}

	@PostMapping("/{id}/prepare")
	@PreAuthorize("hasRole('finance-officer')")
	String prepare(@PathVariable("id") String id, @RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		try {
			this.clients.getObject().preparePayment(key.isBlank() ? FundingPortalClient.newKey() : key, id);
			return "redirect:/finance/inbox?tab=approve&notice=claim-prepared";
		}
		catch (Refused refused) {
			return FailedPost.refused(params, refusal(refused.code())).redirect(page(id, "prepare"), redirect);
		}
	}

	@GetMapping("/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String confirmDecision(@PathVariable("id") String id, @PathVariable("decision") String decision, Model model) {
		ClaimRow row = find(id);
		if (!row.toApprove()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "claim not waiting for a decision");
		}
		return confirmation(row, decision, model);
	}

	/** A rejection needs a reason (said next to the field); the maker's approval is refused by funding (403). */
	@PostMapping("/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String decide(@PathVariable("id") String id, @PathVariable("decision") String decision,
			@RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "reason", defaultValue = "") String reason,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		String why = reason.strip();
		boolean approve = "approve".equals(decision);
		if (!approve && why.isEmpty()) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("reason", "required")))
				.redirect(page(id, decision), redirect);
		}
		try {
			this.clients.getObject().decidePayment(key.isBlank() ? FundingPortalClient.newKey() : key, id, approve, why);
			return "redirect:/finance/inbox?tab=" + (approve ? "approve" : "rejected") + "&notice="
					+ (approve ? "claim-approved" : "claim-rejected");
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("reason",
					rejected.violations().isEmpty() ? "invalid" : rejected.violations().get(0).reason())))
				.redirect(page(id, decision), redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, refusal(refused.code())).redirect(page(id, decision), redirect);
		}
	}

	private String confirmation(ClaimRow row, String action, Model model) {
		FailedPost failed = FailedPost.from(model);
		model.addAttribute("claim", row);
		model.addAttribute("action", action);
		model.addAttribute("key", failed == null ? FundingPortalClient.newKey()
				: failed.value("key", FundingPortalClient.newKey()));
		model.addAttribute("refusal", failed == null ? null : failed.refusal());
		model.addAttribute("reason", failed == null ? "" : failed.value("reason", ""));
		model.addAttribute("errors", failed == null ? FieldErrors.none() : failed.errors("finance", field -> field));
		return "finance/claim-confirm";
	}

	private ClaimRow find(String id) {
		SubsidyClaim claim = this.clients.getObject().claim(id);
		return ClaimRow.of(List.of(claim), this.beneficiaries).get(0);
	}

	private static String page(String id, String action) {
		return "/finance/subsidy-claims/" + id + "/" + action;
	}

	private static String refusal(String code) {
		return "finance.claim.refused." + (REFUSALS.contains(code) ? code : "generic");
	}

}
