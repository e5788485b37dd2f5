package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Commitment;
import cn.jiangmen.innovation.funding.domain.Commitments;
import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.TrancheAction;
import cn.jiangmen.innovation.funding.domain.TrancheState;
import cn.jiangmen.innovation.funding.domain.Tranches;
import cn.jiangmen.innovation.funding.domain.ledger.AccountLimit;
import cn.jiangmen.innovation.funding.domain.ledger.Accounts;
import cn.jiangmen.innovation.funding.domain.ledger.Ledger;
import cn.jiangmen.innovation.funding.domain.ledger.Transfer;
import cn.jiangmen.innovation.funding.domain.payment.BankStatus;
import cn.jiangmen.innovation.funding.domain.payment.BeneficiaryAccount;
import cn.jiangmen.innovation.funding.domain.payment.PaymentAccounts;
import cn.jiangmen.innovation.funding.domain.payment.PaymentBatch;
import cn.jiangmen.innovation.funding.domain.payment.PaymentBatches;
import cn.jiangmen.innovation.funding.domain.payment.PaymentLine;
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
 * Payment batches (支付批次): a finance officer gathers approved (or failed) tranches into a batch,
 * sends it (payable → in transit) and records the bank's answer line by line (in transit → paid, or
 * a reversing transfer back to the payable and the tranche back in the queue). Offsets of approved
 * recoveries (追回) are taken when a tranche enters a batch. Every command is idempotent by key,
 * audited, and moves money only through the ledger. Checks in the order 404 → 403 → 400 → 409.
 */
@Service
public class PaymentBatchCommands {

	static final String OBJECT_TYPE = "payment-batch";

	static final int MAX_LINES = 500;

	/** One line of the bank's status report (simplified pain.002). */
	public record LineResult(String endToEndId, String status, String reason) {
	}

	private final PaymentBatches batches;

	private final Tranches tranches;

	private final Commitments commitments;

	private final Recoveries recoveries;

	private final Ledger ledger;

	private final IdempotentCommands idempotent;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	public PaymentBatchCommands(PaymentBatches batches, Tranches tranches, Commitments commitments, Recoveries recoveries,
			Ledger ledger, IdempotentCommands idempotent, Audit audit, Clock clock, TransactionTemplate transactions) {
		this.batches = batches;
		this.tranches = tranches;
		this.commitments = commitments;
		this.recoveries = recoveries;
		this.ledger = ledger;
		this.idempotent = idempotent;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	public PaymentBatch create(Caller maker, String key, String keyField, List<String> trancheIds, String idsField) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		List<Tranche.Id> ids = trancheIds(trancheIds, idsField);
		String hash = IdempotentCommands.hash(maker, "batch.create", ids.stream().map(Tranche.Id::toString).sorted().toList().toString());
		return this.transactions.execute(tx -> this.idempotent.once(maker, idempotencyKey, keyField, "batch.create", hash,
				PaymentBatch.class, () -> {
					List<Tranche> chosen = new ArrayList<>();
					for (Tranche.Id id : ids) {
						chosen.add(this.tranches.find(id).orElseThrow(() -> new NotFoundException("Tranche", id)));
					}
					if (!FundingAccess.isMaker(maker)) {
						throw new AccessDeniedException("Only finance officers make payment batches");
					}
					Instant now = now();
					PaymentBatch.Id batchId = PaymentBatch.Id.newId();
					List<PaymentLine> lines = new ArrayList<>();
					for (Tranche tranche : chosen) {
						if (tranche.state() != TrancheState.APPROVED && tranche.state() != TrancheState.FAILED) {
							throw new ConflictException("tranche.not-payable",
									"Tranche " + tranche.id() + " is " + tranche.state() + ": only APPROVED or FAILED tranches are paid");
						}
						Commitment award = this.commitments.find(tranche.commitmentId()).orElseThrow();
						UUID organisation = award.recipientOrganisationId();
						BeneficiaryAccount account = this.batches.account(organisation)
							.orElseThrow(() -> new ConflictException("beneficiary.no-account",
									"Organisation " + organisation + " has no bank account on record (收款账户)"));
						takeOffsets(tranche, organisation, now);
						long offset = this.recoveries.offsetFrom(tranche.id());
						lines.add(PaymentLine.of(batchId, lines.size() + 1, tranche, organisation, offset, account));
						store(tranche.moveTo(TrancheAction.BATCH));
					}
					PaymentBatch batch = PaymentBatch.create(batchId, Tranche.Person.of(maker), now, lines);
					this.batches.add(batch);
					this.audit.record(maker.username(), now, "batch.created", OBJECT_TYPE, batchId, Map.of(),
							Map.of("reference", batch.reference(), "lines", batch.lineCount(), "controlSumMinor",
									batch.controlSumMinor()));
					return this.batches.find(batchId).orElseThrow();
				}));
	}

