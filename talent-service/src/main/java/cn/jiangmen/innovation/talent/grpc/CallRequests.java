package cn.jiangmen.innovation.talent.grpc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.jiangmen.innovation.contracts.talent.v1.CallCategory;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.talent.domain.Category;
import cn.jiangmen.innovation.talent.domain.EligibilityRules;
import cn.jiangmen.innovation.talent.domain.ProfessionalTitle;

/**
 * The categories of a {@code CreateCallRequest} as domain eligibility rules. Every problem is named
 * at once ({@code categories[LEADING_TALENT].maxLeaderAge}, the same paths as the REST API), so the
 * portal can put each message next to its field; the call-level fields (title, priority fields,
 * times) are checked by the domain.
 */
final class CallRequests {

	static final int MAX_NOTE_LENGTH = 1000;

	private CallRequests() {
	}

	/** The rules per category, or INVALID_ARGUMENT naming every bad category field. */
	static Map<Category, EligibilityRules> categories(List<CallCategory> input) {
		List<FieldViolation> violations = new ArrayList<>();
		Map<Category, EligibilityRules> categories = new EnumMap<>(Category.class);
		for (CallCategory given : input) {
			// A number this build does not know is named as sent, so the caller can find it.
			String name = given.getCategory() == cn.jiangmen.innovation.contracts.talent.v1.Category.UNRECOGNIZED
					? String.valueOf(given.getCategoryValue()) : ProtoCodes.code(given.getCategory());
			String path = "categories[" + name + "]";
			Category category;
			try {
				category = Category.valueOf(name.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				violations.add(new FieldViolation(path, "code.unknown", "is not a category"));
				continue;
			}
			if (categories.containsKey(category)) {
				violations.add(new FieldViolation(path, "duplicate", "is named more than once"));
				continue;
			}
			boolean valid = true;
			Integer maxLeaderAge = given.getMaxLeaderAge() == 0 ? null : given.getMaxLeaderAge();
			if (maxLeaderAge != null && (maxLeaderAge < 18 || maxLeaderAge > 100)) {
				violations.add(new FieldViolation(path + ".maxLeaderAge", "age-limit.range",
						"must be 18 to 100, or 0 for no limit"));
				valid = false;
			}
			if (given.getMinTeamSize() < 1 || given.getMinTeamSize() > 100) {
				violations.add(new FieldViolation(path + ".minTeamSize", "team-size.range", "must be 1 to 100"));
				valid = false;
			}
			Set<ProfessionalTitle> titles = EnumSet.noneOf(ProfessionalTitle.class);
			for (var requested : given.getRequiredLeaderTitlesList()) {
				String title = ProtoCodes.code(requested);
				try {
					titles.add(ProfessionalTitle.valueOf(title));
				}
				catch (IllegalArgumentException ex) {
					violations.add(new FieldViolation(path + ".requiredLeaderTitles", "code.unknown",
							"is not a professional title: " + title));
					valid = false;
				}
			}
			if (valid) {
				categories.put(category, new EligibilityRules(maxLeaderAge, given.getMinTeamSize(), titles,
						given.getLeaderFullTime(), given.getFieldMustBeInCall()));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return categories;
	}

	/** An optional decision note: empty is none; longer than 1000 characters is refused. */
	static String note(String note) {
		if (note.length() > MAX_NOTE_LENGTH) {
			throw new InvalidInputException("note", "too-long", "must be at most 1000 characters");
		}
		return note.isBlank() ? null : note;
	}

}
