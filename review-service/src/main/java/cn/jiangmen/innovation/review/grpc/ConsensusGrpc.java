package cn.jiangmen.innovation.review.grpc;

import cn.jiangmen.innovation.contracts.review.v1.ConsensusReport;
import cn.jiangmen.innovation.contracts.review.v1.GetConsensusRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetConsensusResponse;
import cn.jiangmen.innovation.contracts.review.v1.IndividualReview;
import cn.jiangmen.innovation.contracts.review.v1.WriteConsensusRequest;
import cn.jiangmen.innovation.contracts.review.v1.WriteConsensusResponse;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.review.application.ExpertWork;
import cn.jiangmen.innovation.review.domain.Consensus;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.RoundId;

import org.springframework.stereotype.Component;

/** The rapporteur's consensus report on one item of a round. */
@Component
class ConsensusGrpc {

	private final ExpertWork work;

	ConsensusGrpc(ExpertWork work) {
		this.work = work;
	}

	GetConsensusResponse getConsensus(GetConsensusRequest request) {
		ExpertWork.ConsensusContext context = this.work.consensusContext(Callers.current(),
				RoundId.parse(request.getRoundId(), "round_id"),
				ReviewItemId.parse(request.getReviewItemId(), "review_item_id"));
		GetConsensusResponse.Builder response = GetConsensusResponse.newBuilder()
			.setRoundName(context.round().name())
			.setItemTitle(context.item().title())
			.setRubric(ExpertGrpcMapping.rubric(context.round().rubric()))
			.setAllSubmitted(context.allSubmitted());
		context.reviews()
			.forEach(r -> response.addReviews(IndividualReview.newBuilder()
				.setReviewer(r.reviewer())
				.putAllScores(r.scores())
				.putAllComments(r.comments())
				.setOverallComment(r.overallComment())
				.setOverallHundredths(r.overallHundredths())));
		context.report().ifPresent(c -> response.setReport(report(c)));
		return response.build();
	}

	WriteConsensusResponse writeConsensus(WriteConsensusRequest request) {
		Consensus saved = this.work.writeConsensus(Callers.current(), RoundId.parse(request.getRoundId(), "round_id"),
				ReviewItemId.parse(request.getReviewItemId(), "review_item_id"), request.getVersion(),
				request.getFinalScoresMap(), request.getReport());
		return WriteConsensusResponse.newBuilder().setReport(report(saved)).build();
	}

	private static ConsensusReport report(Consensus c) {
		return ConsensusReport.newBuilder()
			.putAllFinalScores(c.finalScores())
			.setReport(c.report())
			.setFinalHundredths(c.finalHundredths())
			.addAllFailedThresholds(c.failedThresholds())
			.setVersion(c.version())
			.build();
	}

}
