package cn.jiangmen.innovation.talent.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The application form as it arrives from REST or gRPC: plain text, anything may be empty. {@link
 * #parse(LocalDate, IdentityFingerprint)} turns it into {@link ApplicationContent}, reporting every malformed field at
 * once (credit code check digit, ORCID checksum, unknown codes, dates in the future, lengths) so
 * that nothing half-checked is stored.
 */
public record ApplicationForm(String title, String category, String priorityField, String summary, String hostName,
		String hostCreditCode, String hostKind, List<Member> team) {

	public static final int MAX_TEAM = 50;

	static final int MAX_TEXT = 200;

	static final int MAX_SUMMARY = 4000;

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	/** One person as entered; {@code identityDocument} is fingerprinted and never stored. */
	public record Member(String name, String role, String title, String degree, String birthDate, String nationality,
			String employer, Boolean fullTime, String orcid, String identityDocument) {
	}

	public ApplicationContent parse(LocalDate today, IdentityFingerprint fingerprint) {
		List<FieldViolation> violations = new ArrayList<>();
		String cleanTitle = text(this.title, "title", MAX_TEXT, violations);
		if (cleanTitle == null && violations.stream().noneMatch(v -> v.field().equals("title"))) {
			violations.add(new FieldViolation("title", "required", "must not be blank"));
		}
		Category cleanCategory = code(Category.class, this.category, "category", violations);
		String field = text(this.priorityField, "priorityField", 100, violations);
		String cleanSummary = text(this.summary, "summary", MAX_SUMMARY, violations);
		String hostNameText = text(this.hostName, "host.name", MAX_TEXT, violations);
		CreditCode creditCode = null;
		if (present(this.hostCreditCode)) {
			try {
				creditCode = CreditCode.parse(this.hostCreditCode, "host.creditCode");
			}
			catch (InvalidInputException ex) {
				violations.addAll(ex.violations());
			}
		}
		OrganisationKind kind = code(OrganisationKind.class, this.hostKind, "host.kind", violations);
		List<TeamMember> members = new ArrayList<>();
		List<Member> input = this.team == null ? List.of() : this.team;
		if (input.size() > MAX_TEAM) {
			violations.add(new FieldViolation("team", "team.too-large", "may have at most " + MAX_TEAM + " people"));
		}
		else {
			for (int i = 0; i < input.size(); i++) {
				members.add(member(input.get(i), "team[" + i + "].", today, fingerprint, violations));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new ApplicationContent(cleanTitle, cleanCategory, field, cleanSummary,
				new HostOrganisation(hostNameText, creditCode, kind), members);
	}

	private static TeamMember member(Member m, String prefix, LocalDate today, IdentityFingerprint fingerprint,
			List<FieldViolation> violations) {
		if (m == null) {
			violations.add(new FieldViolation(prefix.substring(0, prefix.length() - 1), "required", "must not be null"));
			return null;
		}
		String name = text(m.name(), prefix + "name", 100, violations);
		if (name == null && violations.stream().noneMatch(v -> v.field().equals(prefix + "name"))) {
			violations.add(new FieldViolation(prefix + "name", "required", "must not be blank"));
		}
		MemberRole role = code(MemberRole.class, m.role(), prefix + "role", violations);
		if (role == null && violations.stream().noneMatch(v -> v.field().equals(prefix + "role"))) {
			violations.add(new FieldViolation(prefix + "role", "required", "must be given"));
		}
		ProfessionalTitle title = code(ProfessionalTitle.class, m.title(), prefix + "title", violations);
		Degree degree = code(Degree.class, m.degree(), prefix + "degree", violations);
		LocalDate birth = null;
		if (present(m.birthDate())) {
			try {
				birth = LocalDate.parse(m.birthDate().strip());
				if (!birth.isBefore(today) || birth.isBefore(today.minusYears(100))) {
					violations.add(new FieldViolation(prefix + "birthDate", "birth-date.range",
							"must be in the past 100 years"));
				}
			}
			catch (DateTimeParseException ex) {
				violations.add(new FieldViolation(prefix + "birthDate", "date.format", "must be a date like 1980-05-31"));
			}
		}
		String nationality = null;
		if (present(m.nationality())) {
			nationality = m.nationality().strip().toUpperCase(Locale.ROOT);
			if (!COUNTRY.matcher(nationality).matches()) {
				violations.add(new FieldViolation(prefix + "nationality", "nationality.format",
						"must be an ISO 3166 two-letter country code"));
			}
		}
		String employer = text(m.employer(), prefix + "employer", MAX_TEXT, violations);
		Orcid orcid = null;
		if (present(m.orcid())) {
			try {
				orcid = Orcid.parse(m.orcid(), prefix + "orcid");
			}
			catch (InvalidInputException ex) {
				violations.addAll(ex.violations());
			}
		}
		String identityHash = null;
		if (present(m.identityDocument())) {
			String document = m.identityDocument().strip();
			if (document.length() < 5 || document.length() > 40) {
				violations.add(new FieldViolation(prefix + "identityDocument", "identity-document.length",
						"must be 5 to 40 characters"));
			}
			else {
				identityHash = fingerprint.of(document);
			}
		}
		return new TeamMember(name, role, title, degree, birth, nationality, employer, m.fullTime(), orcid,
				identityHash);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static String text(String value, String field, int max, List<FieldViolation> violations) {
		if (!present(value)) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			violations.add(new FieldViolation(field, "too-long", "must be at most " + max + " characters"));
			return null;
		}
		return stripped;
	}

	private static <E extends Enum<E>> E code(Class<E> type, String value, String field,
			List<FieldViolation> violations) {
		if (!present(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			violations.add(new FieldViolation(field, "code.unknown", "is not one of the known values"));
			return null;
		}
	}

}
