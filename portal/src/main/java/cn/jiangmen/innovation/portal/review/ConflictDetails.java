package cn.jiangmen.innovation.portal.review;

import java.util.Locale;

import cn.jiangmen.innovation.contracts.review.v1.ConflictDetailCode;
import cn.jiangmen.innovation.contracts.review.v1.PanelConflict;

import org.springframework.context.MessageSource;

/**
 * A conflict's detail in the reader's language: review-service records what a rule found as a code
 * with its arguments (organisation and person names, years, the expert's note), rendered here from
 * {@code review.conflict.detail.<code>} ({@code CONFLICT_DETAIL_CODE_WORKED_AT} is
 * {@code review.conflict.detail.worked-at}). A conflict without a code is a manager's own words,
 * shown as written; a code this portal has no message for yet shows review-service's English record.
 */
final class ConflictDetails {

	private static final String PREFIX = "CONFLICT_DETAIL_CODE_";

	private ConflictDetails() {
	}

	static String translate(PanelConflict conflict, MessageSource messages, Locale locale) {
		ConflictDetailCode code = conflict.getDetailCode();
		if (code == ConflictDetailCode.CONFLICT_DETAIL_CODE_UNSPECIFIED || code == ConflictDetailCode.UNRECOGNIZED) {
			return conflict.getDetail();
		}
		return messages.getMessage(key(code), conflict.getDetailArgumentsList().toArray(), conflict.getDetail(), locale);
	}

	/** {@code review.conflict.detail.<code>}: the enum name without its prefix, lower case, words joined by dashes. */
	static String key(ConflictDetailCode code) {
		return "review.conflict.detail." + code.name().substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
