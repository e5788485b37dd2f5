package cn.jiangmen.innovation.project.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static cn.jiangmen.innovation.project.domain.ProposalStatus.APPROVED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.DECLINED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.DRAFT;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.REJECTED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.RETURNED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.REVIEWED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.SUBMITTED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.UNDER_REVIEW;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.WITHDRAWN;

/**
 * The state machine of a proposal (申报书), as a table:
 *
 * <pre>
 * DRAFT --SUBMIT--> SUBMITTED --WITHDRAW--> WITHDRAWN
 *                   SUBMITTED --RETURN_FOR_CORRECTION--> RETURNED --SUBMIT--> SUBMITTED
 *                                                        RETURNED --WITHDRAW--> WITHDRAWN
 *                   SUBMITTED --REJECT--> REJECTED
 *                   SUBMITTED --PASS_FORMAL_CHECK--> UNDER_REVIEW --RECORD_REVIEW_OUTCOME--> REVIEWED
 *                   REVIEWED --APPROVE--> APPROVED (立项) | --DECLINE--> DECLINED
 * </pre>
 *
 * Everything not in the table is refused.
 */
public final class ProposalLifecycle {

	private static final Map<ProposalStatus, Map<ProposalAction, ProposalStatus>> TABLE = new EnumMap<>(
			ProposalStatus.class);

	static {
		allow(DRAFT, ProposalAction.SUBMIT, SUBMITTED);
		allow(RETURNED, ProposalAction.SUBMIT, SUBMITTED);
		allow(SUBMITTED, ProposalAction.WITHDRAW, WITHDRAWN);
		allow(RETURNED, ProposalAction.WITHDRAW, WITHDRAWN);
		allow(SUBMITTED, ProposalAction.RETURN_FOR_CORRECTION, RETURNED);
		allow(SUBMITTED, ProposalAction.REJECT, REJECTED);
		allow(SUBMITTED, ProposalAction.PASS_FORMAL_CHECK, UNDER_REVIEW);
		allow(UNDER_REVIEW, ProposalAction.RECORD_REVIEW_OUTCOME, REVIEWED);
		allow(REVIEWED, ProposalAction.APPROVE, APPROVED);
		allow(REVIEWED, ProposalAction.DECLINE, DECLINED);
	}

	private ProposalLifecycle() {
	}

	private static void allow(ProposalStatus from, ProposalAction action, ProposalStatus to) {
		TABLE.computeIfAbsent(from, s -> new EnumMap<>(ProposalAction.class)).put(action, to);
	}

	/** Where {@code action} leads from {@code from}, or empty when the table does not allow it. */
	public static Optional<ProposalStatus> target(ProposalStatus from, ProposalAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

	/** Content may change only while the lead organisation holds the proposal. */
	public static boolean isEditable(ProposalStatus status) {
		return status == DRAFT || status == RETURNED;
	}

}
