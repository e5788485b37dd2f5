package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.jiangmen.innovation.platform.error.ConflictException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.jiangmen.innovation.project.domain.ProposalStatus.APPROVED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.DECLINED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.DRAFT;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.REJECTED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.RETURNED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.REVIEWED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.SUBMITTED;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.UNDER_REVIEW;
import static cn.jiangmen.innovation.project.domain.ProposalStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every (status, action) pair of a proposal, 9 x 8 = 72 cases: the allowed ones land in the expected
 * status (through the aggregate where it has a method), all others are refused as a conflict. The
 * expected table is written out here independently of the implementation's.
 */
class ProposalLifecycleTest {

	private static final Map<ProposalStatus, Map<ProposalAction, ProposalStatus>> EXPECTED = Map.of(DRAFT,
			Map.of(ProposalAction.SUBMIT, SUBMITTED), RETURNED,
			Map.of(ProposalAction.SUBMIT, SUBMITTED, ProposalAction.WITHDRAW, WITHDRAWN), SUBMITTED,
			Map.of(ProposalAction.WITHDRAW, WITHDRAWN, ProposalAction.RETURN_FOR_CORRECTION, RETURNED,
					ProposalAction.REJECT, REJECTED, ProposalAction.PASS_FORMAL_CHECK, UNDER_REVIEW),
			UNDER_REVIEW, Map.of(ProposalAction.RECORD_REVIEW_OUTCOME, REVIEWED), REVIEWED,
			Map.of(ProposalAction.APPROVE, APPROVED, ProposalAction.DECLINE, DECLINED));

	static Stream<Arguments> allowed() {
		List<Arguments> cases = new ArrayList<>();
		EXPECTED.forEach((from, moves) -> moves.forEach((action, to) -> cases.add(Arguments.of(from, action, to))));
		return cases.stream();
	}

	static Stream<Arguments> refused() {
		List<Arguments> cases = new ArrayList<>();
		for (ProposalStatus from : ProposalStatus.values()) {
			for (ProposalAction action : ProposalAction.values()) {
				if (!EXPECTED.getOrDefault(from, Map.of()).containsKey(action)) {
					cases.add(Arguments.of(from, action));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} --{1}--> {2}")
	@MethodSource("allowed")
	void allowedTransition(ProposalStatus from, ProposalAction action, ProposalStatus to) {
		ProjectCall call = ProposalFixtures.call();
		Proposal proposal = ProposalFixtures.proposal(call, ProposalFixtures.content(), from);
		assertThat(apply(proposal, action, call).status()).isEqualTo(to);
		assertThat(ProposalLifecycle.target(from, action)).contains(to);
	}

	@ParameterizedTest(name = "{0} --{1}--> refused")
	@MethodSource("refused")
	void refusedTransition(ProposalStatus from, ProposalAction action) {
		ProjectCall call = ProposalFixtures.call();
		Proposal proposal = ProposalFixtures.proposal(call, ProposalFixtures.content(), from);
		assertThatThrownBy(() -> apply(proposal, action, call)).isInstanceOfSatisfying(ConflictException.class,
				ex -> assertThat(ex.code()).isEqualTo("proposal.transition-not-allowed"));
		assertThat(ProposalLifecycle.target(from, action)).isEmpty();
	}

	private static Proposal apply(Proposal proposal, ProposalAction action, ProjectCall call) {
		Instant now = ProposalFixtures.NOW;
		return switch (action) {
			case SUBMIT -> proposal.submit(call, now);
			case WITHDRAW -> proposal.withdraw(call, now);
			case PASS_FORMAL_CHECK -> proposal.passFormalCheck(now);
			case RETURN_FOR_CORRECTION -> proposal.returnForCorrection(List.of("缺少营业执照"), now.plusSeconds(86400), now);
			case REJECT -> proposal.reject("不符合指南", now);
			case RECORD_REVIEW_OUTCOME -> proposal.recordReview(new Proposal.ReviewResult("r", 1, 8500, true, now), now);
			case APPROVE -> proposal.approve(ProjectId.newId(), 300_000_000L, "", now);
			// declining after review has no use case yet: the table is its only gate
			case DECLINE -> proposal.status() == REVIEWED ? withStatus(proposal, proposal.move(action)) : fail(proposal, action);
		};
	}

	private static Proposal withStatus(Proposal p, ProposalStatus status) {
		return new Proposal(p.id(), p.callId(), p.leadOrganisationId(), status, p.content(), p.submittedAt(),
				p.returnReasons(), p.correctionDueAt(), p.rejectionReason(), p.review(), p.decisionNote(), p.projectId(),
				p.approvedFiscalFen(), p.createdAt(), p.updatedAt(), p.version() + 1);
	}

	private static Proposal fail(Proposal p, ProposalAction action) {
		p.move(action);
		throw new AssertionError("move should have refused " + action + " from " + p.status());
	}

}
