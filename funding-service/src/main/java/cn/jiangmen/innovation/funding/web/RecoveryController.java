package cn.jiangmen.innovation.funding.web;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.funding.application.PaymentQueries;
import cn.jiangmen.innovation.funding.application.RecoveryCommands;
import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recovery demands (追回) over REST, four eyes; amounts in yuan text. */
@RestController
@RequestMapping("/api/funding/recoveries")
@Tag(name = "Recoveries", description = "Money taken back after a failed acceptance or misconduct (追回)")
class RecoveryController {

	static final String KEY = TrancheController.KEY;

	private final RecoveryCommands commands;

	private final PaymentQueries queries;

	RecoveryController(RecoveryCommands commands, PaymentQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	record NewRecovery(String commitmentId, String reason, String explanation, String method, String amount,
			String currency) {
	}

	record Decision(String decision, String reason) {
	}

	record Repayment(String bankReference) {
	}

	@PostMapping
	@Operation(operationId = "raiseRecovery", summary = "A program manager or finance officer raises a recovery against an award",
			description = "amount in yuan, at most what was paid on the award less other demands; method REPAYMENT or OFFSET.")
	PaymentViews.RecoveryView raise(@RequestHeader(name = KEY, required = false) String key, @RequestBody NewRecovery body) {
		List<FieldViolation> violations = new ArrayList<>();
		long amount = CnyAmount.ofYuan(body.amount(), body.currency(), "amount", violations);
		RecoveryCommands.Demand demand = RecoveryCommands.demand(body.commitmentId(), body.reason(), body.explanation(),
				body.method(), amount, violations);
		return PaymentViews.RecoveryView.of(this.commands.raise(Callers.current(), key, KEY, demand, "amount"));
	}

	@PostMapping("/{recoveryId}/decision")
	@Operation(operationId = "decideRecovery", summary = "A finance approver who did not raise it approves or rejects a recovery (reason required to reject)")
	PaymentViews.RecoveryView decide(@PathVariable("recoveryId") String recoveryId,
			@RequestHeader(name = KEY, required = false) String key, @RequestBody Decision decision) {
		String verdict = decision.decision() == null ? "" : decision.decision().strip();
		if (!verdict.equals("APPROVE") && !verdict.equals("REJECT")) {
			throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		}
		return PaymentViews.RecoveryView.of(this.commands.decide(Callers.current(), key, KEY, recoveryId,
				verdict.equals("APPROVE"), decision.reason()));
	}

	@PostMapping("/{recoveryId}/repayment")
	@Operation(operationId = "confirmRecoveryRepayment", summary = "A finance officer records the bank's confirmation of a repayment: settled through the ledger")
	PaymentViews.RecoveryView repaid(@PathVariable("recoveryId") String recoveryId,
			@RequestHeader(name = KEY, required = false) String key, @RequestBody Repayment repayment) {
		return PaymentViews.RecoveryView.of(this.commands.confirmRepayment(Callers.current(), key, KEY, recoveryId,
				repayment.bankReference()));
	}

	@GetMapping
	@Operation(operationId = "listRecoveries", summary = "Recoveries, newest first, paginated; an applicant sees their organisation's")
	PaymentViews.RecoveryPage list(@RequestParam(name = "pageSize", defaultValue = "0") int pageSize,
			@RequestParam(name = "pageToken", required = false) String pageToken) {
		PageRequest page = PageRequest.of(pageSize, pageToken, "pageSize", "pageToken");
		var recoveries = this.queries.recoveries(Callers.current(), page);
		return new PaymentViews.RecoveryPage(recoveries.stream().map(PaymentViews.RecoveryView::of).toList(),
				page.nextToken(recoveries.size()));
	}

	@GetMapping("/{recoveryId}")
	@Operation(operationId = "getRecovery", summary = "One recovery")
	PaymentViews.RecoveryView recovery(@PathVariable("recoveryId") String recoveryId) {
		return PaymentViews.RecoveryView.of(this.queries.recovery(Callers.current(), recoveryId));
	}

}
