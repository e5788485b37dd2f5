package cn.jiangmen.innovation.funding.web;

import java.util.List;

import cn.jiangmen.innovation.funding.application.BudgetCommands;
import cn.jiangmen.innovation.funding.application.BudgetQueries;
import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.BudgetRaise;
import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/funding")
@Tag(name = "Budgets", description = "Budget lines per program and fiscal year, raised under four eyes")
class BudgetController {

	private final BudgetQueries budgets;

	private final BudgetCommands commands;

	BudgetController(BudgetQueries budgets, BudgetCommands commands) {
		this.budgets = budgets;
		this.commands = commands;
	}

	record NewBudget(String programCode, Integer fiscalYear) {
	}

	/** Yuan as a decimal string ("1234.56"), CNY only. */
	record NewRaise(String amount, String currency) {
	}

	record Decision(String decision, String reason) {
	}

	/** A raise as the API shows it. */
	record RaiseView(String raiseId, String programCode, int fiscalYear, long amountMinor, String amountYuan,
			String state, String preparedBy, String decidedBy, String decisionReason) {

		static RaiseView of(BudgetRaise r) {
			return new RaiseView(r.id().toString(), r.budget().programCode(), r.budget().fiscalYear(), r.amountMinor(),
					CnyAmount.yuan(r.amountMinor()), r.state().name(), r.preparedBy().username(),
					r.decidedBy() == null ? null : r.decidedBy().username(), r.decisionReason());
		}

	}

	@GetMapping("/budgets")
	@Operation(summary = "All budget lines: appropriated, pending, posted and available (fen)",
			description = "Finance officers and approvers, program managers and auditors.")
	List<BudgetView> list() {
		return this.budgets.all(Callers.current()).stream().map(BudgetView::of).toList();
	}

	@PostMapping("/budgets")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A finance officer opens a budget line (appropriation 0 until a raise is approved)")
	BudgetKey create(@RequestHeader(name = TrancheController.KEY, required = false) String key,
			@RequestBody NewBudget body) {
		return this.commands.create(Callers.current(), key, TrancheController.KEY, body.programCode(), body.fiscalYear());
	}

	@PostMapping("/budgets/{programCode}/{fiscalYear}/raises")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A finance officer prepares a raise of the appropriation; a different approver decides it")
	RaiseView prepareRaise(@PathVariable("programCode") String programCode, @PathVariable("fiscalYear") int fiscalYear,
			@RequestHeader(name = TrancheController.KEY, required = false) String key, @RequestBody NewRaise body) {
		return RaiseView.of(this.commands.prepareRaise(Callers.current(), key, TrancheController.KEY, programCode,
				fiscalYear, body.amount(), body.currency()));
	}

	@PostMapping("/budget-raises/{raiseId}/decision")
	@Operation(summary = "A finance approver other than the maker approves (posts) or rejects a raise")
	RaiseView decideRaise(@PathVariable("raiseId") String raiseId,
			@RequestHeader(name = TrancheController.KEY, required = false) String key, @RequestBody Decision body) {
		String verdict = body.decision() == null ? "" : body.decision().strip();
		if (!verdict.equals("APPROVE") && !verdict.equals("REJECT")) {
			throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		}
		return RaiseView.of(this.commands.decideRaise(Callers.current(), key, TrancheController.KEY, raiseId,
				verdict.equals("APPROVE"), body.reason()));
	}

}
