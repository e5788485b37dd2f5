package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.funding.domain.Commitment;
import cn.jiangmen.innovation.funding.domain.CommitmentId;
import cn.jiangmen.innovation.funding.domain.Commitments;
import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.TrancheState;
import cn.jiangmen.innovation.funding.domain.Tranches;
import cn.jiangmen.innovation.funding.domain.ledger.AccountLimit;
import cn.jiangmen.innovation.funding.domain.ledger.Accounts;
import cn.jiangmen.innovation.funding.domain.ledger.Ledger;
import cn.jiangmen.innovation.funding.domain.ledger.Transfer;
import cn.jiangmen.innovation.funding.domain.payment.PaymentAccounts;
import cn.jiangmen.innovation.funding.domain.payment.Recoveries;
import cn.jiangmen.innovation.funding.domain.payment.Recovery;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recovery demands (追回) with four eyes: a program manager or finance officer raises one against an
 * award for at most what was paid on it (less what other demands already claim); a finance
 * approver who did not raise it approves or rejects it. A repayment is settled on the bank's
 * confirmation (bank receipts → the budget's recovered account); an offset is taken from the
 * beneficiary's next tranche when it enters a payment batch ({@link PaymentBatchCommands}).
 * Idempotent by key, audited; checks in the order 404 → 403 → 400 → 409.
 */
@Service
public class RecoveryCommands {

	static final String OBJECT_TYPE = "recovery";

	static final Set<String> MAY_RAISE = Set.of("program-manager", "finance-officer");

	private final Recoveries recoveries;

	private final Commitments commitments;

	private final Tranches tranches;

	private final Ledger ledger;

	private final IdempotentCommands idempotent;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	public RecoveryCommands(Recoveries recoveries, Commitments commitments, Tranches tranches, Ledger ledger,
			IdempotentCommands idempotent, Audit audit, Clock clock, TransactionTemplate transactions) {
		this.recoveries = recoveries;
		this.commitments = commitments;
		this.tranches = tranches;
		this.ledger = ledger;
		this.idempotent = idempotent;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** What a caller asks for; the amount in fen once parsed (gRPC) or yuan text (REST). */
	public record Demand(String commitmentId, String reason, String explanation, String method, long amountMinor) {
	}

	/** Checks the demand's own fields (400), naming each; amount violations come from the adapter. */
	public static Demand demand(String commitmentId, String reason, String explanation, String method, long amountMinor,
			List<FieldViolation> violations) {
		if (PaymentBatchCommands.uuid(commitmentId).isEmpty()) {
			violations.add(new FieldViolation("commitment_id", "id.malformed", "must be a UUID"));
		}
		if (!enumName(Recovery.Reason.class, reason)) {
			violations.add(new FieldViolation("reason", "required", "must be FAILED_ACCEPTANCE or MISCONDUCT"));
		}
		if (!enumName(Recovery.Method.class, method)) {
			violations.add(new FieldViolation("method", "required", "must be REPAYMENT or OFFSET"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new Demand(commitmentId.strip(), reason, explanation, method, amountMinor);
	}

	public Recovery raise(Caller maker, String key, String keyField, Demand demand, String amountField) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		CommitmentId awardId = new CommitmentId(PaymentBatchCommands.uuid(demand.commitmentId()).orElseThrow());
		String hash = IdempotentCommands.hash(maker, "recovery.raise", demand.toString());
		return this.transactions.execute(tx -> this.idempotent.once(maker, idempotencyKey, keyField, "recovery.raise",
				hash, Recovery.class, () -> {
					Commitment award = this.commitments.find(awardId)
						.filter(c -> FundingAccess.mayReadAward(maker, c.recipientOrganisationId()))
						.orElseThrow(() -> new NotFoundException("Award", awardId));
					if (!maker.hasAnyRole(MAY_RAISE)) {
						throw new AccessDeniedException("Only program managers and finance officers raise recoveries");
					}
					Instant now = now();
					Recovery raised = Recovery.raise(awardId, award.recipientOrganisationId(),
							Recovery.Reason.valueOf(demand.reason()), demand.explanation(), demand.amountMinor(),
							Recovery.Method.valueOf(demand.method()), Tranche.Person.of(maker), now);
					// serialise demands on one award, so two together cannot claim more than was paid
					this.commitments.lockKey("recovery/" + awardId);
					long paid = this.tranches.ofCommitment(awardId)
						.stream()
						.filter(t -> t.state() == TrancheState.PAID)
						.mapToLong(Tranche::amountMinor)
						.sum();
					long claimable = paid - this.recoveries.claimedOn(awardId);
					if (demand.amountMinor() > claimable) {
						throw new InvalidInputException(amountField, "amount.more-than-paid",
								"must be at most what was paid on this award and not yet claimed back: "
										+ CnyAmount.yuan(Math.max(claimable, 0)) + " yuan");
					}
					this.recoveries.add(raised);
					this.audit.record(maker.username(), now, "recovery.raised", OBJECT_TYPE, raised.id(), Map.of(),
							state(raised));
					return this.recoveries.find(raised.id()).orElseThrow();
				}));
	}

	/**
	 * The answer to a system-raised demand: the recovery raised, or why none was (nothing paid and
	 * not yet claimed on the award).
	 */
	public record ProjectRecovery(Recovery recovery, String noDemandReason) {
	}

	/**
	 * project-service (service account only) raises the recovery of a project that failed its final
	 * acceptance or mid-term check. The demand enters the same four-eyes flow as one a person raised:
	 * it is prepared by "system" (subject {@code system:<service subject>}, which no person's token
	 * carries) and waits for a finance approver's decision; nobody approves by raising. The amount is
	 * what project-service counts as released, capped at what was paid on the award and not yet
	 * claimed; settled by repayment (a failed project is paid no further tranches to offset against;
	 * an approver who prefers an offset rejects and a finance officer raises one by hand).
	 */
	public ProjectRecovery raiseForProject(Caller service, String key, String keyField, String projectId,
			String explanation, long releasedMinor) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		java.util.UUID project = PaymentBatchCommands.uuid(projectId)
			.orElseThrow(() -> new InvalidInputException("project_id", "id.malformed", "must be a UUID"));
		if (releasedMinor < 0) {
			throw new InvalidInputException("released.minor_units", "amount.negative", "must not be negative");
		}
		String hash = IdempotentCommands.hash(service, "recovery.raise-for-project",
				project + "|" + explanation + "|" + releasedMinor);
		return this.transactions.execute(tx -> this.idempotent.once(service, idempotencyKey, keyField,
				"recovery.raise-for-project", hash, ProjectRecovery.class, () -> {
					if (!service.hasRole("service")) {
						throw new AccessDeniedException("Only project-service raises a project's recovery on its own");
					}
					Commitment award = this.commitments.committedForProject(project)
						.orElseThrow(() -> new NotFoundException("Award of project", project));
					Instant now = now();
					this.commitments.lockKey("recovery/" + award.id());
					long paid = this.tranches.ofCommitment(award.id())
						.stream()
						.filter(t -> t.state() == TrancheState.PAID)
						.mapToLong(Tranche::amountMinor)
						.sum();
					long claimed = this.recoveries.claimedOn(award.id());
					long amount = Math.min(releasedMinor, paid - claimed);
					Tranche.Person system = new Tranche.Person("system:" + service.subject(), "system");
					if (amount <= 0) {
						String why = "Nothing to recover on the award of project " + project + ": project-service counts "
								+ CnyAmount.yuan(releasedMinor) + " yuan released, funding paid " + CnyAmount.yuan(paid)
								+ " yuan of which " + CnyAmount.yuan(claimed) + " yuan is claimed already";
						this.audit.record(system.username(), now, "recovery.not-raised", "commitment", award.id(), Map.of(),
								Map.of("projectId", project.toString(), "reason", why));
						return new ProjectRecovery(null, why);
					}
					Recovery raised = Recovery.raise(award.id(), award.recipientOrganisationId(),
							Recovery.Reason.FAILED_ACCEPTANCE, explanation, amount, Recovery.Method.REPAYMENT, system, now);
					this.recoveries.add(raised);
					this.audit.record(system.username(), now, "recovery.raised", OBJECT_TYPE, raised.id(), Map.of(),
							state(raised));
					return new ProjectRecovery(this.recoveries.find(raised.id()).orElseThrow(), "");
				}));
	}

	public Recovery decide(Caller checker, String key, String keyField, String recoveryId, boolean approve, String reason) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		Recovery.Id id = recoveryId(recoveryId);
		String hash = IdempotentCommands.hash(checker, "recovery.decide", id + "|" + approve + "|" + reason);
		return this.transactions.execute(tx -> this.idempotent.once(checker, idempotencyKey, keyField, "recovery.decide",
				hash, Recovery.class, () -> {
					Recovery current = readable(checker, id);
					if (!FundingAccess.mayDecide(checker, current.raisedBy().subject())) {
						throw new AccessDeniedException(
								"A recovery is approved by a finance approver who did not raise it: four eyes (四眼原则)");
					}
					Instant now = now();
					Recovery decided = current.decide(Tranche.Person.of(checker), approve, reason, now);
					store(decided);
					this.audit.record(checker.username(), now, approve ? "recovery.approved" : "recovery.rejected",
							OBJECT_TYPE, id, state(current), state(decided));
					return this.recoveries.find(id).orElseThrow();
				}));
	}

	/** The bank confirmed the beneficiary's repayment: bank receipts → recovered of the award's budget line. */
	public Recovery confirmRepayment(Caller officer, String key, String keyField, String recoveryId, String bankReference) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		Recovery.Id id = recoveryId(recoveryId);
		String hash = IdempotentCommands.hash(officer, "recovery.repaid", id + "|" + bankReference);
		return this.transactions.execute(tx -> this.idempotent.once(officer, idempotencyKey, keyField, "recovery.repaid",
				hash, Recovery.class, () -> {
					Recovery current = readable(officer, id);
					if (!FundingAccess.isMaker(officer)) {
						throw new AccessDeniedException("Only finance officers record the bank's confirmation of a repayment");
					}
					String reference = bankReference == null ? "" : bankReference.strip();
					if (reference.isEmpty() || reference.length() > 100) {
						throw new InvalidInputException("bank_reference", "required",
								"must give the bank's reference of the repayment (at most 100 characters)");
					}
					Instant now = now();
					Commitment award = this.commitments.find(current.commitmentId()).orElseThrow();
					String recovered = Accounts.recovered(award.budget());
					this.ledger.open(PaymentAccounts.RECEIPTS, "BANK", AccountLimit.NONE);
					this.ledger.open(recovered, "RECOVERED", AccountLimit.NONE);
					Transfer transfer = Transfer.single(PaymentAccounts.RECEIPTS, recovered, current.amountMinor(),
							"recovery " + id + " repaid, bank reference " + reference, now);
					Recovery settled = current.repaid(reference, transfer.id(), now);
					this.ledger.apply(List.of(transfer));
					store(settled);
					this.audit.record(officer.username(), now, "recovery.repaid", OBJECT_TYPE, id, state(current),
							state(settled));
					return this.recoveries.find(id).orElseThrow();
				}));
	}

	private Recovery readable(Caller caller, Recovery.Id id) {
		return this.recoveries.find(id)
			.filter(r -> FundingAccess.mayReadAward(caller, r.organisationId()))
			.orElseThrow(() -> new NotFoundException("Recovery", id));
	}

	private void store(Recovery recovery) {
		if (!this.recoveries.update(recovery)) {
			throw new ConflictException("recovery.changed", "The recovery was changed meanwhile; reload and try again");
		}
	}

	static Recovery.Id recoveryId(String text) {
		return PaymentBatchCommands.uuid(text).map(Recovery.Id::new)
			.orElseThrow(() -> new InvalidInputException("recovery_id", "id.malformed", "must be a UUID"));
	}

	private static <E extends Enum<E>> boolean enumName(Class<E> type, String value) {
		if (value == null) {
			return false;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return true;
			}
		}
		return false;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Map<String, Object> state(Recovery r) {
		return Map.of("state", r.state().name(), "amountMinor", r.amountMinor(), "method", r.method().name(), "reason",
				r.reason().name());
	}

	static List<FieldViolation> violations() {
		return new ArrayList<>();
	}

}