	/**
	 * Approved offsets of the organisation, oldest first, each taken whole from this tranche while
	 * it leaves a positive payment: payable → recovered of the recovery's own budget line.
	 */
	private void takeOffsets(Tranche tranche, UUID organisation, Instant now) {
		long left = tranche.amountMinor() - this.recoveries.offsetFrom(tranche.id());
		for (Recovery recovery : this.recoveries.openOffsetsLocked(organisation)) {
			if (recovery.amountMinor() >= left) {
				continue;
			}
			Commitment award = this.commitments.find(recovery.commitmentId()).orElseThrow();
			String recovered = Accounts.recovered(award.budget());
			this.ledger.open(recovered, "RECOVERED", AccountLimit.NONE);
			Transfer transfer = Transfer.single(Accounts.payable(organisation), recovered, recovery.amountMinor(),
					"recovery " + recovery.id() + " offset against tranche " + tranche.id(), now);
			if (!this.ledger.apply(List.of(transfer))) {
				throw new IllegalStateException("An approved tranche's payable always covers its offset: " + tranche.id());
			}
			Recovery settled = recovery.offset(tranche.id(), transfer.id(), now);
			if (!this.recoveries.update(settled)) {
				throw new ConflictException("recovery.changed", "The recovery was changed meanwhile; try again");
			}
			this.audit.record("system", now, "recovery.offset", RecoveryCommands.OBJECT_TYPE, recovery.id(),
					Map.of("state", recovery.state().name()),
					Map.of("state", settled.state().name(), "trancheId", tranche.id().toString()));
			left -= recovery.amountMinor();
		}
	}

	/** Payable → in transit (在途) for every line, all or none. */
	public PaymentBatch send(Caller maker, String key, String keyField, String batchId) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		PaymentBatch.Id id = batchId(batchId);
		String hash = IdempotentCommands.hash(maker, "batch.send", id.toString());
		return this.transactions.execute(tx -> this.idempotent.once(maker, idempotencyKey, keyField, "batch.send", hash,
				PaymentBatch.class, () -> {
					PaymentBatch batch = this.batches.find(id).orElseThrow(() -> new NotFoundException("Payment batch", id));
					if (!FundingAccess.isMaker(maker)) {
						throw new AccessDeniedException("Only finance officers send payment batches");
					}
					Instant now = now();
					this.ledger.open(PaymentAccounts.IN_TRANSIT, "IN_TRANSIT", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
					List<Transfer> transfers = new ArrayList<>();
					List<PaymentLine> sent = new ArrayList<>();
					for (PaymentLine line : batch.lines()) {
						Transfer transfer = Transfer.single(Accounts.payable(line.organisationId()), PaymentAccounts.IN_TRANSIT,
								line.amountMinor(), "batch " + batch.reference() + " line " + line.endToEndId() + " sent", now);
						transfers.add(transfer);
						sent.add(line.sent(transfer.id()));
					}
					PaymentBatch after = batch.sent(Tranche.Person.of(maker), now, sent);
					if (!this.ledger.apply(transfers)) {
						throw new IllegalStateException("Approved tranches always cover their payable: " + batch.reference());
					}
					if (!this.batches.update(after)) {
						throw new ConflictException("batch.changed", "The batch was changed meanwhile; reload and try again");
					}
					this.audit.record(maker.username(), now, "batch.sent", OBJECT_TYPE, id, Map.of("state", batch.state().name()),
							Map.of("state", after.state().name()));
					return this.batches.find(id).orElseThrow();
				}));
	}

