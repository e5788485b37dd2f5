package cn.jiangmen.innovation.talent.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * A call (round) for talent applications: which categories it funds with their eligibility rules,
 * which priority fields it favours, and when it takes submissions. Deadlines are instants judged by
 * the server clock; people see them in Asia/Shanghai.
 */
public final class TalentCall {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/**
	 * The suite's one code system for priority fields (project-service's reference data): lower-case
	 * letters and digits in dash-separated words, at most 64 characters.
	 */
	static final java.util.regex.Pattern FIELD_CODE = java.util.regex.Pattern.compile("(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*");

	static final int MAX_TITLE_LENGTH = 200;

	private final CallId id;

	private final String title;

	private final Map<Category, EligibilityRules> categories;

	private final List<String> priorityFields;

	private final Instant opensAt;

	private final Instant closesAt;

	private CallStatus status;

	private final Instant createdAt;

	private final long version;

	public TalentCall(CallId id, String title, Map<Category, EligibilityRules> categories, List<String> priorityFields,
			Instant opensAt, Instant closesAt, CallStatus status, Instant createdAt, long version) {
		this.id = Objects.requireNonNull(id, "id");
		this.title = Objects.requireNonNull(title, "title");
		this.categories = new EnumMap<>(categories);
		this.priorityFields = List.copyOf(priorityFields);
		this.opensAt = Objects.requireNonNull(opensAt, "opensAt");
		this.closesAt = Objects.requireNonNull(closesAt, "closesAt");
		this.status = Objects.requireNonNull(status, "status");
		this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
		this.version = version;
	}

	/** A new call in DRAFT, every problem reported at once naming its field. */
	public static TalentCall create(String title, Map<Category, EligibilityRules> categories,
			List<String> priorityFields, Instant opensAt, Instant closesAt, Instant now) {
		List<FieldViolation> violations = new ArrayList<>();
		if (title == null || title.isBlank()) {
			violations.add(new FieldViolation("title", "required", "must not be blank"));
		}
		else if (title.strip().length() > MAX_TITLE_LENGTH) {
			violations.add(new FieldViolation("title", "too-long", "must be at most 200 characters"));
		}
		if (categories == null || categories.isEmpty()) {
			violations.add(new FieldViolation("categories", "required", "must name at least one category"));
		}
		if (priorityFields == null || priorityFields.isEmpty()
				|| priorityFields.stream().anyMatch(f -> f == null || f.isBlank())) {
			violations.add(new FieldViolation("priorityFields", "required", "must name at least one field"));
		}
		else {
			for (int i = 0; i < priorityFields.size(); i++) {
				if (!FIELD_CODE.matcher(priorityFields.get(i).strip()).matches()) {
					violations.add(new FieldViolation("priorityFields[" + i + "]", "field-code.format",
							"must be a priority-field code such as rail-transit-equipment (lower-case letters, digits, dashes)"));
				}
			}
		}
		if (opensAt == null) {
			violations.add(new FieldViolation("opensAt", "required", "must be given"));
		}
		if (closesAt == null) {
			violations.add(new FieldViolation("closesAt", "required", "must be given"));
		}
		else if (opensAt != null && !closesAt.isAfter(opensAt)) {
			violations.add(new FieldViolation("closesAt", "call.closes-before-opening", "must be after opensAt"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new TalentCall(CallId.newId(), title.strip(), categories,
				priorityFields.stream().map(String::strip).distinct().toList(), opensAt, closesAt, CallStatus.DRAFT,
				now, 0);
	}

	/** Publishes the call; opening twice is a conflict, not a silent success. */
	public void open() {
		if (this.status == CallStatus.OPEN) {
			throw new ConflictException("call.already-open", "The call is already open");
		}
		this.status = CallStatus.OPEN;
	}

	/** Whether a first submission (or a withdrawal) is accepted at {@code now}. */
	public boolean acceptsSubmissionsAt(Instant now) {
		return this.status == CallStatus.OPEN && !now.isBefore(this.opensAt) && now.isBefore(this.closesAt);
	}

	/** Open and not yet closed: drafts may be started. */
	public boolean acceptsDraftsAt(Instant now) {
		return this.status == CallStatus.OPEN && now.isBefore(this.closesAt);
	}

	public Optional<EligibilityRules> rulesFor(Category category) {
		return Optional.ofNullable(this.categories.get(category));
	}

	/** The day ages are counted on: the closing day in Asia/Shanghai. */
	public LocalDate referenceDay() {
		return this.closesAt.atZone(ZONE).toLocalDate();
	}

	public CallId id() {
		return this.id;
	}

	public String title() {
		return this.title;
	}

	public Map<Category, EligibilityRules> categories() {
		return java.util.Collections.unmodifiableMap(this.categories);
	}

	public List<String> priorityFields() {
		return this.priorityFields;
	}

	public Instant opensAt() {
		return this.opensAt;
	}

	public Instant closesAt() {
		return this.closesAt;
	}

	public CallStatus status() {
		return this.status;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public long version() {
		return this.version;
	}

}
