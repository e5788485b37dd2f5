package cn.jiangmen.innovation.review.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.PersonNameKey;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * An expert profile as typed (REST body or gRPC message), before checking. {@link #toExpert}
 * names every bad field at once by the domain's names ({@code affiliations[1].untilYear},
 * {@code relationships[0].reference}...), which each adapter translates to its transport's names.
 */
public record ProfileInput(String displayName, String email, String personKey, List<String> fieldCodes,
		List<AffiliationInput> affiliations, List<CoApplicationInput> coApplications,
		List<RelationshipInput> relationships) {

	/** Years before this are typing mistakes, not careers. */
	static final int FIRST_YEAR = 1950;

	/** @param untilYear null (or absent) while the expert still works there */
	public record AffiliationInput(String organisationId, String organisationName, Integer fromYear, Integer untilYear) {
	}

	/**
	 * A joint application: the person by name and organisation (the directory's id and name);
	 * {@code personKey} is what profiles sent before that, read only when no name is given.
	 */
	public record CoApplicationInput(String personKey, Integer year, String personName, String organisationId,
			String organisationName) {

		/** As sent before people were given by name. */
		public CoApplicationInput(String personKey, Integer year) {
			this(personKey, year, null, null, null);
		}

	}

	/**
	 * @param kind {@code PERSON} or {@code ORGANISATION}
	 * @param reference an organisation's id; for a person, the key sent before people were given by
	 * name (read only when no name is given)
	 */
	public record RelationshipInput(String kind, String reference, String note, String personName,
			String organisationId, String organisationName) {

		/** An organisation, or a person as sent before people were given by name. */
		public RelationshipInput(String kind, String reference, String note) {
			this(kind, reference, note, null, null, null);
		}

	}

	/** A person as given: name and organisation, or (older profiles) a bare key. */
	private record Person(String key, String name, UUID organisationId, String organisationName) {
	}

	public ProfileInput {
		fieldCodes = fieldCodes == null ? List.of() : fieldCodes;
		affiliations = affiliations == null ? List.of() : affiliations;
		coApplications = coApplications == null ? List.of() : coApplications;
		relationships = relationships == null ? List.of() : relationships;
	}

	/**
	 * The checked profile of {@code id}/{@code username}; years may not lie after {@code currentYear};
	 * persons given by name get their key from {@code keys}, as owning services derive the keys they send.
	 */
	public Expert toExpert(ExpertId id, String username, int currentYear, PersonNameKey keys) {
		List<FieldViolation> violations = new ArrayList<>();
		if (username == null || username.isBlank() || username.length() > 200) {
			violations.add(new FieldViolation("username", "required", "must be 1 to 200 characters"));
		}
		if (this.displayName != null && this.displayName.strip().length() > 200) {
			violations.add(new FieldViolation("displayName", "length", "must be at most 200 characters"));
		}
		String mail = this.email == null ? "" : this.email.strip();
		if (!mail.isEmpty() && (mail.length() > 320 || !mail.matches("[^@\\s]+@[^@\\s]+"))) {
			violations.add(new FieldViolation("email", "malformed", "must be an e-mail address"));
		}
		if (this.personKey != null && this.personKey.strip().length() > 200) {
			violations.add(new FieldViolation("personKey", "length", "must be at most 200 characters"));
		}
		Set<String> fields = new LinkedHashSet<>();
		for (int i = 0; i < this.fieldCodes.size(); i++) {
			String code = this.fieldCodes.get(i) == null ? "" : this.fieldCodes.get(i).strip();
			if (code.isEmpty() || code.length() > 64) {
				violations.add(new FieldViolation("fieldCodes[" + i + "]", "malformed", "must be 1 to 64 characters"));
			}
			else {
				fields.add(code);
			}
		}
		List<Affiliation> checkedAffiliations = new ArrayList<>();
		for (int i = 0; i < this.affiliations.size(); i++) {
			affiliation(this.affiliations.get(i), "affiliations[" + i + "].", currentYear, violations)
				.ifPresent(checkedAffiliations::add);
		}
		List<CoApplication> checkedCo = new ArrayList<>();
		for (int i = 0; i < this.coApplications.size(); i++) {
			CoApplicationInput c = this.coApplications.get(i);
			String at = "coApplications[" + i + "].";
			int before = violations.size();
			java.util.Optional<Person> person = person(c.personName(), c.organisationId(), c.organisationName(),
					c.personKey(), at, "personKey", keys, violations);
			if (!year(c.year(), currentYear)) {
				violations.add(new FieldViolation(at + "year", "range", "must be a year from 1950 to this year"));
			}
			if (violations.size() == before) {
				Person p = person.orElseThrow();
				checkedCo.add(new CoApplication(p.key(), c.year(), p.name(), p.organisationId(), p.organisationName()));
			}
		}
		List<DeclaredRelationship> checkedRelationships = new ArrayList<>();
		for (int i = 0; i < this.relationships.size(); i++) {
			relationship(this.relationships.get(i), "relationships[" + i + "].", keys, violations)
				.ifPresent(checkedRelationships::add);
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new Expert(id, username, this.displayName == null ? null : this.displayName.strip(), mail,
				this.personKey == null ? null : this.personKey.strip(), fields, checkedAffiliations, checkedCo,
				checkedRelationships);
	}

	private static java.util.Optional<Affiliation> affiliation(AffiliationInput a, String at, int currentYear,
			List<FieldViolation> violations) {
		int before = violations.size();
		UUID organisation = null;
		try {
			organisation = UUID.fromString(a.organisationId() == null ? "" : a.organisationId().strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(at + "organisationId", "id.malformed", "must be the organisation's UUID"));
		}
		String name = a.organisationName() == null ? "" : a.organisationName().strip();
		if (name.isEmpty() || name.length() > 200) {
			violations.add(new FieldViolation(at + "organisationName", "required", "must be 1 to 200 characters"));
		}
		if (!year(a.fromYear(), currentYear)) {
			violations.add(new FieldViolation(at + "fromYear", "range", "must be a year from 1950 to this year"));
		}
		Integer until = a.untilYear();
		if (until != null && (!year(until, currentYear) || (a.fromYear() != null && until < a.fromYear()))) {
			violations.add(new FieldViolation(at + "untilYear", "range",
					"must lie between the first year and this year, or be empty while still there"));
		}
		if (violations.size() > before) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Affiliation(organisation, name, a.fromYear(),
				until == null ? OptionalInt.empty() : OptionalInt.of(until)));
	}

	private static java.util.Optional<DeclaredRelationship> relationship(RelationshipInput r, String at,
			PersonNameKey keys, List<FieldViolation> violations) {
		int before = violations.size();
		DeclaredRelationship.Kind kind = null;
		try {
			kind = DeclaredRelationship.Kind.valueOf(r.kind() == null ? "" : r.kind().strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(at + "kind", "required", "must be PERSON or ORGANISATION"));
		}
		String note = r.note() == null ? "" : r.note().strip();
		if (note.length() > 500) {
			violations.add(new FieldViolation(at + "note", "length", "must be at most 500 characters"));
		}
		if (kind == DeclaredRelationship.Kind.PERSON) {
			java.util.Optional<Person> person = person(r.personName(), r.organisationId(), r.organisationName(),
					r.reference(), at, "reference", keys, violations);
			return violations.size() > before ? java.util.Optional.empty()
					: person.map(p -> new DeclaredRelationship(DeclaredRelationship.Kind.PERSON, p.key(), note, p.name(),
							p.organisationId(), p.organisationName()));
		}
		String reference = r.reference() == null ? "" : r.reference().strip();
		if (reference.isEmpty() || reference.length() > 200) {
			violations.add(new FieldViolation(at + "reference", "required", "must be 1 to 200 characters"));
			return java.util.Optional.empty();
		}
		if (kind == DeclaredRelationship.Kind.ORGANISATION) {
			try {
				UUID.fromString(reference);
			}
			catch (IllegalArgumentException ex) {
				violations.add(new FieldViolation(at + "reference", "id.malformed", "must be the organisation's UUID"));
				return java.util.Optional.empty();
			}
		}
		return kind == null || violations.size() > before ? java.util.Optional.empty()
				: java.util.Optional.of(new DeclaredRelationship(kind, reference, note));
	}

	/**
	 * A person by name and organisation, their key derived the way owning services derive the keys
	 * they send ({@link PersonNameKey}); or, when no name is given, the bare key an older profile
	 * carries ({@code keyField}). Nothing at all is named as a missing {@code personName}.
	 */
	private static java.util.Optional<Person> person(String personName, String organisationId,
			String organisationName, String typedKey, String at, String keyField, PersonNameKey keys,
			List<FieldViolation> violations) {
		String name = personName == null ? "" : personName.strip();
		String key = typedKey == null ? "" : typedKey.strip();
		if (name.isEmpty() && !key.isEmpty()) {
			if (key.length() > 200) {
				violations.add(new FieldViolation(at + keyField, "length", "must be at most 200 characters"));
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(new Person(key, "", null, ""));
		}
		int before = violations.size();
		if (name.isEmpty() || name.length() > 200) {
			violations.add(new FieldViolation(at + "personName", "required", "must be the person's name, 1 to 200 characters"));
		}
		String orgName = organisationName == null ? "" : organisationName.strip();
		String orgId = organisationId == null ? "" : organisationId.strip();
		UUID organisation = null;
		if (orgName.isEmpty() || orgName.length() > 200) {
			violations.add(new FieldViolation(at + "organisationName", "required",
					"must be the person's organisation, 1 to 200 characters"));
		}
		else {
			try {
				organisation = UUID.fromString(orgId);
			}
			catch (IllegalArgumentException ex) {
				violations.add(new FieldViolation(at + "organisationId", "id.malformed", "must be the organisation's UUID"));
			}
		}
		if (violations.size() > before) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new Person(keys.of(name, orgName).orElseThrow(), name, organisation, orgName));
	}

	private static boolean year(Integer year, int currentYear) {
		return year != null && year >= FIRST_YEAR && year <= currentYear;
	}

}
