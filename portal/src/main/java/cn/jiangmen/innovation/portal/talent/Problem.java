package cn.jiangmen.innovation.portal.talent;

import java.util.List;

/** A field problem or eligibility finding, with the message keys the page shows it by. */
public record Problem(String field, String code, String fieldKey, Integer row, String codeKey) {

	static Problem of(String field, String code) {
		Messages keys = Messages.of(field, code);
		return new Problem(field, code, keys.fieldKey(), keys.row(), keys.codeKey());
	}

	static List<Problem> of(List<TalentPortalClient.Violation> violations) {
		return violations.stream().map(v -> of(v.field(), v.code())).toList();
	}

}
