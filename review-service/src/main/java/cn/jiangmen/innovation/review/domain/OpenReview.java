package cn.jiangmen.innovation.review.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The request to open the review of one item, validated: every bad field is named at once, before
 * anything is written. Field names are those of the gRPC contract.
 *
 * @param idempotencyKey retries with the same key return the first answer
 * @param owningContext the service that owns the item
 * @param itemId the owner's id of the item
 * @param title the item's title, for reviewers
 * @param fieldCodes priority field codes, for matching experts
 * @param organisationIds organisations on the item, for conflict-of-interest detection
 * @param submittedAt when the owner accepted the submission, if known
 * @param leaderPersonKey the owner's key of the applicant or project leader, for conflict detection
 * @param memberPersonKeys the owner's keys of team members and co-applicants
 */
public record OpenReview(String idempotencyKey, OwningContext owningContext, UUID itemId, String title,
		List<String> fieldCodes, List<UUID> organisationIds, List<String> organisationNames, Optional<Instant> submittedAt,
		Optional<String> leaderPersonKey, List<String> memberPersonKeys) {

	public static final int MAX_KEY_LENGTH = 100;

	public static final int MAX_TITLE_LENGTH = 300;

	public static final int MAX_CODE_LENGTH = 64;

	public static final int MAX_NAME_LENGTH = 200;

	public OpenReview {
		fieldCodes = List.copyOf(fieldCodes);
		organisationIds = List.copyOf(organisationIds);
		organisationNames = List.copyOf(organisationNames);
		memberPersonKeys = List.copyOf(memberPersonKeys);
	}

	/** Without people (kept for callers that know only organisations). */
	public static OpenReview of(String idempotencyKey, OwningContext owningContext, String itemId, String title,
			List<String> fieldCodes, List<String> organisationIds, Optional<Instant> submittedAt) {
		return of(idempotencyKey, owningContext, itemId, title, fieldCodes, organisationIds, List.of(), submittedAt, "",
				List.of());
	}

	/**
	 * Validates raw input. {@code owningContext} is null when the caller left it unspecified or sent
	 * an unknown value.
	 */
	public static OpenReview of(String idempotencyKey, OwningContext owningContext, String itemId, String title,
			List<String> fieldCodes, List<String> organisationIds, List<String> organisationNames,
			Optional<Instant> submittedAt, String leaderPersonKey, List<String> memberPersonKeys) {
		List<FieldViolation> violations = new ArrayList<>();
		String key = idempotencyKey == null ? "" : idempotencyKey.strip();
		if (key.isEmpty()) {
			violations.add(new FieldViolation("idempotency_key", "required", "must not be blank"));
		}
		else if (key.length() > MAX_KEY_LENGTH) {
			violations.add(new FieldViolation("idempotency_key", "too-long",
					"must be at most " + MAX_KEY_LENGTH + " characters"));
		}
		if (owningContext == null) {
			violations.add(new FieldViolation("owning_context", "required", "must be TALENT or PROJECT"));
		}
		UUID item = parseUuid(itemId, "item_id", violations);
		String cleanTitle = title == null ? "" : title.strip();
		if (cleanTitle.isEmpty()) {
			violations.add(new FieldViolation("title", "required", "must not be blank"));
		}
		else if (cleanTitle.length() > MAX_TITLE_LENGTH) {
			violations.add(new FieldViolation("title", "too-long", "must be at most " + MAX_TITLE_LENGTH + " characters"));
		}
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < fieldCodes.size(); i++) {
			String code = fieldCodes.get(i) == null ? "" : fieldCodes.get(i).strip();
			if (code.isEmpty() || code.length() > MAX_CODE_LENGTH) {
				violations.add(new FieldViolation("field_codes[" + i + "]", "malformed",
						"must be a field code of 1 to " + MAX_CODE_LENGTH + " characters"));
			}
			codes.add(code);
		}
		List<UUID> organisations = new ArrayList<>();
		for (int i = 0; i < organisationIds.size(); i++) {
			UUID organisation = parseUuid(organisationIds.get(i), "organisation_ids[" + i + "]", violations);
			if (organisation != null) {
				organisations.add(organisation);
			}
		}
		// names are shown to experts (before they declare), so they come with the ids or not at all
		List<String> names = new ArrayList<>();
		if (!organisationNames.isEmpty() && organisationNames.size() != organisationIds.size()) {
			violations.add(new FieldViolation("organisation_names", "size",
					"must name every organisation of organisation_ids, in the same order, or none"));
		}
		for (int i = 0; i < organisationNames.size(); i++) {
			String name = organisationNames.get(i) == null ? "" : organisationNames.get(i).strip();
			if (name.length() > MAX_NAME_LENGTH) {
				violations.add(new FieldViolation("organisation_names[" + i + "]", "too-long",
						"must be at most " + MAX_NAME_LENGTH + " characters"));
			}
			names.add(name);
		}
		String leader = leaderPersonKey == null ? "" : leaderPersonKey.strip();
		if (leader.length() > MAX_CODE_LENGTH * 2) {
			violations.add(new FieldViolation("leader_person_key", "too-long", "must be at most " + MAX_CODE_LENGTH * 2 + " characters"));
		}
		List<String> members = new ArrayList<>();
		for (int i = 0; i < memberPersonKeys.size(); i++) {
			String member = memberPersonKeys.get(i) == null ? "" : memberPersonKeys.get(i).strip();
			if (member.isEmpty() || member.length() > MAX_CODE_LENGTH * 2) {
				violations.add(new FieldViolation("member_person_keys[" + i + "]", "malformed",
						"must be a person key of 1 to " + MAX_CODE_LENGTH * 2 + " characters"));
			}
			members.add(member);
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		// The database keeps microseconds: compare retries at that precision.
		return new OpenReview(key, owningContext, item, cleanTitle, codes, organisations, names,
				submittedAt.map(at -> at.truncatedTo(ChronoUnit.MICROS)), Optional.of(leader).filter(l -> !l.isEmpty()),
				members);
	}

	private static UUID parseUuid(String text, String field, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			violations.add(new FieldViolation(field, "required", "must not be blank"));
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(field, "id.malformed", "must be a UUID"));
			return null;
		}
	}

}
