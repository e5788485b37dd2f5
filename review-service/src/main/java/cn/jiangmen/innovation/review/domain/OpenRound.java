package cn.jiangmen.innovation.review.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * A validated request to open a review round. Every bad field is named at once, by the domain's
 * names (the parameters of {@link #of}); each adapter translates them to its transport's names.
 */
public record OpenRound(String name, OwningContext owningContext, List<ReviewItemId> items, Rubric rubric,
		boolean blind, Instant deadline, int reviewersPerItem, int maxItemsPerExpert, double disagreementLimit) {

	public OpenRound {
		items = List.copyOf(items);
	}

	/**
	 * @param rubric checks the rubric (or gives null when none was sent: the round then takes the
	 * standard rubric of its items' kind), so its faults join the others
	 */
	public static OpenRound of(String name, OwningContext owningContext, List<String> itemIds,
			java.util.function.Supplier<Rubric> rubric, boolean blind, Instant deadline, int reviewersPerItem,
			int maxItemsPerExpert, int disagreementLimitHundredths, Instant now) {
		List<FieldViolation> violations = new ArrayList<>();
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 200) {
			violations.add(new FieldViolation("name", "required", "must be 1 to 200 characters"));
		}
		if (owningContext == null) {
			violations.add(new FieldViolation("owningContext", "required", "must be TALENT or PROJECT"));
		}
		Set<ReviewItemId> items = new LinkedHashSet<>();
		if (itemIds.isEmpty() || itemIds.size() > 5000) {
			violations.add(new FieldViolation("reviewItemIds", "size", "must list 1 to 5000 items"));
		}
		for (int i = 0; i < itemIds.size(); i++) {
			try {
				if (!items.add(new ReviewItemId(UUID.fromString(itemIds.get(i).strip())))) {
					violations.add(new FieldViolation("reviewItemIds[" + i + "]", "duplicate", "is listed twice"));
				}
			}
			catch (RuntimeException ex) {
				violations.add(new FieldViolation("reviewItemIds[" + i + "]", "id.malformed", "must be a UUID"));
			}
		}
		Rubric checked = null;
		try {
			// none sent: the standard rubric of the items' kind applies (chosen where the items are read)
			checked = rubric.get();
		}
		catch (InvalidInputException ex) {
			ex.violations()
				.forEach(v -> violations.add(new FieldViolation("rubric." + v.field(), v.code(), v.message())));
		}
		if (deadline == null || !deadline.isAfter(now)) {
			violations.add(new FieldViolation("deadline", "future", "must be in the future"));
		}
		if (reviewersPerItem < 1 || reviewersPerItem > 20) {
			violations.add(new FieldViolation("reviewersPerItem", "range", "must be between 1 and 20"));
		}
		if (maxItemsPerExpert < 1 || maxItemsPerExpert > 1000) {
			violations.add(new FieldViolation("maxItemsPerExpert", "range", "must be between 1 and 1000"));
		}
		if (disagreementLimitHundredths < 1 || disagreementLimitHundredths > 10000) {
			violations.add(new FieldViolation("disagreementLimitHundredths", "range", "must be between 1 and 10000"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new OpenRound(cleanName, owningContext, List.copyOf(items), checked, blind, deadline, reviewersPerItem,
				maxItemsPerExpert, disagreementLimitHundredths / 100.0);
	}

}
