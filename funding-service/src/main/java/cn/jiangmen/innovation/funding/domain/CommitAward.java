package cn.jiangmen.innovation.funding.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * A validated request to commit an approved award against a budget line. Every bad field is named
 * at once (names of the gRPC contract), before anything is written.
 */
public record CommitAward(String idempotencyKey, BudgetKey budget, String awardReference, UUID recipientOrganisationId,
		long amountMinor) {

	public static final String CURRENCY = "CNY";

	public static final int MAX_KEY_LENGTH = 100;

	public static final int MAX_CODE_LENGTH = 64;

	public static final int MAX_REFERENCE_LENGTH = 100;

	/** {@code currencyCode} and {@code minorUnits} are null when the request carried no amount. */
	public static CommitAward of(String idempotencyKey, String budgetCode, int fiscalYear, String awardReference,
			String recipientOrganisationId, String currencyCode, Long minorUnits) {
		List<FieldViolation> violations = new ArrayList<>();
		String key = strip(idempotencyKey);
		requireText(key, "idempotency_key", MAX_KEY_LENGTH, violations);
		String code = strip(budgetCode);
		requireText(code, "budget_code", MAX_CODE_LENGTH, violations);
		if (fiscalYear < 2000 || fiscalYear > 2100) {
			violations.add(new FieldViolation("fiscal_year", "range", "must be a year between 2000 and 2100"));
		}
		String reference = strip(awardReference);
		requireText(reference, "award_reference", MAX_REFERENCE_LENGTH, violations);
		UUID recipient = null;
		try {
			recipient = UUID.fromString(strip(recipientOrganisationId));
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation("recipient_organisation_id", "id.malformed", "must be a UUID"));
		}
		if (currencyCode == null || minorUnits == null) {
			violations.add(new FieldViolation("amount", "required", "must be given"));
		}
		else {
			if (!CURRENCY.equals(currencyCode)) {
				violations.add(new FieldViolation("amount.currency_code", "currency.unsupported",
						"must be CNY: every program of the bureau is funded in yuan"));
			}
			if (minorUnits <= 0) {
				violations.add(new FieldViolation("amount.minor_units", "amount.not-positive",
						"must be a positive amount in fen"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new CommitAward(key, new BudgetKey(code, fiscalYear), reference, recipient, minorUnits);
	}

	private static String strip(String text) {
		return text == null ? "" : text.strip();
	}

	private static void requireText(String text, String field, int max, List<FieldViolation> violations) {
		if (text.isEmpty()) {
			violations.add(new FieldViolation(field, "required", "must not be blank"));
		}
		else if (text.length() > max) {
			violations.add(new FieldViolation(field, "too-long", "must be at most " + max + " characters"));
		}
	}

}
