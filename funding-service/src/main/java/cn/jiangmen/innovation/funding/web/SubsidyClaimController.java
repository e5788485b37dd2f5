package cn.jiangmen.innovation.funding.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.funding.application.SubsidyCommands;
import cn.jiangmen.innovation.funding.domain.CnyAmount;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.subsidy.ClaimFilter;
import cn.jiangmen.innovation.funding.domain.subsidy.InstitutionKind;
import cn.jiangmen.innovation.funding.domain.subsidy.LoanInput;
import cn.jiangmen.innovation.funding.domain.subsidy.RecognitionLevel;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Post-subsidies (后补助) and loan interest subsidies (贷款贴息) over REST: the organisation claims,
 * a program manager reviews, finance pays with four eyes. Commands need an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/funding")
@Tag(name = "Subsidy claims", description = "后补助 and 贷款贴息: claim with evidence, review, payment with four eyes")
class SubsidyClaimController {

	static final String KEY = TrancheController.KEY;

	private final SubsidyCommands commands;

	SubsidyClaimController(SubsidyCommands commands) {
		this.commands = commands;
	}

	/** A post-subsidy claim: kind RND_INSTITUTION or INCUBATOR, level NATIONAL, PROVINCIAL or CITY. */
	record PostSubsidyClaim(Integer fiscalYear, String kind, String level, String recognitionDocument,
			String recognisedOn) {
	}

	/** A principal repayment: date (yyyy-MM-dd) and amount in yuan. */
	record RepaymentRequest(String date, String principal) {
	}

	/** An interest-subsidy claim: the loan with its schedule; amounts in yuan beside one currency. */
	record InterestSubsidyClaim(Integer fiscalYear, String loanContract, String lender, String principal,
			String currency, String annualRatePercent, String drawdownDate, List<RepaymentRequest> repayments) {
	}

	/** A review or payment decision. */
	record Decision(String decision, String reason) {
	}

