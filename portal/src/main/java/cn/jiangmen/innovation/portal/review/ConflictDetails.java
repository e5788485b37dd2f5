package cn.jiangmen.innovation.portal.review;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * A conflict's detail in the reader's language. review-service keeps each detail as written when
 * the conflict was found ("works at 五邑大学", "applied together with the leader in 2023"): its
 * record, in English, stored with the conflict. The forms its rules write are rendered here from the
 * {@code review.conflict.detail.*} messages with the names and years they carry; anything else (a
 * manager's own words) is shown as written.
 */
final class ConflictDetails {

	private record Form(Pattern pattern, String key) {
	}

	private static final List<Form> FORMS = List.of(
			new Form(Pattern.compile("works at (.+)"), "review.conflict.detail.works-at"),
			new Form(Pattern.compile("worked at (.+) until (\\d{4})"), "review.conflict.detail.worked-at"),
			new Form(Pattern.compile("is on the team of the item"), "review.conflict.detail.team-member"),
			new Form(Pattern.compile("applied together with the leader in (\\d{4})"), "review.conflict.detail.co-applied"),
			new Form(Pattern.compile("declared relationship: (.+)"), "review.conflict.detail.relationship-note"),
			new Form(Pattern.compile("declared relationship"), "review.conflict.detail.relationship"),
			new Form(Pattern.compile("declared by the expert: (.+)", Pattern.DOTALL), "review.conflict.detail.declared-note"),
			new Form(Pattern.compile("declared by the expert"), "review.conflict.detail.declared"));

	private ConflictDetails() {
	}

	static String translate(String detail, MessageSource messages, Locale locale) {
		if (detail == null) {
			return "";
		}
		for (Form form : FORMS) {
			Matcher matcher = form.pattern().matcher(detail);
			if (matcher.matches()) {
				Object[] arguments = new Object[matcher.groupCount()];
				for (int i = 0; i < arguments.length; i++) {
					arguments[i] = matcher.group(i + 1);
				}
				return messages.getMessage(form.key(), arguments, detail, locale);
			}
		}
		return detail;
	}

}
