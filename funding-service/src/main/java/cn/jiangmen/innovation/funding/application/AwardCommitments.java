package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.funding.domain.CommitAward;
import cn.jiangmen.innovation.funding.domain.Commitment;
import cn.jiangmen.innovation.funding.domain.CommitmentId;
import cn.jiangmen.innovation.funding.domain.Commitments;
import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.Tranches;
import cn.jiangmen.innovation.funding.domain.ledger.AccountLimit;
import cn.jiangmen.innovation.funding.domain.ledger.Accounts;
import cn.jiangmen.innovation.funding.domain.ledger.Ledger;
import cn.jiangmen.innovation.funding.domain.ledger.Transfer;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commits awards as tranche schedules: idempotent by key, one pending ledger transfer per tranche
 * linked all-or-none against the budget's appropriation, in one transaction with the commitment,
 * its tranches and the audit record.
 */
@Service
public class AwardCommitments {

	static final String OBJECT_TYPE = "commitment";

	/** Planned dates are Beijing calendar dates. */
	static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

	private final Budgets budgets;

	private final Commitments commitments;

	private final Tranches tranches;

	private final Ledger ledger;

	private final Audit audit;

	private final Clock clock;

	public AwardCommitments(Budgets budgets, Commitments commitments, Tranches tranches, Ledger ledger, Audit audit,
			Clock clock) {
		this.budgets = budgets;
		this.commitments = commitments;
		this.tranches = tranches;
		this.ledger = ledger;
		this.audit = audit;
		this.clock = clock;
	}

	/** The commitment with its tranches (empty when refused). */
	public record Committed(Commitment commitment, List<Tranche> tranches) {
	}

	/**
	 * The first request with a key decides (committed or refused) and records the answer; retries
	 * get that answer and change nothing. The request is validated only after the role check.
	 */
	@Transactional
	public Committed commit(Caller caller, Supplier<CommitAward> input) {
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
			return new Committed(earlier.get(), this.tranches.ofCommitment(earlier.get().id()));
		}
		if (this.budgets.find(request.budget()).isEmpty()) {
			throw new NotFoundException("Budget", request.budget());
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.ofInstant(now, BUREAU_ZONE);
		CommitmentId id = CommitmentId.newId();
		String appropriation = Accounts.appropriation(request.budget());
		String commitmentAccount = Accounts.commitment(request.budget());
		this.ledger.open(commitmentAccount, "COMMITMENT", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
		List<Transfer> pending = new ArrayList<>();
		List<Tranche> schedule = new ArrayList<>();
		for (int i = 0; i < request.tranches().size(); i++) {
			var tranche = request.tranches().get(i);
			Transfer transfer = Transfer.pending(UUID.randomUUID(), appropriation, commitmentAccount,
					tranche.amountMinor(), "tranche " + (i + 1) + " of " + request.awardReference(), now);
			pending.add(transfer);
			schedule.add(Tranche.schedule(id, i + 1, tranche, today, transfer.id()));
		}
		boolean taken = this.ledger.apply(pending);
		Commitment commitment = Commitment.decide(id, request, taken, caller.username(), now);
		this.commitments.add(commitment);
		if (taken) {
			schedule.forEach(this.tranches::add);
		}
		this.audit.record(caller.username(), now, taken ? "award.committed" : "award.refused-insufficient-budget",
				OBJECT_TYPE, commitment.id(), null, snapshot(commitment, taken ? schedule.size() : 0));
		return new Committed(commitment, taken ? schedule : List.of());
	}

	private static Map<String, Object> snapshot(Commitment commitment, int tranches) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", commitment.id().toString());
		state.put("budget", commitment.budget().toString());
		state.put("awardReference", commitment.awardReference());
		state.put("recipientOrganisationId", commitment.recipientOrganisationId().toString());
		state.put("amountMinor", commitment.amountMinor());
		state.put("currency", CommitAward.CURRENCY);
		state.put("state", commitment.state().name());
		state.put("tranches", tranches);
		return state;
	}

}
