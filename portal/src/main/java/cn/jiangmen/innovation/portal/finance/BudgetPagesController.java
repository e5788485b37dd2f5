package cn.jiangmen.innovation.portal.finance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import cn.jiangmen.innovation.contracts.funding.v1.BudgetLine;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaise;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseState;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

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
		return raisePage(program, year == 0 ? "" : String.valueOf(year), "", FundingPortalClient.newKey(), Map.of(), model);
	}

	@PostMapping("/budgets/raise")
	@PreAuthorize("hasRole('finance-officer')")
	String prepareRaise(@RequestParam(name = "program", defaultValue = "") String program,
			@RequestParam(name = "year", defaultValue = "") String year,
			@RequestParam(name = "amount", defaultValue = "") String amount,
			@RequestParam(name = "key", defaultValue = "") String key, Model model, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		String code = program.strip();
		if (code.isEmpty()) {
			errors.put("program", "finance.error.program.required");
		}
		Integer fiscalYear = null;
		try {
			fiscalYear = Integer.valueOf(year.strip());
		}
		catch (NumberFormatException ex) {
			errors.put("year", "finance.error.year.malformed");
		}
		Yuan.Parsed fen = Yuan.parse(amount);
		if (!fen.ok()) {
			errors.put("amount", "finance.error.amount." + fen.problem());
		}
		if (errors.isEmpty()) {
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
				rejected.violations().forEach(v -> errors.put(formField(v.field()), "finance.error."
						+ formField(v.field()) + "." + v.reason()));
			}
			catch (Refused refused) {
				errors.put("", "finance.refused.generic");
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return raisePage(code, year, amount, key, errors, model);
	}

	@GetMapping("/budget-raises/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String confirmRaise(@PathVariable("id") String id, @PathVariable("decision") String decision, Model model) {
		return raiseConfirmation(raise(id), decision, FundingPortalClient.newKey(), "", null, null, model);
	}

	@PostMapping("/budget-raises/{id}/{decision:approve|reject}")
	@PreAuthorize("hasRole('finance-approver')")
	String decideRaise(@PathVariable("id") String id, @PathVariable("decision") String decision,
			@RequestParam(name = "key", defaultValue = "") String key,
			@RequestParam(name = "reason", defaultValue = "") String reason, Model model, HttpServletResponse response) {
		boolean approve = "approve".equals(decision);
		String why = reason.strip();
		if (!approve && why.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return raiseConfirmation(raise(id), decision, key, why, "finance.error.reason.required", null, model);
		}
		try {
			funding().decideRaise(key.isBlank() ? FundingPortalClient.newKey() : key, id, approve, why);
			return "redirect:/finance/budgets?notice=" + (approve ? "raise-approved" : "raise-rejected");
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return raiseConfirmation(raise(id), decision, key, why, "finance.error.reason.invalid", null, model);
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return raiseConfirmation(raise(id), decision, key, why, null, "finance.refused.generic", model);
		}
	}

	private String raiseConfirmation(BudgetRaise raise, String decision, String key, String reason, String reasonError,
			String refusal, Model model) {
		model.addAttribute("raise", raise);
		model.addAttribute("decision", decision);
		model.addAttribute("key", key);
		model.addAttribute("reason", reason);
		model.addAttribute("reasonError", reasonError);
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

	private String raisePage(String program, String year, String amount, String key, Map<String, String> errors,
			Model model) {
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
