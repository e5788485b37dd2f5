package cn.jiangmen.innovation.portal.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.contracts.review.v1.ExpertAffiliation;
import cn.jiangmen.innovation.contracts.review.v1.ExpertCoApplication;
import cn.jiangmen.innovation.contracts.review.v1.ExpertProfile;
import cn.jiangmen.innovation.contracts.review.v1.ExpertRelationship;
import cn.jiangmen.innovation.contracts.review.v1.RelationshipKind;

import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;

import org.springframework.util.MultiValueMap;

/**
 * The expert's "my profile" form as typed: fields of expertise (the suite's priority-field codes
 * as boxes, other codes as text), current organisations, past organisations with years, joint
 * applications with years and declared relationships, in rows; fully empty rows are the page's
 * spare ones and are dropped. Current and past organisations are both the profile's affiliations
 * (a past one has its last year), so what review-service names {@code affiliations[i]} is mapped
 * back to the row it came from.
 */
public record ProfileForm(String displayName, String email, Set<String> fields, String otherFields,
		List<Org> current, List<Org> past, List<Joint> joint, List<Relation> relations) {

	public record Org(String id, String name, String from, String until) {

		boolean isEmpty() {
			return this.id.isBlank() && this.name.isBlank() && this.from.isBlank() && this.until.isBlank();
		}

	}

	/**
	 * A joint application: the co-applicant by name and organisation (chosen by name from the
	 * directory; {@code organisationId} is the directory's id once resolved). {@code key} is what a
	 * profile saved before people were given by name holds instead: kept (sent back as it was) until
	 * the expert enters a name.
	 */
	public record Joint(String person, String organisation, String organisationId, String key, String year) {

		boolean isEmpty() {
			return this.person.isBlank() && this.organisation.isBlank() && this.key.isBlank() && this.year.isBlank();
		}

		/** Shown as an earlier entry by key: no name given, a key kept. */
		public boolean byKey() {
			return this.person.isBlank() && !this.key.isBlank();
		}

	}

	/**
	 * A declared relationship with a person (name and their organisation) or an organisation (its name);
	 * organisations are chosen by name from the directory. {@code key}: as in {@link Joint}.
	 */
	public record Relation(String kind, String person, String organisation, String organisationId, String key,
			String note) {

		boolean isEmpty() {
			return this.person.isBlank() && this.organisation.isBlank() && this.key.isBlank() && this.note.isBlank();
		}

		/** Shown as an earlier entry by key: a person without a name, a key kept. */
		public boolean byKey() {
			return "PERSON".equals(this.kind) && this.person.isBlank() && !this.key.isBlank();
		}

	}

	static final int MAX_ROWS = 20;

	/** The form with its organisations named by the directory, and the rows whose name it does not know. */
	record Resolved(ProfileForm form, List<cn.jiangmen.innovation.portal.web.Rejected.Violation> unknown) {
	}

	/**
	 * An expert chooses organisations by name (the page offers the directory's names): each typed
	 * name is looked up in the directory and the row takes that entry's id and registered name; a
	 * name the directory does not know is named as {@code current[i].organisation_name},
	 * {@code past[i].organisation_name}, {@code joint[i].organisation_name} or
	 * {@code relation[i].organisation_name} with reason {@code unknown}. Nobody types an id or a key.
	 */
	Resolved resolveOrganisations(OrganisationDirectory directory) {
		List<cn.jiangmen.innovation.portal.web.Rejected.Violation> unknown = new ArrayList<>();
		List<Org> resolvedCurrent = resolve("current", this.current, directory, unknown);
		List<Org> resolvedPast = resolve("past", this.past, directory, unknown);
		List<Joint> resolvedJoint = new ArrayList<>();
		for (int i = 0; i < this.joint.size(); i++) {
			Joint j = this.joint.get(i);
			var entry = named(directory, j.organisation(), "joint[" + i + "]", unknown);
			resolvedJoint.add(entry.map(o -> new Joint(j.person(), o.name(), o.id().toString(), j.key(), j.year()))
				.orElse(new Joint(j.person(), j.organisation(), "", j.key(), j.year())));
		}
		List<Relation> resolvedRelations = new ArrayList<>();
		for (int i = 0; i < this.relations.size(); i++) {
			Relation r = this.relations.get(i);
			var entry = named(directory, r.organisation(), "relation[" + i + "]", unknown);
			resolvedRelations.add(entry
				.map(o -> new Relation(r.kind(), r.person(), o.name(), o.id().toString(), r.key(), r.note()))
				.orElse(new Relation(r.kind(), r.person(), r.organisation(), "", r.key(), r.note())));
		}
		return new Resolved(new ProfileForm(this.displayName, this.email, this.fields, this.otherFields,
				resolvedCurrent, resolvedPast, resolvedJoint, resolvedRelations), unknown);
	}

	/** The directory's entry of a typed name; blank is none, an unknown name is named at {@code row}. */
	private static java.util.Optional<cn.jiangmen.innovation.platform.organisation.Organisation> named(
			OrganisationDirectory directory, String name, String row,
			List<cn.jiangmen.innovation.portal.web.Rejected.Violation> unknown) {
		if (name.isBlank()) {
			return java.util.Optional.empty();
		}
		var entry = byName(directory, name.strip());
		if (entry.isEmpty()) {
			unknown.add(new cn.jiangmen.innovation.portal.web.Rejected.Violation(row + ".organisation_name", "unknown"));
		}
		return entry;
	}

	/** As the page shows it: a declared organisation by its name in the directory, not its id. */
	ProfileForm withOrganisationNames(OrganisationDirectory directory) {
		List<Relation> named = this.relations.stream().map(r -> {
			if (!"ORGANISATION".equals(r.kind()) || r.organisationId().isBlank()) {
				return r;
			}
			try {
				return directory.find(java.util.UUID.fromString(r.organisationId().strip()))
					.map(o -> new Relation(r.kind(), "", o.name(), r.organisationId(), "", r.note()))
					.orElse(r);
			}
			catch (IllegalArgumentException ex) {
				return r;
			}
		}).toList();
		return new ProfileForm(this.displayName, this.email, this.fields, this.otherFields, this.current,
				this.past, this.joint, named);
	}

	private static java.util.Optional<cn.jiangmen.innovation.platform.organisation.Organisation> byName(
			OrganisationDirectory directory, String name) {
		return directory.search(name, 50).stream().filter(o -> o.name().equalsIgnoreCase(name)).findFirst();
	}

	private static List<Org> resolve(String kind, List<Org> rows, OrganisationDirectory directory,
			List<cn.jiangmen.innovation.portal.web.Rejected.Violation> unknown) {
		List<Org> resolved = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Org row = rows.get(i);
			String name = row.name().strip();
			if (name.isEmpty()) {
				resolved.add(new Org("", "", row.from(), row.until()));
				continue;
			}
			var entry = byName(directory, name);
			if (entry.isPresent()) {
				resolved.add(new Org(entry.get().id().toString(), entry.get().name(), row.from(), row.until()));
			}
			else {
				resolved.add(new Org("", row.name(), row.from(), row.until()));
				unknown.add(new cn.jiangmen.innovation.portal.web.Rejected.Violation(
						kind + "[" + i + "].organisation_name", "unknown"));
			}
		}
		return resolved;
	}

	private static final Pattern ROW = Pattern.compile("(current|past|joint|relation)\\[(\\d{1,2})]\\.(\\w+)");

	private static final Pattern SENT = Pattern.compile("(affiliations|co_applications|relationships)\\[(\\d+)](.*)");

	/** The profile as read, the priority fields' codes (retired ones too) as boxes and the rest as text. */
	static ProfileForm of(ExpertProfile p, Predicate<String> knownField) {
		Set<String> boxes = new LinkedHashSet<>();
		List<String> others = new ArrayList<>();
		p.getFieldCodesList().forEach(code -> (knownField.test(code) ? boxes : others).add(code));
		List<Org> current = new ArrayList<>();
		List<Org> past = new ArrayList<>();
		for (ExpertAffiliation a : p.getAffiliationsList()) {
			Org org = new Org(a.getOrganisationId(), a.getOrganisationName(), year(a.getFromYear()), year(a.getUntilYear()));
			(a.getUntilYear() == 0 ? current : past).add(org);
		}
		return new ProfileForm(p.getDisplayName(), p.getEmail(), boxes, String.join(", ", others),
				current, past,
				p.getCoApplicationsList()
					.stream()
					.map(c -> new Joint(c.getPersonName(), c.getOrganisationName(), c.getOrganisationId(),
							c.getPersonName().isEmpty() ? c.getPersonKey() : "", year(c.getYear())))
					.toList(),
				p.getRelationshipsList().stream().map(ProfileForm::relation).toList());
	}

	private static Relation relation(ExpertRelationship r) {
		String kind = kind(r.getKind());
		if (!"PERSON".equals(kind)) {
			// an organisation: its id until withOrganisationNames puts the directory's name beside it
			return new Relation(kind, "", r.getReference(), r.getReference(), "", r.getNote());
		}
		return new Relation(kind, r.getPersonName(), r.getOrganisationName(), r.getOrganisationId(),
				r.getPersonName().isEmpty() ? r.getReference() : "", r.getNote());
	}

	static ProfileForm from(MultiValueMap<String, String> form) {
		Map<Integer, String[]> current = new TreeMap<>();
		Map<Integer, String[]> past = new TreeMap<>();
		Map<Integer, String[]> joint = new TreeMap<>();
		Map<Integer, String[]> relations = new TreeMap<>();
		for (String key : form.keySet()) {
			Matcher m = ROW.matcher(key);
			if (!m.matches() || Integer.parseInt(m.group(2)) >= MAX_ROWS) {
				continue;
			}
			int row = Integer.parseInt(m.group(2));
			String v = value(form, key);
			switch (m.group(1)) {
				case "current", "past" -> {
					String[] org = ("current".equals(m.group(1)) ? current : past).computeIfAbsent(row,
							r -> new String[] { "", "", "", "" });
					switch (m.group(3)) {
						case "id" -> org[0] = v;
						case "name" -> org[1] = v;
						case "from" -> org[2] = v;
						case "until" -> org[3] = v;
						default -> {
						}
					}
				}
				case "joint" -> {
					String[] j = joint.computeIfAbsent(row, r -> new String[] { "", "", "", "" });
					switch (m.group(3)) {
						case "person" -> j[0] = v;
						case "organisation" -> j[1] = v;
						case "key" -> j[2] = v;
						case "year" -> j[3] = v;
						default -> {
						}
					}
				}
				default -> {
					String[] r = relations.computeIfAbsent(row, x -> new String[] { "", "", "", "", "" });
					switch (m.group(3)) {
						case "kind" -> r[0] = v;
						case "person" -> r[1] = v;
						case "organisation" -> r[2] = v;
						case "key" -> r[3] = v;
						case "note" -> r[4] = v;
						default -> {
						}
					}
				}
			}
		}
		Set<String> fields = new LinkedHashSet<>();
		List<String> boxes = form.get("field");
		if (boxes != null) {
			boxes.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(fields::add);
		}
		return new ProfileForm(value(form, "display_name"), value(form, "email"), fields,
				value(form, "other_fields"),
				rows(current).stream().map(o -> new Org(o[0], o[1], o[2], "")).toList(),
				rows(past).stream().map(o -> new Org(o[0], o[1], o[2], o[3])).toList(),
				rows(joint).stream().map(j -> new Joint(j[0], j[1], "", j[2], j[3])).toList(),
				rows(relations).stream().map(r -> new Relation(r[0], r[1], r[2], "", r[3], r[4])).toList());
	}

	/** Typed rows in order, gaps as empty rows (their numbering stays as on the page). */
	private static List<String[]> rows(Map<Integer, String[]> byRow) {
		List<String[]> rows = new ArrayList<>();
		int size = byRow.isEmpty() ? 0 : ((TreeMap<Integer, String[]>) byRow).lastKey() + 1;
		int width = byRow.isEmpty() ? 0 : byRow.values().iterator().next().length;
		for (int i = 0; i < size; i++) {
			String[] row = byRow.get(i);
			if (row == null) {
				row = new String[width];
				Arrays.fill(row, "");
			}
			rows.add(row);
		}
		return rows;
	}

	ExpertProfile toProfile() {
		ExpertProfile.Builder p = ExpertProfile.newBuilder()
			.setDisplayName(this.displayName)
			.setEmail(this.email)
			.addAllFieldCodes(codes());
		for (Org org : this.current) {
			if (!org.isEmpty()) {
				p.addAffiliations(affiliation(org, false));
			}
		}
		for (Org org : this.past) {
			if (!org.isEmpty()) {
				p.addAffiliations(affiliation(org, true));
			}
		}
		for (Joint j : this.joint) {
			if (!j.isEmpty()) {
				// a name (review-service derives the key) or, for an earlier entry left as it was, its key
				p.addCoApplications(ExpertCoApplication.newBuilder()
					.setPersonName(j.person())
					.setOrganisationId(j.organisationId())
					.setOrganisationName(j.organisation())
					.setPersonKey(j.byKey() ? j.key() : "")
					.setYear(year(j.year())));
			}
		}
		for (Relation r : this.relations) {
			if (r.isEmpty()) {
				continue;
			}
			ExpertRelationship.Builder relationship = ExpertRelationship.newBuilder()
				.setKind(ReviewChoices.relationshipKind(r.kind()))
				.setNote(r.note());
			if ("PERSON".equals(r.kind())) {
				relationship.setPersonName(r.person())
					.setOrganisationId(r.organisationId())
					.setOrganisationName(r.organisation())
					.setReference(r.byKey() ? r.key() : "");
			}
			else {
				relationship.setReference(r.organisationId());
			}
			p.addRelationships(relationship);
		}
		return p.build();
	}

	/** The boxes ticked and the other codes typed (comma, semicolon or space separated), each once. */
	List<String> codes() {
		Set<String> codes = new LinkedHashSet<>(this.fields);
		for (String code : this.otherFields.split("[,;，；\\s]+")) {
			if (!code.isBlank()) {
				codes.add(code.strip());
			}
		}
		return List.copyOf(codes);
	}

	/** A past organisation without its last year would read as current: sent as a year no range takes. */
	private static ExpertAffiliation affiliation(Org org, boolean past) {
		int until = past ? (org.until().isBlank() ? -1 : year(org.until())) : 0;
		return ExpertAffiliation.newBuilder()
			.setOrganisationId(org.id())
			.setOrganisationName(org.name())
			.setFromYear(year(org.from()))
			.setUntilYear(until)
			.build();
	}

	/**
	 * What review-service named, as the rows and inputs of this page ({@code past[1].until_year},
	 * {@code joint[0].person_name}...): a person's key and an organisation's id are never typed, so
	 * what is said of them is shown at the name typed instead.
	 */
	UnaryOperator<String> fieldNames() {
		List<String> affiliationRows = new ArrayList<>();
		for (int i = 0; i < this.current.size(); i++) {
			if (!this.current.get(i).isEmpty()) {
				affiliationRows.add("current[" + i + "]");
			}
		}
		for (int i = 0; i < this.past.size(); i++) {
			if (!this.past.get(i).isEmpty()) {
				affiliationRows.add("past[" + i + "]");
			}
		}
		List<String> jointRows = sentRows("joint", this.joint.stream().map(Joint::isEmpty).toList());
		List<String> relationRows = sentRows("relation", this.relations.stream().map(Relation::isEmpty).toList());
		List<Relation> sentRelations = this.relations.stream().filter(r -> !r.isEmpty()).toList();
		return field -> {
			Matcher m = SENT.matcher(field);
			if (!m.matches()) {
				return field;
			}
			int i = Integer.parseInt(m.group(2));
			List<String> rows = switch (m.group(1)) {
				case "affiliations" -> affiliationRows;
				case "co_applications" -> jointRows;
				default -> relationRows;
			};
			if (i >= rows.size()) {
				return field;
			}
			String input = m.group(3);
			if (!"affiliations".equals(m.group(1))) {
				input = switch (input) {
					case ".organisation_id" -> ".organisation_name";
					case ".person_key" -> ".person_name";
					case ".reference" -> "PERSON".equals(sentRelations.get(i).kind()) ? ".person_name" : ".organisation_name";
					default -> input;
				};
			}
			return rows.get(i) + input;
		};
	}

	private static List<String> sentRows(String name, List<Boolean> empty) {
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < empty.size(); i++) {
			if (!empty.get(i)) {
				rows.add(name + "[" + i + "]");
			}
		}
		return rows;
	}

	/** The rows to show: the typed ones and one (organisations now: one) or two spare. */
	public List<Org> currentRows() {
		return spare(this.current, Org::isEmpty, new Org("", "", "", ""), 1);
	}

	public List<Org> pastRows() {
		return spare(this.past, Org::isEmpty, new Org("", "", "", ""), 2);
	}

	public List<Joint> jointRows() {
		return spare(this.joint, Joint::isEmpty, new Joint("", "", "", "", ""), 2);
	}

	public List<Relation> relationRows() {
		return spare(this.relations, Relation::isEmpty, new Relation("PERSON", "", "", "", "", ""), 2);
	}

	private static <T> List<T> spare(List<T> rows, java.util.function.Predicate<T> isEmpty, T empty, int spares) {
		List<T> shown = new ArrayList<>(rows);
		while (!shown.isEmpty() && isEmpty.test(shown.get(shown.size() - 1))) {
			shown.remove(shown.size() - 1);
		}
		for (int i = 0; i < spares && shown.size() < MAX_ROWS; i++) {
			shown.add(empty);
		}
		return shown;
	}

	private static String year(int year) {
		return year == 0 ? "" : Integer.toString(year);
	}

	/** Empty is 0 (not given, named by review-service); other text is a year no range takes. */
	private static int year(String text) {
		if (text.isBlank()) {
			return 0;
		}
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String kind(RelationshipKind kind) {
		return kind == RelationshipKind.RELATIONSHIP_KIND_UNSPECIFIED ? "PERSON" : ReviewChoices.code(kind);
	}

	private static String value(MultiValueMap<String, String> form, String key) {
		String v = form.getFirst(key);
		return v == null ? "" : v.strip();
	}

}
