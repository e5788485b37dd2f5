package cn.jiangmen.innovation.funding.domain.voucher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Tranche.Person;
import cn.jiangmen.innovation.funding.domain.instrument.VoucherRules;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

import org.jmolecules.ddd.types.Identifier;

/**
 * An innovation voucher (科技创新券) issued to one enterprise: never transferable (only an
 * applicant of that enterprise redeems it), redeemed once, at a registered provider, for at most
 * the rule's share of the contract price, settled with four eyes. Its money is a pending ledger
 * transfer ({@link #pendingTransferId}) until settlement posts it or expiry voids it.
 */
public record Voucher(Id id, UUID enterpriseId, int fiscalYear, String programCode, long faceMinor, int sharePercent,
		LocalDate expiresOn, VoucherState state, UUID pendingTransferId, Person issuedBy, Instant issuedAt,
		Redemption redemption, Settlement settlement, Instant closedAt, long version) {

	public record Id(UUID value) implements Identifier {

		public Id {
			Ids.require(value);
		}

		public static Id newId() {
			return new Id(UUID.randomUUID());
		}

		public static Id parse(String text, String field) {
			return Ids.parse(text, field, Id::new);
		}

		@Override
		public String toString() {
			return this.value.toString();
		}

	}

	/** The service contract the voucher pays part of (服务合同). */
	public record Redemption(UUID providerId, String contractReference, long contractPriceMinor, long redeemedMinor,
			Person redeemedBy, Instant redeemedAt) {
	}

	/** Finance's settlement on evidence (invoice or contract reference), four eyes. */
	public record Settlement(String evidenceReference, Person preparedBy, Instant preparedAt, Person decidedBy,
			Instant decidedAt, String decisionReason) {
	}

	public static final int MAX_REFERENCE_LENGTH = 100;

	public static final int MAX_EVIDENCE_LENGTH = 200;

	public static final int MAX_REASON_LENGTH = 500;

	public Voucher {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(enterpriseId, "enterpriseId");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(pendingTransferId, "pendingTransferId");
	}

	public static Voucher issue(UUID enterprise, int fiscalYear, VoucherRules rules, long faceMinor, UUID pendingTransfer,
			Caller issuer, Instant now) {
		return new Voucher(Id.newId(), enterprise, fiscalYear, rules.programCode(), faceMinor, rules.sharePercent(),
				rules.expiresOn(), VoucherState.ISSUED, pendingTransfer, Person.of(issuer), now, null, null, null, 0);
	}

	/** Past the end date (a Beijing calendar date), an issued voucher can only expire. */
	public boolean expiredOn(LocalDate today) {
		return today.isAfter(this.expiresOn);
	}

	/**
	 * The enterprise redeems at a provider: the voucher pays the rule's share of the price, at most
	 * its face value. The caller swaps the pending transfer for one of the redeemed amount.
	 */
	public Voucher redeem(Caller enterprise, UUID providerId, String contractReference, long contractPriceMinor,
			LocalDate today, UUID newPendingTransfer, Instant now) {
		VoucherState next = next(VoucherAction.REDEEM);
		if (expiredOn(today)) {
			throw new ConflictException("voucher.expired", "The voucher could be redeemed until " + this.expiresOn);
		}
		String reference = text(contractReference, "contractReference", MAX_REFERENCE_LENGTH);
		long share = Math.multiplyExact(contractPriceMinor, (long) this.sharePercent) / 100;
		long redeemed = Math.min(this.faceMinor, share);
		if (redeemed <= 0) {
			throw new InvalidInputException("contractPrice", "amount.too-small",
					"must be large enough that " + this.sharePercent + "% of it is at least one fen");
		}
		return new Voucher(this.id, this.enterpriseId, this.fiscalYear, this.programCode, this.faceMinor,
				this.sharePercent, this.expiresOn, next, newPendingTransfer, this.issuedBy, this.issuedAt,
				new Redemption(providerId, reference, contractPriceMinor, redeemed, Person.of(enterprise), now), null,
				null, this.version);
	}

	public Voucher prepareSettlement(Caller maker, String evidenceReference, Instant now) {
		VoucherState next = next(VoucherAction.PREPARE_SETTLEMENT);
		String evidence = text(evidenceReference, "evidenceReference", MAX_EVIDENCE_LENGTH);
		return with(next, new Settlement(evidence, Person.of(maker), now, null, null, null), null);
	}

	/** The checker's decision; a rejection needs a reason and goes back to REDEEMED. */
	public Voucher decideSettlement(Caller checker, boolean approve, String reason, Instant now) {
		VoucherState next = next(approve ? VoucherAction.APPROVE_SETTLEMENT : VoucherAction.REJECT_SETTLEMENT);
		String why = reason == null ? "" : reason.strip();
		if (!approve && why.isEmpty()) {
			throw new InvalidInputException("reason", "required", "must say why the settlement is rejected");
		}
		if (why.length() > MAX_REASON_LENGTH) {
			throw new InvalidInputException("reason", "too-long", "must be at most " + MAX_REASON_LENGTH + " characters");
		}
		Settlement decided = new Settlement(this.settlement.evidenceReference(), this.settlement.preparedBy(),
				this.settlement.preparedAt(), Person.of(checker), now, why.isEmpty() ? null : why);
		return with(next, decided, approve ? now : null);
	}

	public Voucher expire(Instant now) {
		return with(next(VoucherAction.EXPIRE), this.settlement, now);
	}

	/** The amount the ledger holds for this voucher now: the redeemed amount once redeemed, else the face value. */
	public long committedMinor() {
		return this.redemption == null ? this.faceMinor : this.redemption.redeemedMinor();
	}

	private Voucher with(VoucherState next, Settlement settlement, Instant closedAt) {
		return new Voucher(this.id, this.enterpriseId, this.fiscalYear, this.programCode, this.faceMinor,
				this.sharePercent, this.expiresOn, next, this.pendingTransferId, this.issuedBy, this.issuedAt,
				this.redemption, settlement, closedAt, this.version);
	}

	private VoucherState next(VoucherAction action) {
		return VoucherLifecycle.target(this.state, action)
			.orElseThrow(() -> new ConflictException("voucher.transition-not-allowed",
					"A " + this.state + " voucher cannot " + action));
	}

	private static String text(String value, String field, int max) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException(field, "required", "must be given");
		}
		if (text.length() > max) {
			throw new InvalidInputException(field, "too-long", "must be at most " + max + " characters");
		}
		return text;
	}

}
