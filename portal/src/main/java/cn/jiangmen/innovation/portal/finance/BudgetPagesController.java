package cn.jiangmen.innovation.portal.finance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import cn.jiangmen.innovation.contracts.funding.v1.BudgetLine;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaise;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseState;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Budgets (预算指标): a chart and a table per fiscal year (appropriated, committed, paid,
 * available per program), the raises waiting for a decision, and the raise itself under four eyes:
 * a finance officer prepares it, a different finance approver decides it on a confirmation page.
 */
@Controller
@RequestMapping("/finance")
@PreAuthorize("hasAnyRole('finance-officer','finance-approver','program-manager','auditor')")
class BudgetPagesController {

	static final Map<String, String> NOTICES = Map.of("raise-prepared", "finance.budget.notice.prepared",
			"raise-approved", "finance.budget.notice.approved", "raise-rejected", "finance.budget.notice.rejected",
			"line-opened", "finance.budget.notice.opened");

	static final List<String> COLUMNS = List.of("program", "year", "appropriated", "committed", "paid", "available");

	private final ObjectProvider<FundingPortalClient> clients;

	private final MessageSource messages;

	BudgetPagesController(ObjectProvider<FundingPortalClient> clients, MessageSource messages) {
		this.clients = clients;
		this.messages = messages;
	}

	@ModelAttribute("yuan")
	Yuan yuan() {
		return Yuan.PAGES;
	}

