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
 * <p>
 * {@code hostName}, {@code hostCreditCode} and {@code hostKind} are not read: the host organisation
 * (依托单位) is the applicant's organisation in the directory, never what a form says
 * ({@code ApplicationCommands} puts it in). The REST and gRPC forms still carry the fields for
 * old clients; whatever they hold is ignored.
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

	/** What a partial save keeps: the content to store and the fields that kept their previous value. */
	public record Parsed(ApplicationContent content, List<FieldViolation> violations) {

		public Parsed {
			violations = List.copyOf(violations);
		}

	}

	/** Every malformed field at once as an {@link InvalidInputException}; nothing half-checked. */
	public ApplicationContent parse(LocalDate today, IdentityFingerprint fingerprint) {
		Parsed parsed = parse(today, fingerprint, null);
		if (!parsed.violations().isEmpty()) {
			throw new InvalidInputException(parsed.violations());
		}
		return parsed.content();
	}

	/**
	 * For autosave: what passes its check is taken, a field that does not keeps its value in
	 * {@code previous} (or stays empty) and is named in {@link Parsed#violations()}, so one bad field
	 * never throws away the rest. A person's identity document is never sent back to the form, so a
	 * person saved again without one keeps the fingerprint already stored for the same name. A team
	 * row whose name or role is unusable and was not stored before is left out (and named).
	 */
	public Parsed parseKeeping(LocalDate today, IdentityFingerprint fingerprint, ApplicationContent previous) {
		return parse(today, fingerprint, java.util.Objects.requireNonNull(previous, "previous"));
	}

	private Parsed parse(LocalDate today, IdentityFingerprint fingerprint, ApplicationContent previous) {
		List<FieldViolation> violations = new ArrayList<>();
		HostOrganisation before = previous == null ? HostOrganisation.EMPTY : previous.host();
		String cleanTitle = keep(violations, "title", previous == null ? null : previous.title(),
				v -> text(this.title, "title", MAX_TEXT, v));
		if (cleanTitle == null && violations.stream().noneMatch(v -> v.field().equals("title"))) {
			violations.add(new FieldViolation("title", "required", "must not be blank"));
			cleanTitle = previous == null ? null : previous.title();
		}
		Category cleanCategory = keep(violations, "category", previous == null ? null : previous.category(),
				v -> code(Category.class, this.category, "category", v));
		String field = keep(violations, "priorityField", previous == null ? null : previous.priorityField(),
				v -> text(this.priorityField, "priorityField", 100, v));
		String cleanSummary = keep(violations, "summary", previous == null ? null : previous.summary(),
				v -> text(this.summary, "summary", MAX_SUMMARY, v));
		// the host organisation is never read from the form: the commands take it from the organisation directory
		HostOrganisation host = before;
		List<TeamMember> members = new ArrayList<>();
		List<Member> input = this.team == null ? List.of() : this.team;
		List<TeamMember> earlier = previous == null ? List.of() : previous.team();
		if (input.size() > MAX_TEAM) {
			violations.add(new FieldViolation("team", "team.too-large", "may have at most " + MAX_TEAM + " people"));
			members.addAll(earlier);
		}
		else {
			List<TeamMember> unmatched = new ArrayList<>(earlier);
			for (int i = 0; i < input.size(); i++) {
				TeamMember was = previous == null ? null : match(input.get(i), i, earlier, unmatched);
				TeamMember member = member(input.get(i), "team[" + i + "].", today, fingerprint, was, previous != null,
						violations);
				if (member != null) {
					members.add(member);
				}
			}
		}
		if (cleanTitle == null) {
			// only without a previous content (parse throws): nothing is built from it
			return new Parsed(new ApplicationContent("", cleanCategory, field, cleanSummary,
					host, members), violations);
		}
		return new Parsed(new ApplicationContent(cleanTitle, cleanCategory, field, cleanSummary,
				host, members), violations);
	}

	/** The person stored before for this row: the same name first, else the same place in the list. */
	private static TeamMember match(Member m, int index, List<TeamMember> earlier, List<TeamMember> unmatched) {
		String name = m == null || m.name() == null ? null : m.name().strip();
		if (name != null) {
			for (TeamMember candidate : unmatched) {
				if (name.equals(candidate.name())) {
					unmatched.remove(candidate);
					return candidate;
				}
			}
		}
		return index < earlier.size() ? earlier.get(index) : null;
	}

	/**
	 * Runs one field's check; when it named the field, the previous value stands instead of
	 * whatever the check returned.
	 */
	private static <T> T keep(List<FieldViolation> violations, String field, T previous,
			java.util.function.Function<List<FieldViolation>, T> check) {
		int before = violations.size();
		T value = check.apply(violations);
		return violations.size() > before ? previous : value;
	}

	private static TeamMember member(Member m, String prefix, LocalDate today, IdentityFingerprint fingerprint,
			TeamMember was, boolean keeping, List<FieldViolation> violations) {
		if (m == null) {
			violations.add(new FieldViolation(prefix.substring(0, prefix.length() - 1), "required", "must not be null"));
			return null;
		}
		TeamMember w = was == null ? new TeamMember(null, null, null, null, null, null, null, null, null, null) : was;
		String name = keep(violations, prefix + "name", w.name(), v -> text(m.name(), prefix + "name", 100, v));
		if (name == null && violations.stream().noneMatch(v -> v.field().equals(prefix + "name"))) {
			violations.add(new FieldViolation(prefix + "name", "required", "must not be blank"));
			name = w.name();
		}
		MemberRole role = keep(violations, prefix + "role", w.role(),
				v -> code(MemberRole.class, m.role(), prefix + "role", v));
		if (role == null && violations.stream().noneMatch(v -> v.field().equals(prefix + "role"))) {
			violations.add(new FieldViolation(prefix + "role", "required", "must be given"));
			role = w.role();
		}
		ProfessionalTitle title = keep(violations, prefix + "title", w.title(),
				v -> code(ProfessionalTitle.class, m.title(), prefix + "title", v));
		Degree degree = keep(violations, prefix + "degree", w.degree(),
				v -> code(Degree.class, m.degree(), prefix + "degree", v));
		LocalDate birth = keep(violations, prefix + "birthDate", w.birthDate(), v -> {
			if (!present(m.birthDate())) {
				return null;
			}
			try {
				LocalDate date = LocalDate.parse(m.birthDate().strip());
				if (!date.isBefore(today) || date.isBefore(today.minusYears(100))) {
					v.add(new FieldViolation(prefix + "birthDate", "birth-date.range", "must be in the past 100 years"));
				}
				return date;
			}
			catch (DateTimeParseException ex) {
				v.add(new FieldViolation(prefix + "birthDate", "date.format", "must be a date like 1980-05-31"));
				return null;
			}
		});
		String nationality = keep(violations, prefix + "nationality", w.nationality(), v -> {
			if (!present(m.nationality())) {
				return null;
			}
			String code = m.nationality().strip().toUpperCase(Locale.ROOT);
			if (!COUNTRY.matcher(code).matches()) {
				v.add(new FieldViolation(prefix + "nationality", "nationality.format",
						"must be an ISO 3166 two-letter country code"));
			}
			return code;
		});
		String employer = keep(violations, prefix + "employer", w.employer(),
				v -> text(m.employer(), prefix + "employer", MAX_TEXT, v));
		Orcid orcid = keep(violations, prefix + "orcid", w.orcid(), v -> {
			if (!present(m.orcid())) {
				return null;
			}
			try {
				return Orcid.parse(m.orcid(), prefix + "orcid");
			}
			catch (InvalidInputException ex) {
				v.addAll(ex.violations());
				return null;
			}
		});
		boolean sameName = was != null && name != null && name.equals(was.name());
		String identityHash = keep(violations, prefix + "identityDocument", sameName ? was.identityHash() : null, v -> {
			if (!present(m.identityDocument())) {
				// never shown again, so not sent again: the same person keeps the fingerprint stored
				return keeping && sameName ? was.identityHash() : null;
			}
			String document = m.identityDocument().strip();
			if (document.length() < 5 || document.length() > 40) {
				v.add(new FieldViolation(prefix + "identityDocument", "identity-document.length",
						"must be 5 to 40 characters"));
				return null;
			}
			return fingerprint.of(document);
		});
		if (name == null || role == null) {
			return null;
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
