package cn.jiangmen.innovation.funding.domain.subsidy;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Tranche.Person;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.domain.Ids;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

import org.jmolecules.ddd.types.Identifier;

/**
 * A subsidy claim of an organisation: a post-subsidy (后补助) for a newly recognised R&D institution
 * or incubator, or a loan interest subsidy (贷款贴息). The amount follows from the year's rule when
 * it is submitted; review by a program manager commits it from the budget (a pending ledger
 * transfer); payment needs four eyes, and approval makes it payable to the organisation.
 */
public record SubsidyClaim(Id id, Instrument instrument, UUID organisationId, int fiscalYear, String programCode,
		long amountMinor, ClaimState state, UUID pendingTransferId, PostSubsidyEvidence postSubsidy,
		InterestSubsidyEvidence interestSubsidy, Person submittedBy, Instant submittedAt, Decision review,
		Person preparedBy, Instant preparedAt, Decision payment, long version) {

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

	/** Who decided, when, and why (the reason required for a refusal or rejection). */
	public record Decision(Person by, Instant at, String reason) {
	}

	public static final int MAX_REASON_LENGTH = 500;

	public SubsidyClaim {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(instrument, "instrument");
		Objects.requireNonNull(organisationId, "organisationId");
		Objects.requireNonNull(state, "state");
		if ((postSubsidy != null) != (instrument == Instrument.POST_SUBSIDY)
				|| (interestSubsidy != null) != (instrument == Instrument.INTEREST_SUBSIDY)) {
			throw new IllegalArgumentException("A claim carries the evidence of its own instrument only");
		}
	}

	public static SubsidyClaim postSubsidy(UUID organisation, int fiscalYear, String programCode, long amountMinor,
			PostSubsidyEvidence evidence, Caller applicant, Instant now) {
		return new SubsidyClaim(Id.newId(), Instrument.POST_SUBSIDY, organisation, fiscalYear, programCode, amountMinor,
				ClaimState.SUBMITTED, null, evidence, null, Person.of(applicant), now, null, null, null, null, 0);
	}

	public static SubsidyClaim interestSubsidy(UUID organisation, int fiscalYear, String programCode, long amountMinor,
			InterestSubsidyEvidence evidence, Caller applicant, Instant now) {
		return new SubsidyClaim(Id.newId(), Instrument.INTEREST_SUBSIDY, organisation, fiscalYear, programCode,
				amountMinor, ClaimState.SUBMITTED, null, null, evidence, Person.of(applicant), now, null, null, null, null, 0);
	}

	/** The manager accepts the evidence; the caller commits the amount as {@code pendingTransfer}. */
	public SubsidyClaim passReview(Caller manager, String note, UUID pendingTransfer, Instant now) {
		ClaimState next = next(ClaimAction.PASS_REVIEW);
		return new SubsidyClaim(this.id, this.instrument, this.organisationId, this.fiscalYear, this.programCode,
				this.amountMinor, next, pendingTransfer, this.postSubsidy, this.interestSubsidy, this.submittedBy,
				this.submittedAt, new Decision(Person.of(manager), now, optional(note)), null, null, null, this.version);
	}

	public SubsidyClaim refuse(Caller manager, String reason, Instant now) {
		ClaimState next = next(ClaimAction.REFUSE);
		return new SubsidyClaim(this.id, this.instrument, this.organisationId, this.fiscalYear, this.programCode,
				this.amountMinor, next, null, this.postSubsidy, this.interestSubsidy, this.submittedBy, this.submittedAt,
				new Decision(Person.of(manager), now, required(reason)), null, null, null, this.version);
	}

	public SubsidyClaim preparePayment(Caller maker, Instant now) {
		ClaimState next = next(ClaimAction.PREPARE_PAYMENT);
		return new SubsidyClaim(this.id, this.instrument, this.organisationId, this.fiscalYear, this.programCode,
				this.amountMinor, next, this.pendingTransferId, this.postSubsidy, this.interestSubsidy, this.submittedBy,
				this.submittedAt, this.review, Person.of(maker), now, null, this.version);
	}

	/** The checker's decision; a rejection needs a reason and goes back to REVIEWED. */
	public SubsidyClaim decidePayment(Caller checker, boolean approve, String reason, Instant now) {
		ClaimState next = next(approve ? ClaimAction.APPROVE_PAYMENT : ClaimAction.REJECT_PAYMENT);
		String why = approve ? optional(reason) : required(reason);
		return new SubsidyClaim(this.id, this.instrument, this.organisationId, this.fiscalYear, this.programCode,
				this.amountMinor, next, this.pendingTransferId, this.postSubsidy, this.interestSubsidy, this.submittedBy,
				this.submittedAt, this.review, this.preparedBy, this.preparedAt, new Decision(Person.of(checker), now, why),
				this.version);
	}

	private ClaimState next(ClaimAction action) {
		return ClaimLifecycle.target(this.state, action)
			.orElseThrow(() -> new ConflictException("claim.transition-not-allowed",
					"A " + this.state + " claim cannot " + action));
	}

	private static String required(String reason) {
		String why = optional(reason);
		if (why == null) {
			throw new InvalidInputException("reason", "required", "must say why");
		}
		return why;
	}

	private static String optional(String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.length() > MAX_REASON_LENGTH) {
			throw new InvalidInputException("reason", "too-long", "must be at most " + MAX_REASON_LENGTH + " characters");
		}
		return why.isEmpty() ? null : why;
	}

}