	@GetMapping("/budgets")
	String budgets(@RequestParam(name = "notice", required = false) String notice, Model model, Locale locale) {
		model.addAttribute("charts", charts(locale));
		model.addAttribute("raises", funding().raises(BudgetRaiseState.BUDGET_RAISE_STATE_PREPARED));
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("flash", NOTICES.get(notice));
		}
		return "finance/budgets";
	}

	@GetMapping("/budgets.csv")
	ResponseEntity<byte[]> budgetsCsv(Locale locale) {
		return Exports.csv("budgets", header(locale), cells(locale));
	}

	@GetMapping("/budgets.xlsx")
	ResponseEntity<byte[]> budgetsXlsx(Locale locale) {
		return Exports.xlsx("budgets", this.messages.getMessage("finance.budget.title", null, locale), header(locale),
				cells(locale));
	}

	/** The raise form (and, for a program without a line this year, opening the line). */
	@GetMapping("/budgets/raise")
	@PreAuthorize("hasRole('finance-officer')")
	String raiseForm(@RequestParam(name = "program", defaultValue = "") String program,
			@RequestParam(name = "year", defaultValue = "0") int year, Model model) {
		// after a failed POST (POST-redirect-GET): the form as typed, its key, what was wrong
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			model.addAttribute("refusal", failed.refusal());
			return raisePage(failed.value("program", ""), failed.value("year", ""), failed.value("amount", ""),
					failed.value("key", FundingPortalClient.newKey()), failed.errors("finance", field -> field), model);
		}
		return raisePage(program, year == 0 ? "" : String.valueOf(year), "", FundingPortalClient.newKey(),
				FieldErrors.none(), model);
	}

	/** Prepares the raise; anything wrong goes back to the form (303) as typed, with its key. */
	@PostMapping("/budgets/raise")
	@PreAuthorize("hasRole('finance-officer')")
	String prepareRaise(@RequestParam(name = "program", defaultValue = "") String program,
			@RequestParam(name = "year", defaultValue = "") String year,
			@RequestParam(name = "amount", defaultValue = "") String amount,
			@RequestParam(name = "key", defaultValue = "") String key, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		List<Rejected.Violation> errors = new ArrayList<>();
		String code = program.strip();
		if (code.isEmpty()) {
			errors.add(new Rejected.Violation("program", "required"));
		}
		Integer fiscalYear = null;
		try {
			fiscalYear = Integer.valueOf(year.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(new Rejected.Violation("year", "malformed"));
		}
		Yuan.Parsed fen = Yuan.parse(amount);
		if (!fen.ok()) {
			errors.add(new Rejected.Violation("amount", fen.problem()));
		}
		if (!errors.isEmpty()) {
			return FailedPost.rejected(params, errors).redirect(RAISE_FORM, redirect);
		}
		try {
			boolean exists = funding().budgets()
				.stream()
				.anyMatch(l -> l.getProgramCode().equals(code) && l.getFiscalYear() == year(year));
			String idempotencyKey = key.isBlank() ? FundingPortalClient.newKey() : key;
			if (!exists) {
				// a new program or year: its line is opened first (appropriation 0 until the raise is approved)
				funding().openLine(idempotencyKey + "-line", code, fiscalYear);
			}
			funding().prepareRaise(idempotencyKey, code, fiscalYear, fen.fen());
			return "redirect:/finance/budgets?notice=raise-prepared";
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations()
				.stream()
				.map(v -> new Rejected.Violation(formField(v.field()), v.reason()))
				.toList()).redirect(RAISE_FORM, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, "finance.refused.generic").redirect(RAISE_FORM, redirect);
		}
	}

	private static final String RAISE_FORM = "/finance/budgets/raise";

	@GetMapping("/budget-raises/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String confirmRaise(@PathVariable("id") String id, @PathVariable("decision") String decision, Model model) {
		// after a failed decision (POST-redirect-GET): the reason as typed, the key, and why
		FailedPost failed = FailedPost.from(model);
		if (failed != null) {
			return raiseConfirmation(raise(id), decision, failed.value("key", FundingPortalClient.newKey()),
					failed.value("reason", ""), failed.errors("finance", field -> field), failed.refusal(), model);
		}
		return raiseConfirmation(raise(id), decision, FundingPortalClient.newKey(), "", FieldErrors.none(), null,
				model);
	}

	/** Decides the raise; a missing or rejected reason, or a refusal, goes back to the confirmation (303). */
	@PostMapping("/budget-raises/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String decideRaise(@PathVariable("id") String id, @PathVariable("decision") String decision,
			@RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "reason", defaultValue = "") String reason,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		boolean approve = "approve".equals(decision);
		String why = reason.strip();
		String page = "/finance/budget-raises/" + id + "/" + decision;
		if (!approve && why.isEmpty()) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("reason", "required")))
				.redirect(page, redirect);
		}
		try {
			funding().decideRaise(key.isBlank() ? FundingPortalClient.newKey() : key, id, approve, why);
			return "redirect:/finance/budgets?notice=" + (approve ? "raise-approved" : "raise-rejected");
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, List.of(new Rejected.Violation("reason", "invalid")))
				.redirect(page, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, "finance.refused.generic").redirect(page, redirect);
		}
	}

	private String raiseConfirmation(BudgetRaise raise, String decision, String key, String reason, FieldErrors errors,
			String refusal, Model model) {
		model.addAttribute("raise", raise);
		model.addAttribute("decision", decision);
		model.addAttribute("key", key);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		return "finance/raise-confirm";
	}

	private BudgetRaise raise(String id) {
		Optional<BudgetRaise> raise = funding().raises(BudgetRaiseState.BUDGET_RAISE_STATE_PREPARED)
			.stream()
			.filter(r -> r.getRaiseId().equals(id))
			.findFirst();
		return raise.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "raise not waiting"));
	}

	private String raisePage(String program, String year, String amount, String key, FieldErrors errors, Model model) {
		model.addAttribute("program", program);
		model.addAttribute("year", year);
		model.addAttribute("amount", amount);
		model.addAttribute("key", key);
		model.addAttribute("errors", errors);
		model.addAttribute("programs", programs());
		return "finance/raise";
	}

	/** The programs with a line in any year, and the suite's standing ones, for the form's list. */
	private List<String> programs() {
		java.util.Set<String> codes = new java.util.TreeSet<>(Programs.STANDING);
		funding().budgets().forEach(l -> codes.add(l.getProgramCode()));
		return List.copyOf(codes);
	}

	private static int year(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** funding names gRPC fields; the form has program, year, amount. */
	private static String formField(String field) {
		return switch (field) {
			case "programCode", "program_code" -> "program";
			case "fiscalYear", "fiscal_year" -> "year";
			case "amount", "amount.minor_units", "amount.currency_code" -> "amount";
			default -> "";
		};
	}

	private List<BudgetChart> charts(Locale locale) {
		Map<Integer, List<BudgetLine>> byYear = new TreeMap<>(Comparator.reverseOrder());
		for (BudgetLine line : funding().budgets()) {
			byYear.computeIfAbsent(line.getFiscalYear(), y -> new ArrayList<>()).add(line);
		}
		List<String> series = List.of("appropriated", "committed", "paid", "available")
			.stream()
			.map(s -> this.messages.getMessage("finance.column." + s, null, locale))
			.toList();
		return byYear.entrySet()
			.stream()
			.map(e -> BudgetChart.of(e.getKey(), e.getValue(), code -> Programs.name(this.messages, code, locale), series))
			.toList();
	}

	private List<String> header(Locale locale) {
		return COLUMNS.stream().map(c -> this.messages.getMessage("finance.column." + c, null, locale)).toList();
	}

	private List<List<Object>> cells(Locale locale) {
		return funding().budgets()
			.stream()
			.map(l -> List.<Object>of(Programs.name(this.messages, l.getProgramCode(), locale), l.getFiscalYear(),
					Yuan.decimal(l.getAppropriated()), Yuan.decimal(l.getPending()), Yuan.decimal(l.getPosted()),
					Yuan.decimal(l.getAvailable())))
			.toList();
	}

	private FundingPortalClient funding() {
		return this.clients.getObject();
	}

}
