package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.funding.domain.CommitAward;
import cn.jiangmen.innovation.funding.domain.Commitment;
import cn.jiangmen.innovation.funding.domain.CommitmentState;
import cn.jiangmen.innovation.funding.domain.Commitments;
import cn.jiangmen.innovation.funding.domain.Ledger;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Commits awards against budget lines: idempotent by key, atomic against the budget, and in one
 * transaction with the commitment, its ledger entries and the audit record.
 */
@Service
public class AwardCommitments {

	static final String OBJECT_TYPE = "commitment";

	private final Budgets budgets;

	private final Commitments commitments;

	private final Ledger ledger;

	private final Audit audit;

	private final JsonMapper json;

	private final Clock clock;

	public AwardCommitments(Budgets budgets, Commitments commitments, Ledger ledger, Audit audit, JsonMapper json,
			Clock clock) {
		this.budgets = budgets;
		this.commitments = commitments;
		this.ledger = ledger;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The first request with a key decides (committed or refused) and records the answer; retries
	 * get that answer and change nothing. The request is validated only after the role check.
	 */
	@Transactional
	public Commitment commit(Caller caller, Supplier<CommitAward> input) {
		if (!FundingAccess.mayCommitAwards(caller)) {
			throw new AccessDeniedException("Only the service account, program managers and finance officers commit awards");
		}
		CommitAward request = input.get();
		this.commitments.lockKey(request.idempotencyKey());
		var earlier = this.commitments.findByIdempotencyKey(request.idempotencyKey());
		if (earlier.isPresent()) {
			if (!earlier.get().isSameRequestAs(request)) {
				throw new InvalidInputException("idempotency_key", "idempotency-key.reused",
						"was already used for a different request");
			}
			return earlier.get();
		}
		if (this.budgets.find(request.budget()).isEmpty()) {
			throw new NotFoundException("Budget", request.budget());
		}
		boolean taken = this.budgets.tryCommit(request.budget(), request.amountMinor());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Commitment commitment = Commitment.decide(request, taken, caller.username(), now);
		this.commitments.add(commitment);
		if (commitment.state() == CommitmentState.COMMITTED) {
			this.ledger.post(commitment.ledgerTransaction());
		}
		this.audit.record(caller.username(), now, taken ? "award.committed" : "award.refused-insufficient-budget", OBJECT_TYPE, commitment.id(), null, snapshot(commitment));
		return commitment;
	}

	private Map<String, Object> snapshot(Commitment commitment) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", commitment.id().toString());
		state.put("budget", commitment.budget().toString());
		state.put("awardReference", commitment.awardReference());
		state.put("recipientOrganisationId", commitment.recipientOrganisationId().toString());
		state.put("amountMinor", commitment.amountMinor());
		state.put("currency", CommitAward.CURRENCY);
		state.put("state", commitment.state().name());
		return state;
	}

}
