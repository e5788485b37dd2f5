package cn.jiangmen.innovation.review.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.PersonNameKey;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The request to open the review of one item, validated: every bad field is named at once, before
 * anything is written, by the domain's names (the parameters of {@link #of}, {@code organisations[i].id});
 * the gRPC adapter translates them to the contract's names.
 *
 * @param idempotencyKey retries with the same key return the first answer
 * @param owningContext the service that owns the item
 * @param itemId the owner's id of the item
 * @param title the item's title, for reviewers
 * @param fieldCodes priority field codes, for matching experts
 * @param organisationIds organisations on the item, for conflict-of-interest detection
 * @param organisationNames their names in the same order, or none when the owner named none
 * @param submittedAt when the owner accepted the submission, if known
 * @param leaderPersonKey the owner's key of the applicant or project leader, for conflict detection
 * @param memberPersonKeys the owner's keys of team members and co-applicants, with their name keys
 * @param leaderNameKeys the leader's name keys ({@code PersonNameKey}: name at an organisation)
 * @param itemKind what the item is (application, proposal, mid-term check, final acceptance)
 */
public record OpenReview(String idempotencyKey, OwningContext owningContext, UUID itemId, String title,
		List<String> fieldCodes, List<UUID> organisationIds, List<String> organisationNames, Optional<Instant> submittedAt,
		Optional<String> leaderPersonKey, List<String> memberPersonKeys, List<String> leaderNameKeys, ItemKind itemKind) {

	public static final int MAX_KEY_LENGTH = 100;

	public static final int MAX_TITLE_LENGTH = 300;

	public static final int MAX_CODE_LENGTH = 64;

	public static final int MAX_NAME_LENGTH = 200;

	public OpenReview {
		fieldCodes = List.copyOf(fieldCodes);
		organisationIds = List.copyOf(organisationIds);
		organisationNames = List.copyOf(organisationNames);
		memberPersonKeys = List.copyOf(memberPersonKeys);
		leaderNameKeys = List.copyOf(leaderNameKeys);
	}

	/** One organisation on the item as sent: its id, and its name (may be blank) shown to experts. */
	public record OrganisationInput(String id, String name) {
	}

	/** Without people and organisation names (callers that know only organisations). */
	public static OpenReview of(String idempotencyKey, OwningContext owningContext, String itemId, String title,
			List<String> fieldCodes, List<String> organisationIds, Optional<Instant> submittedAt) {
		return of(idempotencyKey, owningContext, itemId, title, fieldCodes,
				organisationIds.stream().map(id -> new OrganisationInput(id, "")).toList(), submittedAt, "", List.of());
	}

	/** From an owner that sends no name keys for its leader. */
	public static OpenReview of(String idempotencyKey, OwningContext owningContext, String itemId, String title,
			List<String> fieldCodes, List<OrganisationInput> organisations, Optional<Instant> submittedAt,
			String leaderPersonKey, List<String> memberPersonKeys) {
		return of(idempotencyKey, owningContext, itemId, title, fieldCodes, organisations, submittedAt, leaderPersonKey,
				memberPersonKeys, List.of());
	}

	/**
	 * Validates raw input. {@code owningContext} is null when the caller left it unspecified or sent
	 * an unknown value.
	 */
	public static OpenReview of(String idempotencyKey, OwningContext owningContext, String itemId, String title,
			List<String> fieldCodes, List<OrganisationInput> organisations, Optional<Instant> submittedAt,
			String leaderPersonKey, List<String> memberPersonKeys, List<String> leaderNameKeys) {
		return of(idempotencyKey, owningContext, itemId, title, fieldCodes, organisations, submittedAt, leaderPersonKey,
				memberPersonKeys, leaderNameKeys, null);
	}

	/**
	 * As above with the item's kind; {@code itemKind} null (unspecified) means the owning context's
	 * first kind, as before kinds existed. A kind of another owner (a talent mid-term check) is refused.
	 */
	public static OpenReview of(String idempotencyKey, OwningContext owningContext, String itemId, String title,
			List<String> fieldCodes, List<OrganisationInput> organisations, Optional<Instant> submittedAt,
			String leaderPersonKey, List<String> memberPersonKeys, List<String> leaderNameKeys, ItemKind itemKind) {
		List<FieldViolation> violations = new ArrayList<>();
		ItemKind kind = itemKind != null ? itemKind : ItemKind.firstOf(owningContext).orElse(null);
		if (kind != null && owningContext != null && !kind.belongsTo(owningContext)) {
			violations.add(new FieldViolation("itemKind", "context",
					"must be an item kind of " + owningContext + " (" + kind + " is not)"));
		}
		String key = idempotencyKey == null ? "" : idempotencyKey.strip();
		if (key.isEmpty()) {
			violations.add(new FieldViolation("idempotencyKey", "required", "must not be blank"));
		}
		else if (key.length() > MAX_KEY_LENGTH) {
			violations.add(new FieldViolation("idempotencyKey", "too-long",
					"must be at most " + MAX_KEY_LENGTH + " characters"));
		}
		if (owningContext == null) {
			violations.add(new FieldViolation("owningContext", "required", "must be TALENT or PROJECT"));
		}
		UUID item = parseUuid(itemId, "itemId", violations);
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
				violations.add(new FieldViolation("fieldCodes[" + i + "]", "malformed",
						"must be a field code of 1 to " + MAX_CODE_LENGTH + " characters"));
			}
			codes.add(code);
		}
		List<UUID> ids = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < organisations.size(); i++) {
			OrganisationInput organisation = organisations.get(i);
			UUID id = parseUuid(organisation.id(), "organisations[" + i + "].id", violations);
			if (id != null) {
				ids.add(id);
			}
			String name = organisation.name() == null ? "" : organisation.name().strip();
			if (name.length() > MAX_NAME_LENGTH) {
				violations.add(new FieldViolation("organisations[" + i + "].name", "too-long",
						"must be at most " + MAX_NAME_LENGTH + " characters"));
			}
			names.add(name);
		}
		String leader = leaderPersonKey == null ? "" : leaderPersonKey.strip();
		if (leader.length() > MAX_CODE_LENGTH * 2) {
			violations.add(new FieldViolation("leaderPersonKey", "too-long", "must be at most " + MAX_CODE_LENGTH * 2 + " characters"));
		}
		List<String> members = new ArrayList<>();
		for (int i = 0; i < memberPersonKeys.size(); i++) {
			String member = memberPersonKeys.get(i) == null ? "" : memberPersonKeys.get(i).strip();
			if (member.isEmpty() || member.length() > MAX_CODE_LENGTH * 2) {
				violations.add(new FieldViolation("memberPersonKeys[" + i + "]", "malformed",
						"must be a person key of 1 to " + MAX_CODE_LENGTH * 2 + " characters"));
			}
			members.add(member);
		}
		List<String> leaderNames = new ArrayList<>();
		for (int i = 0; i < leaderNameKeys.size(); i++) {
			String name = leaderNameKeys.get(i) == null ? "" : leaderNameKeys.get(i).strip();
			if (!name.startsWith(PersonNameKey.PREFIX) || name.length() > MAX_CODE_LENGTH * 2) {
				violations.add(new FieldViolation("leaderNameKeys[" + i + "]", "malformed",
						"must be a name key (" + PersonNameKey.PREFIX + "...) of at most " + MAX_CODE_LENGTH * 2 + " characters"));
			}
			leaderNames.add(name);
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		// The database keeps microseconds: compare retries at that precision.
		// experts see the names before they declare, so they are kept only when the owner named someone
		List<String> shownNames = names.stream().allMatch(String::isEmpty) ? List.of() : names;
		return new OpenReview(key, owningContext, item, cleanTitle, codes, ids, shownNames,
				submittedAt.map(at -> at.truncatedTo(ChronoUnit.MICROS)), Optional.of(leader).filter(l -> !l.isEmpty()),
				members, leaderNames, kind);
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