	/**
	 * The bank's status report: ACCP/ACSC lines are paid (in transit → the budget's paid account),
	 * RJCT lines are reversed (in transit → payable, naming the send transfer) and their tranches
	 * are FAILED, ready for another batch. Lines not in the report stay SENT for a later report.
	 */
	public PaymentBatch confirm(Caller caller, String key, String keyField, String batchId, List<LineResult> results) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		PaymentBatch.Id id = batchId(batchId);
		Map<String, LineResult> report = report(results);
		String hash = IdempotentCommands.hash(caller, "batch.confirm", id + "|" + report);
		return this.transactions.execute(tx -> this.idempotent.once(caller, idempotencyKey, keyField, "batch.confirm",
				hash, PaymentBatch.class, () -> {
					PaymentBatch batch = this.batches.find(id).orElseThrow(() -> new NotFoundException("Payment batch", id));
					if (!FundingAccess.isMaker(caller)) {
						throw new AccessDeniedException("Only finance officers record the bank's confirmation");
					}
					Map<String, PaymentLine> byEndToEnd = new HashMap<>();
					batch.lines().forEach(l -> byEndToEnd.put(l.endToEndId(), l));
					List<FieldViolation> unknown = new ArrayList<>();
					int i = 0;
					for (String endToEnd : report.keySet()) {
						if (!byEndToEnd.containsKey(endToEnd)) {
							unknown.add(new FieldViolation("lines[" + i + "].end_to_end_id", "line.unknown",
									"is not a line of batch " + batch.reference()));
						}
						i++;
					}
					if (!unknown.isEmpty()) {
						throw new InvalidInputException(unknown);
					}
					if (batch.state() != PaymentBatch.State.SENT) {
						throw new ConflictException("batch.not-sent", "Batch " + batch.reference() + " is " + batch.state());
					}
					Instant now = now();
					List<PaymentLine> after = new ArrayList<>();
					for (PaymentLine line : batch.lines()) {
						LineResult result = report.get(line.endToEndId());
						after.add(result == null ? line : settle(batch, line, result, now));
					}
					PaymentBatch confirmed = batch.withLines(after, now);
					if (!this.batches.update(confirmed)) {
						throw new ConflictException("batch.changed", "The batch was changed meanwhile; reload and try again");
					}
					this.audit.record(caller.username(), now, "batch.confirmed", OBJECT_TYPE, id,
							Map.of("state", batch.state().name()), Map.of("state", confirmed.state().name(), "report",
									report.values().stream().map(r -> r.endToEndId() + "=" + r.status()).toList()));
					return this.batches.find(id).orElseThrow();
				}));
	}

	private PaymentLine settle(PaymentBatch batch, PaymentLine line, LineResult result, Instant now) {
		BankStatus status = BankStatus.valueOf(result.status());
		Tranche tranche = this.tranches.find(line.trancheId()).orElseThrow();
		Transfer transfer;
		if (status.paid()) {
			Commitment award = this.commitments.find(tranche.commitmentId()).orElseThrow();
			String paid = Accounts.paid(award.budget());
			this.ledger.open(paid, "PAID", AccountLimit.NONE);
			transfer = Transfer.single(PaymentAccounts.IN_TRANSIT, paid, line.amountMinor(),
					"batch " + batch.reference() + " line " + line.endToEndId() + " paid (" + status + ")", now);
		}
		else {
			Transfer sent = this.ledger.transfer(line.sendTransferId()).orElseThrow();
			transfer = sent.reversal("batch " + batch.reference() + " line " + line.endToEndId() + " refused by the bank: "
					+ abbreviate(result.reason()), now);
		}
		PaymentLine confirmed = line.confirmed(status, result.reason(), transfer.id(), now);
		if (!this.ledger.apply(List.of(transfer))) {
			throw new IllegalStateException("Money in transit always covers its own line: " + line.endToEndId());
		}
		store(tranche.moveTo(status.paid() ? TrancheAction.CONFIRM_PAID : TrancheAction.CONFIRM_FAILED));
		return confirmed;
	}

	private static Map<String, LineResult> report(List<LineResult> results) {
		List<FieldViolation> violations = new ArrayList<>();
		if (results == null || results.isEmpty()) {
			throw new InvalidInputException("lines", "required", "must give the bank's status of at least one line");
		}
		Map<String, LineResult> report = new java.util.TreeMap<>();
		for (int i = 0; i < results.size(); i++) {
			LineResult r = results.get(i);
			String prefix = "lines[" + i + "].";
			String endToEnd = r.endToEndId() == null ? "" : r.endToEndId().strip();
			if (endToEnd.isEmpty()) {
				violations.add(new FieldViolation(prefix + "end_to_end_id", "required", "must be given"));
				continue;
			}
			String status = r.status() == null ? "" : r.status().strip();
			if (!Set.of("ACCP", "ACSC", "RJCT").contains(status)) {
				violations.add(new FieldViolation(prefix + "status", "status.unknown", "must be ACCP, ACSC or RJCT"));
				continue;
			}
			String reason = r.reason() == null ? "" : r.reason().strip();
			if (status.equals("RJCT") && reason.isEmpty()) {
				violations.add(new FieldViolation(prefix + "reason", "required", "must give the bank's reason for a rejection"));
				continue;
			}
			if (reason.length() > 300) {
				violations.add(new FieldViolation(prefix + "reason", "too-long", "must be at most 300 characters"));
				continue;
			}
			if (report.put(endToEnd, new LineResult(endToEnd, status, reason.isEmpty() ? null : reason)) != null) {
				violations.add(new FieldViolation(prefix + "end_to_end_id", "duplicate", "is reported twice"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return report;
	}

	private static List<Tranche.Id> trancheIds(List<String> texts, String field) {
		if (texts == null || texts.isEmpty()) {
			throw new InvalidInputException(field, "required", "must name at least one approved tranche");
		}
		if (texts.size() > MAX_LINES) {
			throw new InvalidInputException(field, "too-many", "must name at most " + MAX_LINES + " tranches");
		}
		Set<Tranche.Id> ids = new LinkedHashSet<>();
		List<FieldViolation> violations = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			Optional<UUID> id = uuid(texts.get(i));
			if (id.isEmpty()) {
				violations.add(new FieldViolation(field + "[" + i + "]", "id.malformed", "must be a UUID"));
			}
			else if (!ids.add(new Tranche.Id(id.get()))) {
				violations.add(new FieldViolation(field + "[" + i + "]", "duplicate", "names the same tranche twice"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return List.copyOf(ids);
	}

	static PaymentBatch.Id batchId(String text) {
		return uuid(text).map(PaymentBatch.Id::new)
			.orElseThrow(() -> new InvalidInputException("batch_id", "id.malformed", "must be a UUID"));
	}

	static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text == null ? "" : text.strip()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private void store(Tranche tranche) {
		if (!this.tranches.update(tranche)) {
			throw new ConflictException("tranche.changed", "The tranche was changed meanwhile; reload and try again");
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 200 ? text.substring(0, 200) : text;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
