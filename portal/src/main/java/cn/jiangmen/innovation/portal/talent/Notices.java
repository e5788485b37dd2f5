package cn.jiangmen.innovation.portal.talent;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a redirect after a successful action tells the next page, as a query parameter (the portal
 * keeps no session, so no flash attributes): only known values become message keys.
 */
final class Notices {

	private static final Map<String, String> APPLICANT = Map.of("saved", "talent.application.saved", "submitted",
			"talent.application.submitted", "withdrawn", "talent.application.withdrawn");

	private static final Map<String, String> MANAGER = Map.of("PASS", "talent.manage.decided.PASS", "RETURN",
			"talent.manage.decided.RETURN", "REJECT", "talent.manage.decided.REJECT", "recommended",
			"talent.manage.recommended", "awarded", "talent.manage.awarded", "declined", "talent.manage.declined",
			"created", "talent.call.created", "opened", "talent.call.opened");

	private static final Pattern CODE = Pattern.compile("[a-z][a-z.-]{0,80}");

	private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{1,36}");

	private Notices() {
	}

	static Optional<String> applicant(String done) {
		return Optional.ofNullable(done).map(APPLICANT::get);
	}

	static Optional<String> manager(String done) {
		return Optional.ofNullable(done).map(MANAGER::get);
	}

	/** A refusal code safe to put in a URL and a message key; anything else becomes {@code generic}. */
	static String code(String code) {
		return code != null && CODE.matcher(code).matches() ? code : "generic";
	}

	/** An id safe to put back into a redirect URL (ids are UUIDs); anything else becomes empty. */
	static String id(String id) {
		return id != null && ID.matcher(id).matches() ? id : "";
	}

}
