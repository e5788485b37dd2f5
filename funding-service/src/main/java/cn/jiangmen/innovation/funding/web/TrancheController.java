package cn.jiangmen.innovation.funding.web;

import cn.jiangmen.innovation.funding.application.TrancheCommands;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Maker-checker on tranches over REST; every command needs an {@code Idempotency-Key} header. */
@RestController
@Tag(name = "Tranches", description = "Preparing (经办) and deciding (复核) tranche payments, four eyes")
class TrancheController {

	static final String KEY = "Idempotency-Key";

	private final TrancheCommands commands;

	TrancheController(TrancheCommands commands) {
		this.commands = commands;
	}

	/** The checker's decision: {@code APPROVE} or {@code REJECT}, a reason required to reject. */
	record Decision(String decision, String reason) {
	}

	@PostMapping("/api/funding/tranches/{trancheId}/preparation")
	@Operation(summary = "A finance officer prepares a tranche for payment",
			description = "Only when project-service says the milestone is ACCEPTED (409 otherwise, 503 when it does not answer). "
					+ "A retry with the same Idempotency-Key returns the first answer.")
	TrancheView prepare(@PathVariable("trancheId") String trancheId,
			@RequestHeader(name = KEY, required = false) String key) {
		return TrancheView.of(this.commands.prepare(Callers.current(), key, KEY, trancheId));
	}

	@PostMapping("/api/funding/tranches/{trancheId}/decision")
	@Operation(summary = "A finance approver other than the maker approves or rejects a prepared tranche",
			description = "403 for the maker, whatever roles they hold. Approval posts the commitment to the payable.")
	TrancheView decide(@PathVariable("trancheId") String trancheId,
			@RequestHeader(name = KEY, required = false) String key, @RequestBody Decision decision) {
		String verdict = decision.decision() == null ? "" : decision.decision().strip();
		if (!verdict.equals("APPROVE") && !verdict.equals("REJECT")) {
			throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		}
		Tranche decided = this.commands.decide(Callers.current(), key, KEY, trancheId, verdict.equals("APPROVE"),
				decision.reason());
		return TrancheView.of(decided);
	}

}