	@PostMapping("/post-subsidy-claims")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "An applicant claims the post-subsidy of a newly recognised R&D institution or incubator",
			description = "The amount is the year's rule for the level; 400 naming recognisedOn outside the rule's window.")
	SubsidyClaimView claimPostSubsidy(@RequestHeader(name = KEY, required = false) String key,
			@RequestBody PostSubsidyClaim body) {
		List<FieldViolation> violations = new ArrayList<>();
		InstitutionKind kind = value(InstitutionKind.class, body.kind(), "kind", violations);
		RecognitionLevel level = value(RecognitionLevel.class, body.level(), "level", violations);
		LocalDate recognisedOn = date(body.recognisedOn(), "recognisedOn", violations);
		if (body.fiscalYear() == null) {
			violations.add(new FieldViolation("fiscalYear", "required", "must be given"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return SubsidyClaimView.of(this.commands.submitPostSubsidy(Callers.current(), key, KEY, body.fiscalYear(), kind,
				level, body.recognitionDocument(), recognisedOn));
	}

	@PostMapping("/interest-subsidy-claims")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "An applicant claims the interest subsidy of a loan for a fiscal year",
			description = "Interest ACT/365 Fixed on the outstanding principal, rounded once to the fen half-up; the rule's "
					+ "share rounded once half-up; cut to what is left of the enterprise's yearly cap (409 claim.cap-exhausted).")
	SubsidyClaimView claimInterestSubsidy(@RequestHeader(name = KEY, required = false) String key,
			@RequestBody InterestSubsidyClaim body) {
		if (body.fiscalYear() == null) {
			throw new InvalidInputException("fiscalYear", "required", "must be given");
		}
		return SubsidyClaimView.of(this.commands.submitInterestSubsidy(Callers.current(), key, KEY, body.fiscalYear(),
				body.loanContract(), body.lender(), () -> {
					List<FieldViolation> amounts = new ArrayList<>();
					long principal = CnyAmount.ofYuan(body.principal(), body.currency(), "principal", amounts);
					List<LoanInput.RawRepayment> repayments = new ArrayList<>();
					List<RepaymentRequest> sent = body.repayments() == null ? List.of() : body.repayments();
					for (int i = 0; i < sent.size(); i++) {
						RepaymentRequest r = sent.get(i);
						long minor = CnyAmount.ofYuan(r == null ? null : r.principal(), body.currency(),
								"repayments[" + i + "].principal", amounts);
						repayments.add(new LoanInput.RawRepayment(r == null ? null : r.date(), minor));
					}
					return LoanInput.check(principal, body.annualRatePercent(), body.drawdownDate(), repayments,
							"repayments", dedupe(amounts));
				}));
	}

	@GetMapping("/subsidy-claims")
	@Operation(operationId = "listSubsidyClaims", summary = "Claims of one instrument (POST_SUBSIDY or INTEREST_SUBSIDY), newest first; an applicant sees their organisation's")
	List<SubsidyClaimView> list(@RequestParam(name = "instrument") String instrument,
			@RequestParam(name = "organisationId", required = false) String organisationId,
			@RequestParam(name = "offset", defaultValue = "0") int offset,
			@RequestParam(name = "limit", defaultValue = "50") int limit) {
		List<FieldViolation> violations = new ArrayList<>();
		Instrument which = value(Instrument.class, instrument, "instrument", violations);
		if (which == Instrument.VOUCHER) {
			violations.add(new FieldViolation("instrument", "value.unknown", "must be POST_SUBSIDY or INTEREST_SUBSIDY"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return this.commands.list(Callers.current(), new ClaimFilter(which, null, null, null), organisationId, Math.max(0, offset), Math.max(1, Math.min(200, limit)))
			.stream()
			.map(SubsidyClaimView::of)
			.toList();
	}

	@GetMapping("/subsidy-claims/{claimId}")
	@Operation(operationId = "getSubsidyClaim", summary = "One claim: its organisation and bureau staff (404 for anyone else)")
	SubsidyClaimView find(@PathVariable("claimId") String claimId) {
		return SubsidyClaimView.of(this.commands.find(Callers.current(), claimId));
	}

	@PostMapping("/subsidy-claims/{claimId}/review")
	@Operation(summary = "A program manager passes (commits the amount from the budget) or refuses (with a reason) a claim",
			description = "decision PASS or REFUSE; 409 budget.insufficient when the budget line cannot cover it.")
	SubsidyClaimView review(@PathVariable("claimId") String claimId,
			@RequestHeader(name = KEY, required = false) String key, @RequestBody Decision body) {
		String verdict = body.decision() == null ? "" : body.decision().strip();
		if (!verdict.equals("PASS") && !verdict.equals("REFUSE")) {
			throw new InvalidInputException("decision", "required", "must be PASS or REFUSE");
		}
		return SubsidyClaimView.of(this.commands.review(Callers.current(), key, KEY, claimId, verdict.equals("PASS"),
				body.reason()));
	}

	@PostMapping("/subsidy-claims/{claimId}/payment")
	@Operation(summary = "A finance officer prepares the payment of a reviewed claim")
	SubsidyClaimView preparePayment(@PathVariable("claimId") String claimId,
			@RequestHeader(name = KEY, required = false) String key) {
		return SubsidyClaimView.of(this.commands.preparePayment(Callers.current(), key, KEY, claimId));
	}

	@PostMapping("/subsidy-claims/{claimId}/payment/decision")
	@Operation(summary = "A finance approver other than the maker approves (payable to the organisation) or rejects",
			description = "403 for the maker of the payment, whatever roles they hold.")
	SubsidyClaimView decidePayment(@PathVariable("claimId") String claimId,
			@RequestHeader(name = KEY, required = false) String key, @RequestBody Decision body) {
		String verdict = body.decision() == null ? "" : body.decision().strip();
		if (!verdict.equals("APPROVE") && !verdict.equals("REJECT")) {
			throw new InvalidInputException("decision", "required", "must be APPROVE or REJECT");
		}
		return SubsidyClaimView.of(this.commands.decidePayment(Callers.current(), key, KEY, claimId,
				verdict.equals("APPROVE"), body.reason()));
	}

	/** The currency is named once however many amounts carry it. */
	private static List<FieldViolation> dedupe(List<FieldViolation> violations) {
		return violations.stream().distinct().toList();
	}

	static <E extends Enum<E>> E value(Class<E> type, String text, String field, List<FieldViolation> violations) {
		try {
			return Enum.valueOf(type, text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(field, "value.unknown", "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
			return null;
		}
	}

	static LocalDate date(String text, String field, List<FieldViolation> violations) {
		try {
			return LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation(field, "date.malformed", "must be a date as yyyy-MM-dd"));
			return null;
		}
	}

}
