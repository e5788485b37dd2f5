package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.config.PaymentProperties;
import cn.jiangmen.innovation.funding.domain.Commitment;
import cn.jiangmen.innovation.funding.domain.CommitmentId;
import cn.jiangmen.innovation.funding.domain.Commitments;
import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.Tranches;
import cn.jiangmen.innovation.funding.domain.payment.BatchCsv;
import cn.jiangmen.innovation.funding.domain.payment.Pain001;
import cn.jiangmen.innovation.funding.domain.payment.PaymentBatch;
import cn.jiangmen.innovation.funding.domain.payment.PaymentBatches;
import cn.jiangmen.innovation.funding.domain.payment.PaymentLine;
import cn.jiangmen.innovation.funding.domain.payment.Recoveries;
import cn.jiangmen.innovation.funding.domain.payment.Recovery;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.paging.PageRequest;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What funding shows about money on its way: awards with their schedules, a tranche's payment
 * status (every line that carried it), batches and their files, recoveries. Finance, managers and
 * auditors read all; an applicant reads their organisation's awards, tranches and recoveries, and
 * never batches (other organisations' accounts are in them). Unknown and unreadable are both 404.
 */
@Service
public class PaymentQueries {

	/** An award with its schedule. */
	public record Award(Commitment commitment, List<Tranche> tranches) {
	}

	/** A tranche and every batch line that carried it, oldest first. */
	public record PaymentStatus(Tranche tranche, UUID organisationId, long offsetMinor, List<PaymentLine> lines) {

		public Optional<PaymentLine> latest() {
			return this.lines.isEmpty() ? Optional.empty() : Optional.of(this.lines.get(this.lines.size() - 1));
		}

	}

	/** A generated file: its text and the SHA-256 of its UTF-8 bytes. */
	public record File(String name, String text, String sha256) {
	}

	private final PaymentBatches batches;

	private final Tranches tranches;

	private final Commitments commitments;

	private final Recoveries recoveries;

	private final PaymentProperties properties;

	private final Clock clock;

	public PaymentQueries(PaymentBatches batches, Tranches tranches, Commitments commitments, Recoveries recoveries,
			PaymentProperties properties, Clock clock) {
		this.batches = batches;
		this.tranches = tranches;
		this.commitments = commitments;
		this.recoveries = recoveries;
		this.properties = properties;
		this.clock = clock;
	}

	public Award award(Caller caller, String commitmentId) {
		CommitmentId id = PaymentBatchCommands.uuid(commitmentId).map(CommitmentId::new)
			.orElseThrow(() -> new InvalidInputException("commitment_id", "id.malformed", "must be a UUID"));
		Commitment award = this.commitments.find(id)
			.filter(c -> FundingAccess.mayReadAward(caller, c.recipientOrganisationId()))
			.orElseThrow(() -> new NotFoundException("Award", id));
		return new Award(award, this.tranches.ofCommitment(id));
	}

	public PaymentStatus paymentStatus(Caller caller, String trancheId) {
		Tranche.Id id = PaymentBatchCommands.uuid(trancheId).map(Tranche.Id::new)
			.orElseThrow(() -> new InvalidInputException("tranche_id", "id.malformed", "must be a UUID"));
		Tranche tranche = this.tranches.find(id).orElseThrow(() -> new NotFoundException("Tranche", id));
		Commitment award = this.commitments.find(tranche.commitmentId()).orElseThrow();
		if (!FundingAccess.mayReadAward(caller, award.recipientOrganisationId())) {
			throw new NotFoundException("Tranche", id);
		}
		return new PaymentStatus(tranche, award.recipientOrganisationId(), this.recoveries.offsetFrom(id),
				this.batches.linesOf(id));
	}

	public PaymentBatch batch(Caller caller, String batchId) {
		PaymentBatch.Id id = PaymentBatchCommands.batchId(batchId);
		PaymentBatch batch = this.batches.find(id).orElseThrow(() -> new NotFoundException("Payment batch", id));
		requireFinance(caller);
		return batch;
	}

	public List<PaymentBatch> batches(Caller caller, PageRequest page) {
		requireFinance(caller);
		return this.batches.page(page.offset(), page.size());
	}

	/** The ISO 20022 pain.001.001.09 credit-transfer file, executed on the day it is made (Beijing time). */
	public File pain001(Caller caller, String batchId) {
		PaymentBatch batch = batch(caller, batchId);
		String xml = Pain001.write(batch, this.properties.debtor(), batch.createdAt(),
				LocalDate.ofInstant(batch.createdAt(), AwardCommitments.BUREAU_ZONE));
		return new File(batch.reference() + ".pain.001.001.09.xml", xml, BatchCsv.sha256(xml));
	}

	public File csv(Caller caller, String batchId) {
		PaymentBatch batch = batch(caller, batchId);
		String csv = BatchCsv.write(batch);
		return new File(batch.reference() + ".csv", csv, BatchCsv.sha256(csv));
	}

	public Recovery recovery(Caller caller, String recoveryId) {
		Recovery.Id id = RecoveryCommands.recoveryId(recoveryId);
		return this.recoveries.find(id)
			.filter(r -> FundingAccess.mayReadAward(caller, r.organisationId()))
			.orElseThrow(() -> new NotFoundException("Recovery", id));
	}

	/** Finance, managers and auditors see every recovery; an applicant their organisation's. */
	public List<Recovery> recoveries(Caller caller, PageRequest page) {
		UUID only = null;
		// an organisation nobody belongs to: true only for the roles that read every award
		if (!FundingAccess.mayReadAward(caller, new UUID(0, 0))) {
			if (!caller.hasRole("applicant") || caller.organisationId().isEmpty()) {
				throw new AccessDeniedException("Recoveries are read by finance, managers, auditors and the beneficiary");
			}
			only = caller.organisationId().get();
		}
		return this.recoveries.page(only, page.offset(), page.size());
	}

	private static void requireFinance(Caller caller) {
		if (!FundingAccess.mayReadBudgets(caller)) {
			throw new AccessDeniedException("Batches hold every beneficiary's account: finance, managers and auditors only");
		}
	}

}
