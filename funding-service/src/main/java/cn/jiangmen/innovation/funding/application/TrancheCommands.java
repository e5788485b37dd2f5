package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Commitment;
import cn.jiangmen.innovation.funding.domain.Commitments;
import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.TrancheState;
import cn.jiangmen.innovation.funding.domain.Tranches;
import cn.jiangmen.innovation.funding.domain.ledger.AccountLimit;
import cn.jiangmen.innovation.funding.domain.ledger.Accounts;
import cn.jiangmen.innovation.funding.domain.ledger.Ledger;
import cn.jiangmen.innovation.funding.domain.ledger.Transfer;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maker-checker on tranches. Prepare asks project-service about the milestone before any
 * transaction opens (no lock held across a remote call; no answer, no payment); approve posts the
 * pending commitment and moves it to the beneficiary's payable account. Checks in the order
 * 404 → 403 → 400 → 409; every command is idempotent by key.
 */
@Service
public class TrancheCommands {

	static final String OBJECT_TYPE = "tranche";

	private final Tranches tranches;

	private final Commitments commitments;

	private final Ledger ledger;

	private final MilestoneGate gate;

	private final IdempotentCommands idempotent;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	public TrancheCommands(Tranches tranches, Commitments commitments, Ledger ledger, MilestoneGate gate,
			IdempotentCommands idempotent, Audit audit, Clock clock, TransactionTemplate transactions) {
		this.tranches = tranches;
		this.commitments = commitments;
		this.ledger = ledger;
		this.gate = gate;
		this.idempotent = idempotent;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	public Tranche prepare(Caller maker, String key, String keyField, String trancheId) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		Tranche.Id id = trancheId(trancheId);
		String hash = IdempotentCommands.hash(maker, "tranche.prepare", id.toString());
		var earlier = this.idempotent.earlier(idempotencyKey, keyField, hash, Tranche.class);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Tranche tranche = readable(maker, id);
		if (!FundingAccess.isMaker(maker)) {
			throw new AccessDeniedException("Only finance officers prepare tranches");
		}
		if (tranche.state() != TrancheState.SCHEDULED && tranche.state() != TrancheState.REJECTED) {
			throw new ConflictException("tranche.transition-not-allowed", "A " + tranche.state() + " tranche cannot PREPARE");
		}
		releasable(maker, tranche);
		return this.transactions.execute(tx -> this.idempotent.once(maker, idempotencyKey, keyField, "tranche.prepare",
				hash, Tranche.class, () -> {
					Tranche current = this.tranches.find(id).orElseThrow(() -> new NotFoundException("Tranche", id));
					Instant now = now();
					Tranche prepared = current.prepare(maker, now);
					store(prepared);
					this.audit.record(maker.username(), now, "tranche.prepared", OBJECT_TYPE, id, state(current), state(prepared));
					return reread(prepared);
				}));
	}

	public Tranche decide(Caller checker, String key, String keyField, String trancheId, boolean approve, String reason) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		Tranche.Id id = trancheId(trancheId);
		String hash = IdempotentCommands.hash(checker, "tranche.decide", id + "|" + approve + "|" + reason);
		return this.transactions.execute(tx -> this.idempotent.once(checker, idempotencyKey, keyField,
				"tranche.decide", hash, Tranche.class, () -> {
					Tranche current = readable(checker, id);
					if (!checker.hasRole("finance-approver")) {
						throw new AccessDeniedException("Only finance approvers decide tranches");
					}
					if (current.preparedBy() != null && !FundingAccess.mayDecide(checker, current.preparedBy().subject())) {
						throw new AccessDeniedException("The maker of a tranche can never decide it: four eyes (四眼原则)");
					}
					Instant now = now();
					Tranche decided = current.decide(checker, approve, reason, now);
					if (approve) {
						post(decided, now);
					}
					store(decided);
					this.audit.record(checker.username(), now, approve ? "tranche.approved" : "tranche.rejected",
							OBJECT_TYPE, id, state(current), state(decided));
					return reread(decided);
				}));
	}

	/** Pending commitment → posted, then commitment → payable of the beneficiary (应付), linked. */
	private void post(Tranche tranche, Instant now) {
		Commitment award = this.commitments.find(tranche.commitmentId()).orElseThrow();
		Transfer pending = this.ledger.transfer(tranche.pendingTransferId()).orElseThrow();
		String payable = Accounts.payable(award.recipientOrganisationId());
		this.ledger.open(payable, "PAYABLE", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
		boolean applied = this.ledger.apply(List.of(Transfer.post(pending, "approved tranche " + tranche.id(), now),
				Transfer.single(pending.creditAccount(), payable, tranche.amountMinor(),
						"payable for tranche " + tranche.id(), now)));
		if (!applied) {
			throw new IllegalStateException("A posted commitment always covers its own payable: " + tranche.id());
		}
	}

	private void releasable(Caller maker, Tranche tranche) {
		Commitment award = this.commitments.find(tranche.commitmentId()).orElseThrow();
		if (tranche.milestoneId() == null) {
			if (tranche.plannedDate().isAfter(LocalDate.ofInstant(this.clock.instant(), AwardCommitments.BUREAU_ZONE))) {
				throw new ConflictException("tranche.not-yet-due", "The instalment is due on " + tranche.plannedDate());
			}
			return;
		}
		ReleaseCheck check = this.gate.check(String.valueOf(award.projectId()), tranche.milestoneId().toString(), maker);
		if (!check.releasable()) {
			throw new ConflictException("tranche.milestone-not-accepted",
					"The milestone is " + check.milestoneState() + ", not ACCEPTED: no tranche before acceptance (验收)");
		}
	}

	private Tranche readable(Caller caller, Tranche.Id id) {
		Tranche tranche = this.tranches.find(id).orElseThrow(() -> new NotFoundException("Tranche", id));
		Commitment award = this.commitments.find(tranche.commitmentId()).orElseThrow();
		if (!FundingAccess.mayReadAward(caller, award.recipientOrganisationId())) {
			throw new NotFoundException("Tranche", id);
		}
		return tranche;
	}

	private void store(Tranche tranche) {
		if (!this.tranches.update(tranche)) {
			throw new ConflictException("tranche.changed", "The tranche was changed meanwhile; reload and try again");
		}
	}

	private Tranche reread(Tranche tranche) {
		return this.tranches.find(tranche.id()).orElseThrow();
	}

	private static Tranche.Id trancheId(String text) {
		try {
			return new Tranche.Id(UUID.fromString(text == null ? "" : text.strip()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("tranche_id", "id.malformed", "must be a UUID");
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Map<String, Object> state(Tranche t) {
		return Map.of("state", t.state().name(), "amountMinor", t.amountMinor(), "sequence", t.sequence());
	}

}
