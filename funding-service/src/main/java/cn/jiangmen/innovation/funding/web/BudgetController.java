package cn.jiangmen.innovation.funding.web;

import java.util.List;

import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.funding.application.BudgetQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/funding/budgets")
@Tag(name = "Budgets", description = "Budget lines per program and fiscal year")
class BudgetController {

	private final BudgetQueries budgets;

	BudgetController(BudgetQueries budgets) {
		this.budgets = budgets;
	}

	@GetMapping
	@Operation(summary = "All budget lines with committed and available amounts (fen)",
			description = "Finance officers and approvers, program managers and auditors.")
	List<BudgetView> list() {
		return this.budgets.all(Callers.current()).stream().map(BudgetView::of).toList();
	}

}
