package cn.jiangmen.innovation.talent.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.AWARDED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.DECLINED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.DRAFT;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.RANKED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.RECOMMENDED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.REJECTED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.RETURNED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.SUBMITTED;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.UNDER_REVIEW;
import static cn.jiangmen.innovation.talent.domain.ApplicationStatus.WITHDRAWN;

/**
 * The state machine of an application, as a table:
 *
 * <pre>
 * DRAFT --SUBMIT--> SUBMITTED --WITHDRAW--> WITHDRAWN
 *                   SUBMITTED --RETURN_FOR_CORRECTION--> RETURNED --SUBMIT--> SUBMITTED
 *                   SUBMITTED --REJECT--> REJECTED
 *                   SUBMITTED --PASS_FORMAL_CHECK--> UNDER_REVIEW --RECORD_REVIEW_OUTCOME--> RANKED
 *                   RANKED --RECOMMEND--> RECOMMENDED --AWARD--> AWARDED | --DECLINE--> DECLINED
 * </pre>
 *
 * Everything not in the table is refused.
 */
public final class ApplicationLifecycle {

	private static final Map<ApplicationStatus, Map<LifecycleAction, ApplicationStatus>> TABLE = new EnumMap<>(
			ApplicationStatus.class);

	static {
		allow(DRAFT, LifecycleAction.SUBMIT, SUBMITTED);
		allow(RETURNED, LifecycleAction.SUBMIT, SUBMITTED);
		allow(SUBMITTED, LifecycleAction.WITHDRAW, WITHDRAWN);
		allow(SUBMITTED, LifecycleAction.RETURN_FOR_CORRECTION, RETURNED);
		allow(SUBMITTED, LifecycleAction.REJECT, REJECTED);
		allow(SUBMITTED, LifecycleAction.PASS_FORMAL_CHECK, UNDER_REVIEW);
		allow(UNDER_REVIEW, LifecycleAction.RECORD_REVIEW_OUTCOME, RANKED);
		allow(RANKED, LifecycleAction.RECOMMEND, RECOMMENDED);
		allow(RECOMMENDED, LifecycleAction.AWARD, AWARDED);
		allow(RECOMMENDED, LifecycleAction.DECLINE, DECLINED);
	}

	private ApplicationLifecycle() {
	}

	private static void allow(ApplicationStatus from, LifecycleAction action, ApplicationStatus to) {
		TABLE.computeIfAbsent(from, s -> new EnumMap<>(LifecycleAction.class)).put(action, to);
	}

	/** Where {@code action} leads from {@code from}, or empty when the table does not allow it. */
	public static Optional<ApplicationStatus> target(ApplicationStatus from, LifecycleAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

	/** Content may change only while the applicant holds the application. */
	public static boolean isEditable(ApplicationStatus status) {
		return status == DRAFT || status == RETURNED;
	}

}
