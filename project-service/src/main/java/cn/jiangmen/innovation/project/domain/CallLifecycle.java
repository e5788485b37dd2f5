package cn.jiangmen.innovation.project.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state machine of a call (申报指南), as a table:
 *
 * <pre>
 * DRAFT --PUBLISH--> PUBLISHED --CLOSE--> CLOSED
 * DRAFT --CLOSE--> CLOSED   (a draft given up)
 * </pre>
 *
 * Everything not in the table is refused. Whether a published call takes proposals at a given
 * moment is its opening and closing times on the server clock ({@link ProjectCall#acceptsProposals}).
 */
public final class CallLifecycle {

	private static final Map<CallStatus, Map<CallAction, CallStatus>> TABLE = new EnumMap<>(CallStatus.class);

	static {
		allow(CallStatus.DRAFT, CallAction.PUBLISH, CallStatus.PUBLISHED);
		allow(CallStatus.DRAFT, CallAction.CLOSE, CallStatus.CLOSED);
		allow(CallStatus.PUBLISHED, CallAction.CLOSE, CallStatus.CLOSED);
	}

	private CallLifecycle() {
	}

	private static void allow(CallStatus from, CallAction action, CallStatus to) {
		TABLE.computeIfAbsent(from, s -> new EnumMap<>(CallAction.class)).put(action, to);
	}

	/** Where {@code action} leads from {@code from}, or empty when the table does not allow it. */
	public static Optional<CallStatus> target(CallStatus from, CallAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

}
