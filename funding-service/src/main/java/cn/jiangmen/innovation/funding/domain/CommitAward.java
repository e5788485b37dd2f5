package cn.jiangmen.innovation.funding.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * A validated request to commit an approved award against a budget line, as a schedule of
 * tranches. Every bad field is named at once (names of the gRPC contract), before anything is written.
 */
public record CommitAward(String idempotencyKey, BudgetKey budget, String awardReference, UUID recipientOrganisationId,
		long amountMinor, UUID projectId, List<TrancheRequest> tranches) {

	public static final String CURRENCY = Budget.CURRENCY;

	public static final int MAX_KEY_LENGTH = 100;

	public static final int MAX_CODE_LENGTH = 64;

	public static final int MAX_REFERENCE_LENGTH = 100;

	public static final int MAX_TRANCHES = 60;

	/** A tranche as it arrives, unchecked: texts and the amount's two parts (null when absent). */
	public record RawTranche(String milestoneId, String currencyCode, Long minorUnits, String plannedDate) {
	}

	public CommitAward {
		tranches = List.copyOf(tranches);
	}

	/** {@code currencyCode} and {@code minorUnits} are null when the request carried no amount. */
	public static CommitAward of(String idempotencyKey, String budgetCode, int fiscalYear, String awardReference,
			String recipientOrganisationId, String currencyCode, Long minorUnits, String projectId,
			List<RawTranche> schedule) {
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
		UUID recipient = uuid(recipientOrganisationId, "recipient_organisation_id", true, violations);
		UUID project = uuid(projectId, "project_id", false, violations);
		List<TrancheRequest> tranches = new ArrayList<>();
		long total;
		if (schedule.isEmpty()) {
			total = CnyAmount.ofMinor(currencyCode, minorUnits, "amount", violations);
			tranches.add(new TrancheRequest(null, total, null));
		}
		else {
			if (schedule.size() > MAX_TRANCHES) {
				violations.add(new FieldViolation("tranches", "too-many", "must be at most " + MAX_TRANCHES));
			}
			total = 0;
			for (int i = 0; i < schedule.size(); i++) {
				RawTranche raw = schedule.get(i);
				String field = "tranches[" + i + "]";
				long amount = CnyAmount.ofMinor(raw.currencyCode(), raw.minorUnits(), field + ".amount", violations);
				UUID milestone = uuid(raw.milestoneId(), field + ".milestone_id", false, violations);
				if (milestone != null && project == null && violations.stream().noneMatch(v -> v.field().equals("project_id"))) {
					violations.add(new FieldViolation("project_id", "required", "must be given when a tranche names a milestone"));
				}
				LocalDate planned = date(raw.plannedDate(), field + ".planned_date", violations);
				total = Math.addExact(total, amount);
				tranches.add(new TrancheRequest(milestone, amount, planned));
			}
			if (minorUnits != null && currencyCode != null) {
				long stated = CnyAmount.ofMinor(currencyCode, minorUnits, "amount", violations);
				if (stated > 0 && stated != total) {
					violations.add(new FieldViolation("amount", "amount.differs-from-schedule",
							"must equal the sum of the tranches (" + total + " fen)"));
				}
			}
			if (total > CnyAmount.MAX_MINOR) {
				violations.add(new FieldViolation("tranches", "amount.too-large", "sum must be at most " + CnyAmount.MAX_MINOR + " fen"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new CommitAward(key, new BudgetKey(code, fiscalYear), reference, recipient, total, project, tranches);
	}

	/** SHA-256 of the content (not the key): a retry has the same hash, a reused key does not. */
	public String requestHash() {
		StringBuilder canonical = new StringBuilder().append(this.budget).append('|').append(this.awardReference)
			.append('|').append(this.recipientOrganisationId).append('|').append(this.amountMinor).append('|')
			.append(this.projectId);
		for (TrancheRequest t : this.tranches) {
			canonical.append('|').append(t.milestoneId()).append(',').append(t.amountMinor()).append(',').append(t.plannedDate());
		}
		return sha256(canonical.toString());
	}

	public static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	private static LocalDate date(String text, String field, List<FieldViolation> violations) {
		String value = strip(text);
		if (value.isEmpty()) {
			violations.add(new FieldViolation(field, "required", "must be a date (yyyy-MM-dd)"));
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation(field, "date.malformed", "must be a date (yyyy-MM-dd)"));
			return null;
		}
	}

	private static UUID uuid(String text, String field, boolean required, List<FieldViolation> violations) {
		String value = strip(text);
		if (value.isEmpty() && !required) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(field, "id.malformed", "must be a UUID"));
			return null;
		}
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
