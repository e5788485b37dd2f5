package cn.jiangmen.innovation.portal.talent;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.jiangmen.innovation.contracts.talent.v1.CallCategory;
import cn.jiangmen.innovation.contracts.talent.v1.Category;
import cn.jiangmen.innovation.contracts.talent.v1.CreateCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ProfessionalTitle;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.portal.web.ProtoEnums;
import cn.jiangmen.innovation.portal.web.Rejected;
import com.google.protobuf.Timestamp;

import org.springframework.util.MultiValueMap;

/**
 * The manager's "create call" form as typed, and as the talent.v1 request. Field names:
 * {@code title}, {@code opensAt}/{@code closesAt} (datetime-local in the bureau's zone),
 * {@code priorityFields} (checked boxes of project-service's priority fields) plus {@code otherFields}
 * (one per line),
 * {@code categories} (the checked categories) and per category {@code <CATEGORY>.maxLeaderAge},
 * {@code .minTeamSize}, {@code .titles}, {@code .leaderFullTime}, {@code .fieldMustBeInCall}.
 * The portal only parses (times, whole numbers); every rule is talent-service's.
 */
public record CallForm(String title, String opensAt, String closesAt, Set<String> priorityFields, String otherFields,
		Map<String, CategoryForm> categories) {

	static final int MAX_FIELDS = 30;

	/** One category's eligibility rules as typed; {@code funded} is its checkbox. */
	public record CategoryForm(boolean funded, String maxLeaderAge, String minTeamSize, Set<String> titles,
			boolean leaderFullTime, boolean fieldMustBeInCall) {
	}

	/**
	 * A new form, filled with the bureau's usual rules as a starting point (teams of five led by a
	 * senior researcher of at most 55, leading talents of at most 60, overseas young talents of at
	 * most 40; the manager changes them per call), and the talent programs' usual fields checked.
	 *
	 * @param fields the fields checked at first: the current province-city linked ones (seed 四(二))
	 */
	static CallForm blank(List<String> fields) {
		Set<String> senior = Set.of("PROFESSOR", "RESEARCHER", "SENIOR_ENGINEER_PROFESSOR_LEVEL");
		Map<String, CategoryForm> categories = new LinkedHashMap<>();
		categories.put("TEAM_RND_INDUSTRIALISATION", new CategoryForm(true, "55", "5", senior, true, true));
		categories.put("TEAM_APPLIED_BASIC_RESEARCH", new CategoryForm(true, "55", "5", senior, true, true));
		categories.put("LEADING_TALENT", new CategoryForm(true, "60", "1", senior, true, true));
		categories.put("OVERSEAS_YOUNG_TALENT", new CategoryForm(true, "40", "1", Set.of(), true, true));
		return new CallForm("", "", "", new LinkedHashSet<>(fields), "", categories);
	}

	static CallForm from(MultiValueMap<String, String> params) {
		Set<String> funded = Set.copyOf(values(params, "categories"));
		Map<String, CategoryForm> categories = new LinkedHashMap<>();
		for (String category : TalentPagesController.CATEGORIES) {
			Set<String> titles = new LinkedHashSet<>(values(params, category + ".titles"));
			categories.put(category,
					new CategoryForm(funded.contains(category), value(params, category + ".maxLeaderAge"),
							value(params, category + ".minTeamSize"), titles,
							"true".equals(value(params, category + ".leaderFullTime")),
							"true".equals(value(params, category + ".fieldMustBeInCall"))));
		}
		return new CallForm(value(params, "title"), value(params, "opensAt"), value(params, "closesAt"),
				new LinkedHashSet<>(values(params, "priorityFields")), value(params, "otherFields"), categories);
	}

	/** The field names talent-service's violations point at, as the ids of this form's inputs. */
	static String inputId(String field) {
		if (field == null) {
			return "";
		}
		if (field.startsWith("categories[")) {
			int end = field.indexOf(']');
			if (end < 0) {
				return "categories";
			}
			String category = field.substring("categories[".length(), end);
			String rest = field.substring(end + 1);
			return switch (rest) {
				case "" -> "cat-" + category;
				case ".maxLeaderAge" -> "cat-" + category + "-maxLeaderAge";
				case ".minTeamSize" -> "cat-" + category + "-minTeamSize";
				case ".requiredLeaderTitles" -> "cat-" + category + "-titles";
				default -> "cat-" + category;
			};
		}
		if (field.startsWith("priorityFields[")) {
			return "priorityFields";
		}
		return switch (field) {
			case "title", "opensAt", "closesAt", "categories", "priorityFields" -> field;
			default -> "";
		};
	}

	/** Every priority field: the checked boxes, then the typed ones (one per line), without repeats. */
	List<String> allPriorityFields() {
		Set<String> all = new LinkedHashSet<>();
		this.priorityFields.stream().map(String::strip).filter(code -> !code.isEmpty()).forEach(all::add);
		this.otherFields.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(all::add);
		return new ArrayList<>(all);
	}

	/**
	 * The request, or the problems the portal finds itself (a time or a number it cannot read), in
	 * which case nothing may be sent.
	 */
	Parsed parse(ZoneId zone) {
		List<Rejected.Violation> problems = new ArrayList<>();
		CreateCallRequest.Builder request = CreateCallRequest.newBuilder()
			.setTitle(this.title)
			.addAllPriorityFields(allPriorityFields());
		if (allPriorityFields().size() > MAX_FIELDS) {
			problems.add(new Rejected.Violation("priorityFields", "too-many"));
		}
		time(this.opensAt, "opensAt", zone, problems).ifPresent(request::setOpensAt);
		time(this.closesAt, "closesAt", zone, problems).ifPresent(request::setClosesAt);
		this.categories.forEach((category, rules) -> {
			if (!rules.funded()) {
				return;
			}
			String path = "categories[" + category + "]";
			CallCategory.Builder proto = CallCategory.newBuilder()
				.setCategory(ProtoEnums.value(Category.class, category))
				.addAllRequiredLeaderTitles(
						rules.titles().stream().map(t -> ProtoEnums.value(ProfessionalTitle.class, t)).toList())
				.setLeaderFullTime(rules.leaderFullTime())
				.setFieldMustBeInCall(rules.fieldMustBeInCall());
			number(rules.maxLeaderAge(), path + ".maxLeaderAge", problems).ifPresent(proto::setMaxLeaderAge);
			number(rules.minTeamSize(), path + ".minTeamSize", problems).ifPresent(proto::setMinTeamSize);
			request.addCategories(proto);
		});
		return new Parsed(problems.isEmpty() ? request.build() : null, problems);
	}

	/** What {@link #parse} found: the request when there is nothing to fix. */
	record Parsed(CreateCallRequest request, List<Rejected.Violation> problems) {
	}

	private static Optional<Timestamp> time(String text, String field, ZoneId zone,
			List<Rejected.Violation> problems) {
		if (text.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(ProtoTimes.timestamp(LocalDateTime.parse(text).atZone(zone).toInstant()));
		}
		catch (DateTimeParseException ex) {
			problems.add(new Rejected.Violation(field, "datetime.format"));
			return Optional.empty();
		}
	}

	/** Empty is 0 (for the age limit: none); anything but a whole number is a problem. */
	private static Optional<Integer> number(String text, String field,
			List<Rejected.Violation> problems) {
		if (text.isEmpty()) {
			return Optional.of(0);
		}
		try {
			return Optional.of(Integer.parseInt(text));
		}
		catch (NumberFormatException ex) {
			problems.add(new Rejected.Violation(field, "number.format"));
			return Optional.empty();
		}
	}

	private static String value(MultiValueMap<String, String> params, String key) {
		String value = params.getFirst(key);
		return value == null ? "" : value.strip();
	}

	private static List<String> values(MultiValueMap<String, String> params, String key) {
		List<String> values = params.get(key);
		return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
	}

}
