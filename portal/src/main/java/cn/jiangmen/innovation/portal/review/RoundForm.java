package cn.jiangmen.innovation.portal.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.Criterion;
import cn.jiangmen.innovation.contracts.review.v1.OpenRoundRequest;
import cn.jiangmen.innovation.contracts.review.v1.Rubric;

import org.springframework.util.MultiValueMap;

/**
 * The "open a round" form as typed, kept as text so that a rejected form comes back exactly as
 * sent. {@link #toRequest} turns it into the review.v1 request: rows left fully empty are the
 * page's spare rows and are dropped, points become hundredths, the deadline is read in the
 * bureau's zone. Text that is no number is sent as a value review-service refuses, so that every
 * check stays in one place and its message lands next to the field.
 */
public record RoundForm(String name, String context, Set<String> items, List<Row> criteria, String scaleMin,
		String scaleMax, String overallThreshold, boolean blind, String deadline, String reviewersPerItem,
		String maxItemsPerExpert, String disagreementLimit, boolean autoAssign) {

	/** One criterion row of the rubric editor. */
	public record Row(String code, String name, String weight, String threshold) {

		static final Row EMPTY = new Row("", "", "", "");

		boolean isEmpty() {
			return this.code.isBlank() && this.name.isBlank() && this.weight.isBlank() && this.threshold.isBlank();
		}

	}

	/** Spare empty rows offered under the filled ones. */
	static final int SPARE_ROWS = 2;

	static final int MAX_ROWS = 20;

	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static final Pattern ROW = Pattern.compile("criteria\\[(\\d{1,2})]\\.(code|name|weight|threshold)");

	private static final Pattern SENT_ROW = Pattern.compile("rubric\\.criteria\\[(\\d+)](.*)");

	private static final Pattern SENT_ITEM = Pattern.compile("review_item_ids\\[(\\d+)]");

	/** A blank form: the usual rubric (names in the manager's language), a deadline two weeks ahead. */
	static RoundForm blank(String context, Function<String, String> criterionName, ZoneId zone, Instant now) {
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("innovation", criterionName.apply("innovation"), "30", "0"));
		rows.add(new Row("team", criterionName.apply("team"), "25", "0"));
		rows.add(new Row("feasibility", criterionName.apply("feasibility"), "25", "0"));
		rows.add(new Row("benefit", criterionName.apply("benefit"), "20", "0"));
		String deadline = LOCAL.format(ZonedDateTime.ofInstant(now, zone)
			.plusDays(14)
			.withHour(17)
			.truncatedTo(ChronoUnit.HOURS));
		return new RoundForm("", context, Set.of(), withSpares(rows), "1", "5", "60", true, deadline, "3", "10", "15",
				true);
	}

	static RoundForm from(MultiValueMap<String, String> form) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS; i++) {
			rows.add(Row.EMPTY);
		}
		int last = -1;
		for (String key : form.keySet()) {
			Matcher m = ROW.matcher(key);
			if (!m.matches() || Integer.parseInt(m.group(1)) >= MAX_ROWS) {
				continue;
			}
			int i = Integer.parseInt(m.group(1));
			last = Math.max(last, i);
			Row r = rows.get(i);
			String v = value(form, key);
			rows.set(i, switch (m.group(2)) {
				case "code" -> new Row(v, r.name(), r.weight(), r.threshold());
				case "name" -> new Row(r.code(), v, r.weight(), r.threshold());
				case "weight" -> new Row(r.code(), r.name(), v, r.threshold());
				default -> new Row(r.code(), r.name(), r.weight(), v);
			});
		}
		List<Row> typed = new ArrayList<>(rows.subList(0, last + 1));
		Set<String> items = new LinkedHashSet<>();
		List<String> checked = form.get("item");
		if (checked != null) {
			checked.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
		}
		return new RoundForm(value(form, "name"), value(form, "owning_context"), items, typed, value(form, "scale_min"),
				value(form, "scale_max"), value(form, "overall_threshold"), form.containsKey("blind"),
				value(form, "deadline"), value(form, "reviewers_per_item"), value(form, "max_items_per_expert"),
				value(form, "disagreement_limit"), form.containsKey("auto_assign"));
	}

	/** The rows to show: what was typed (empty rows in between kept) plus spare ones. */
	public List<Row> rows() {
		return withSpares(this.criteria);
	}

	private static List<Row> withSpares(List<Row> rows) {
		List<Row> shown = new ArrayList<>(rows);
		int filled = shown.size();
		while (!shown.isEmpty() && shown.get(shown.size() - 1).isEmpty()) {
			shown.remove(shown.size() - 1);
			filled--;
		}
		for (int i = 0; i < SPARE_ROWS && filled + i < MAX_ROWS; i++) {
			shown.add(Row.EMPTY);
		}
		return shown;
	}

	OpenRoundRequest toRequest(ZoneId zone) {
		Rubric.Builder rubric = Rubric.newBuilder()
			.setScaleMin(integer(this.scaleMin))
			.setScaleMax(integer(this.scaleMax))
			.setOverallThresholdHundredths(hundredths(this.overallThreshold));
		for (Row row : this.criteria) {
			if (!row.isEmpty()) {
				rubric.addCriteria(Criterion.newBuilder()
					.setCode(row.code())
					.setName(row.name())
					.setWeightPercent(integer(row.weight()))
					.setThreshold(row.threshold().isBlank() ? 0 : integer(row.threshold())));
			}
		}
		OpenRoundRequest.Builder request = OpenRoundRequest.newBuilder()
			.setName(this.name)
			.setOwningContext(context(this.context))
			.addAllReviewItemIds(this.items)
			.setRubric(rubric)
			.setBlind(this.blind)
			.setReviewersPerItem(integer(this.reviewersPerItem))
			.setMaxItemsPerExpert(integer(this.maxItemsPerExpert))
			.setDisagreementLimitHundredths(hundredths(this.disagreementLimit));
		try {
			Instant at = LocalDateTime.parse(this.deadline, LOCAL).atZone(zone).toInstant();
			request.setDeadline(ProtoTimes.timestamp(at));
		}
		catch (DateTimeParseException ex) {
			// no deadline: review-service names the field
		}
		return request.build();
	}

	/**
	 * What review-service named, as the page's fields: a criterion by the row it was typed in (empty
	 * rows were not sent), an item by its id.
	 */
	UnaryOperator<String> fieldNames() {
		List<Integer> sentRows = new ArrayList<>();
		for (int i = 0; i < this.criteria.size(); i++) {
			if (!this.criteria.get(i).isEmpty()) {
				sentRows.add(i);
			}
		}
		List<String> sentItems = List.copyOf(this.items);
		return field -> {
			Matcher row = SENT_ROW.matcher(field);
			if (row.matches() && Integer.parseInt(row.group(1)) < sentRows.size()) {
				return "rubric.criteria[" + sentRows.get(Integer.parseInt(row.group(1))) + "]" + row.group(2);
			}
			Matcher item = SENT_ITEM.matcher(field);
			if (item.matches() && Integer.parseInt(item.group(1)) < sentItems.size()) {
				return "item:" + sentItems.get(Integer.parseInt(item.group(1)));
			}
			return field;
		};
	}

	static OwningContext context(String value) {
		return ReviewChoices.context(value);
	}

	/** Not a number: a value no range accepts, so review-service names the field. */
	static int integer(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return Integer.MIN_VALUE;
		}
	}

	/** Points with up to two decimals as hundredths ("60" and "60.00" are 6000). */
	static int hundredths(String text) {
		try {
			return new BigDecimal(text.strip()).movePointRight(2).intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return Integer.MIN_VALUE;
		}
	}

	private static String value(MultiValueMap<String, String> form, String key) {
		String v = form.getFirst(key);
		return v == null ? "" : v.strip();
	}

}
