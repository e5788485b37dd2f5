package cn.jiangmen.innovation.portal.finance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.jiangmen.innovation.contracts.funding.v1.Voucher;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherListView;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Innovation vouchers (科技创新券): an enterprise's own vouchers, a provider's vouchers redeemed
 * with it (funding decides whose: the token's organisation), and finance's page of all vouchers
 * with what each enterprise was issued per year against its cap, the issue (program managers:
 * form, confirmation) and settlement under four eyes (a finance officer prepares on evidence, a
 * different finance approver decides; the maker's approve is disabled with the reason and funding
 * refuses it anyway). Failed posts go back to their page as typed (POST-redirect-GET).
 */
@Controller
class VoucherPagesController {

	static final Map<String, String> NOTICES = Map.of("issued", "finance.voucher.notice.issued", "prepared",
			"finance.voucher.notice.prepared", "approved", "finance.voucher.notice.approved", "rejected",
			"finance.voucher.notice.rejected");

	private static final Set<String> REFUSALS = Set.of("voucher.cap-exceeded", "budget.insufficient", "budget.missing",
			"rule.missing", "voucher.changed", "voucher.transition-not-allowed");

	private static final String ISSUE_FORM = "/finance/vouchers/issue";

	/** Fiscal years are Beijing calendar years, as funding's voucher expiry. */
	private static final java.time.ZoneId BEIJING = java.time.ZoneId.of("Asia/Shanghai");

	private final ObjectProvider<FundingPortalClient> clients;

	private final Beneficiaries beneficiaries;

	private final ObjectProvider<InstrumentPortalClient> instruments;

	VoucherPagesController(ObjectProvider<FundingPortalClient> clients, Beneficiaries beneficiaries,
			ObjectProvider<InstrumentPortalClient> instruments) {
		this.clients = clients;
		this.beneficiaries = beneficiaries;
		this.instruments = instruments;
	}

	@GetMapping("/funding/vouchers")
	@PreAuthorize("hasRole('applicant')")
	String mine(@RequestParam(name = "notice", required = false) String notice, Model model) {
		List<Voucher> vouchers = funding().vouchers(VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "");
		model.addAttribute("vouchers", rows(vouchers));
		model.addAttribute("caps", ownCaps(vouchers));
		model.addAttribute("view", "holder");
		// the holder's issued, unexpired vouchers get their "redeem" link (VoucherRedeemController)
		model.addAttribute("redeemable", VoucherRedemption.redeemableIds(vouchers));
		if ("redeemed".equals(notice)) {
			model.addAttribute("flash", "finance.voucher.notice.redeemed");
		}
		return "finance/my-vouchers";
	}

	@GetMapping("/funding/vouchers/redeemed")
	@PreAuthorize("hasRole('applicant')")
	String redeemedWithUs(Model model) {
		model.addAttribute("vouchers", rows(funding().vouchers(VoucherListView.VOUCHER_LIST_VIEW_PROVIDER, "")));
		model.addAttribute("view", "provider");
		model.addAttribute("caps", List.of());
		model.addAttribute("redeemable", Set.of());
		return "finance/my-vouchers";
	}

	@GetMapping("/finance/vouchers")
	@PreAuthorize("hasAnyRole('finance-officer','finance-approver','program-manager','auditor')")
	String all(@RequestParam(name = "notice", required = false) String notice, Model model) {
		List<Voucher> vouchers = funding().vouchers(VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "");
		List<VoucherRow> rows = rows(vouchers);
		model.addAttribute("vouchers", rows);
		model.addAttribute("caps", caps(vouchers, rows));
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("flash", NOTICES.get(notice));
		}
		return "finance/vouchers";
	}

	@GetMapping(ISSUE_FORM)
	@PreAuthorize("hasRole('program-manager')")
	String issueForm(Model model) {
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			model.addAttribute("refusal", failed.refusal());
			return issuePage(failed.value("enterprise", ""), failed.value("year", ""), failed.value("amount", ""),
					failed.value("key", FundingPortalClient.newKey()), failed.errors("finance", f -> f), model);
		}
		return issuePage("", "", "", FundingPortalClient.newKey(), FieldErrors.none(), model);
	}

	/** The confirmation before issuing: what will be committed from the budget, to whom. */
	@GetMapping(ISSUE_FORM + "/confirm")
	@PreAuthorize("hasRole('program-manager')")
	String confirmIssue(@RequestParam(name = "enterprise", defaultValue = "") String enterprise,
			@RequestParam(name = "year", defaultValue = "") String year,
			@RequestParam(name = "amount", defaultValue = "") String amount,
			@RequestParam(name = "key", defaultValue = "") String key, Model model) {
		Map<String, String> names = this.beneficiaries.names(List.of(enterprise));
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("enterpriseName", Beneficiaries.pick(names, enterprise, ""));
		model.addAttribute("year", year);
		model.addAttribute("amount", amount);
		Yuan.Parsed fen = Yuan.parse(amount);
		model.addAttribute("amountText", fen.ok() ? Yuan.format(fen.fen()) : amount);
		model.addAttribute("key", key.isBlank() ? FundingPortalClient.newKey() : key);
		return "finance/voucher-issue-confirm";
	}

	/**
	 * The form posts here without {@code confirmed=1}: checked, then on to the confirmation (303);
	 * the confirmation posts with it and the voucher is issued. Anything wrong goes back to the form.
	 */
	@PostMapping(ISSUE_FORM)
	@PreAuthorize("hasRole('program-manager')")
	String issue(@RequestParam(name = "enterprise", defaultValue = "") String enterprise,
			@RequestParam(name = "year", defaultValue = "") String year,
			@RequestParam(name = "amount", defaultValue = "") String amount,
			@RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "confirmed", defaultValue = "") String confirmed,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		List<Rejected.Violation> errors = new ArrayList<>();
		String organisation = enterprise.strip();
		if (organisation.isEmpty()) {
			errors.add(new Rejected.Violation("enterprise", "required"));
		}
		int fiscalYear = 0;
		try {
			fiscalYear = Integer.parseInt(year.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(new Rejected.Violation("year", "malformed"));
		}
		Yuan.Parsed fen = Yuan.parse(amount);
		if (!fen.ok()) {
			errors.add(new Rejected.Violation("amount", fen.problem()));
		}
		if (!errors.isEmpty()) {
			return FailedPost.rejected(params, errors).redirect(ISSUE_FORM, redirect);
		}
		String idempotencyKey = key.isBlank() ? FundingPortalClient.newKey() : key;
		if (!"1".equals(confirmed)) {
			FailedPost.seeOther();
			redirect.addAttribute("enterprise", organisation);
			redirect.addAttribute("year", fiscalYear);
			redirect.addAttribute("amount", amount.strip());
			redirect.addAttribute("key", idempotencyKey);
			return "redirect:" + ISSUE_FORM + "/confirm";
		}
		try {
			funding().issueVoucher(idempotencyKey, organisation, fiscalYear, fen.fen());
			return "redirect:/finance/vouchers?notice=issued";
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations()
				.stream()
				.map(v -> new Rejected.Violation(formField(v.field()), v.reason()))
				.toList()).redirect(ISSUE_FORM, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, refusal(refused.code())).redirect(ISSUE_FORM, redirect);
		}
	}

	/** The confirmation of a settlement step: prepare (evidence), approve, or reject (reason). */
	@GetMapping("/finance/vouchers/{id}/{action:prepare|approve|reject}")
	@PreAuthorize("hasAnyRole('finance-officer','finance-approver')")
	String confirmSettlement(@PathVariable("id") String id, @PathVariable("action") String action, Model model) {
		FailedPost failed = FailedPost.from(model);
		VoucherRow row = rows(List.of(funding().voucher(id))).get(0);
		model.addAttribute("row", row);
		model.addAttribute("action", action);
		if (failed != null) {
			model.addAttribute("key", failed.value("key", FundingPortalClient.newKey()));
			model.addAttribute("text", failed.value("prepare".equals(action) ? "evidence" : "reason", ""));
			model.addAttribute("errors", failed.errors("finance", f -> f));
			model.addAttribute("refusal", failed.refusal());
		}
		else {
			model.addAttribute("key", FundingPortalClient.newKey());
			model.addAttribute("text", "");
			model.addAttribute("errors", FieldErrors.none());
		}
		return "finance/voucher-settlement-confirm";
	}

	@PostMapping("/finance/vouchers/{id}/prepare")
	@PreAuthorize("hasRole('finance-officer')")
	String prepare(@PathVariable("id") String id, @RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "evidence", defaultValue = "") String evidence,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		String page = "/finance/vouchers/" + id + "/prepare";
		String text = evidence.strip();
		if (text.isEmpty()) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("evidence", "required")))
				.redirect(page, redirect);
		}
		try {
			funding().prepareVoucherSettlement(key.isBlank() ? FundingPortalClient.newKey() : key, id, text);
			return "redirect:/finance/vouchers?notice=prepared";
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("evidence", "invalid")))
				.redirect(page, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, refusal(refused.code())).redirect(page, redirect);
		}
	}

	@PostMapping("/finance/vouchers/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String decide(@PathVariable("id") String id, @PathVariable("decision") String decision,
			@RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "reason", defaultValue = "") String reason,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		boolean approve = "approve".equals(decision);
		String why = reason.strip();
		String page = "/finance/vouchers/" + id + "/" + decision;
		if (!approve && why.isEmpty()) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("reason", "required")))
				.redirect(page, redirect);
		}
		try {
			funding().decideVoucherSettlement(key.isBlank() ? FundingPortalClient.newKey() : key, id, approve, why);
			return "redirect:/finance/vouchers?notice=" + (approve ? "approved" : "rejected");
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("reason", "invalid")))
				.redirect(page, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, refusal(refused.code())).redirect(page, redirect);
		}
	}

	private String issuePage(String enterprise, String year, String amount, String key, FieldErrors errors,
			Model model) {
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("year", year);
		model.addAttribute("amount", amount);
		model.addAttribute("key", key);
		model.addAttribute("errors", errors);
		return "finance/voucher-issue";
	}

	private List<VoucherRow> rows(List<Voucher> vouchers) {
		Map<String, String> names = this.beneficiaries.names(vouchers.stream()
			.flatMap(v -> Stream.of(v.getEnterpriseId(), v.getProviderId()))
			.filter(id -> !id.isEmpty())
			.distinct()
			.toList());
		return vouchers.stream().map(v -> VoucherRow.of(v, names)).toList();
	}

	/** Per enterprise and year: the vouchers listed, and funding's yearly cap, issued and remaining. */
	private List<VoucherCap> caps(List<Voucher> vouchers, List<VoucherRow> rows) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (int i = 0; i < vouchers.size(); i++) {
			Voucher v = vouchers.get(i);
			String k = v.getEnterpriseId() + "|" + v.getFiscalYear();
			names.putIfAbsent(k, rows.get(i).enterprise());
			counts.merge(k, 1, Integer::sum);
		}
		return counts.entrySet().stream().map(e -> {
			int bar = e.getKey().indexOf('|');
			return VoucherCap.of(names.get(e.getKey()), e.getValue(), this.instruments.getObject()
				.voucherAllowance(e.getKey().substring(0, bar), Integer.parseInt(e.getKey().substring(bar + 1))));
		}).toList();
	}

	/** The applicant's own caps: each year they hold vouchers of, and the current year (Beijing). */
	private List<VoucherCap> ownCaps(List<Voucher> vouchers) {
		java.util.SortedMap<Integer, Integer> counts = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
		counts.put(java.time.LocalDate.now(BEIJING).getYear(), 0);
		vouchers.forEach(v -> counts.merge(v.getFiscalYear(), 1, Integer::sum));
		return counts.entrySet()
			.stream()
			.map(e -> VoucherCap.of("", e.getValue(), this.instruments.getObject().voucherAllowance("", e.getKey())))
			.toList();
	}

	private static String refusal(String code) {
		return "finance.voucher.refused." + (REFUSALS.contains(code) ? code : "generic");
	}

	/** funding names gRPC fields; the form has enterprise, year, amount. */
	private static String formField(String field) {
		return switch (field) {
			case "enterprise_id", "enterpriseId" -> "enterprise";
			case "fiscal_year", "fiscalYear" -> "year";
			case "amount", "amount.minor_units", "amount.currency_code" -> "amount";
			default -> "enterprise";
		};
	}

	private FundingPortalClient funding() {
		return this.clients.getObject();
	}

}
