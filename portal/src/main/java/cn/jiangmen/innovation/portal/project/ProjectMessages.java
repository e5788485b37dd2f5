package cn.jiangmen.innovation.portal.project;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What redirects of the project pages carry in their query (the portal keeps no session): a notice
 * of what was done and a refusal's code, each turned into a message key only when it is known or
 * safe, and ids that are safe to put back into an address.
 */
final class ProjectMessages {

	private static final Map<String, String> DONE = Map.of("saved", "projects.done.saved", "submitted",
			"projects.done.submitted", "withdrawn", "projects.done.withdrawn", "confirmed", "projects.done.confirmed",
			"accepted", "projects.done.task-book-accepted", "reported", "projects.done.reported", "changed",
			"projects.done.change-requested");

	private static final Pattern CODE = Pattern.compile("[a-z][a-z.-]{0,80}");

	private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{1,36}");

	private ProjectMessages() {
	}

	static Optional<String> done(String done) {
		return Optional.ofNullable(done).map(DONE::get);
	}

	/** The message key of a refusal (FAILED_PRECONDITION reason), {@code projects.error.generic} when unsafe. */
	static String refusal(String code) {
		return "projects.error." + code(code);
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
