package cn.jiangmen.innovation.review.grpc;

import cn.jiangmen.innovation.contracts.review.v1.AddConflictRequest;
import cn.jiangmen.innovation.contracts.review.v1.AddConflictResponse;
import cn.jiangmen.innovation.contracts.review.v1.AssignExpertRequest;
import cn.jiangmen.innovation.contracts.review.v1.AssignExpertResponse;
import cn.jiangmen.innovation.contracts.review.v1.RemoveAssignmentRequest;
import cn.jiangmen.innovation.contracts.review.v1.RemoveAssignmentResponse;
import cn.jiangmen.innovation.contracts.review.v1.SetRapporteurRequest;
import cn.jiangmen.innovation.contracts.review.v1.SetRapporteurResponse;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.review.application.RoundCommands;
import cn.jiangmen.innovation.review.domain.AssignmentId;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.RoundId;

import org.springframework.stereotype.Component;

/** A round's panel by hand: assignments, manual conflicts and rapporteurs (program managers). */
@Component
class PanelGrpc {

	private final RoundCommands commands;

	PanelGrpc(RoundCommands commands) {
		this.commands = commands;
	}

	AssignExpertResponse assignExpert(AssignExpertRequest request) {
		var assignment = this.commands.assign(Callers.current(), RoundId.parse(request.getRoundId(), "round_id"),
				ReviewItemId.parse(request.getReviewItemId(), "review_item_id"),
				ExpertId.parse(request.getExpert(), "expert"));
		return AssignExpertResponse.newBuilder().setAssignment(ReviewGrpcMapping.panelAssignment(assignment)).build();
	}

	RemoveAssignmentResponse removeAssignment(RemoveAssignmentRequest request) {
		this.commands.unassign(Callers.current(), RoundId.parse(request.getRoundId(), "round_id"),
				AssignmentId.parse(request.getAssignmentId(), "assignment_id"));
		return RemoveAssignmentResponse.getDefaultInstance();
	}

	AddConflictResponse addConflict(AddConflictRequest request) {
		var recorded = this.commands.addManualConflict(Callers.current(), RoundId.parse(request.getRoundId(), "round_id"),
				ReviewItemId.parse(request.getReviewItemId(), "review_item_id"),
				ExpertId.parse(request.getExpert(), "expert"), request.getDetail());
		return AddConflictResponse.newBuilder().setConflict(ReviewGrpcMapping.panelConflict(recorded)).build();
	}

	SetRapporteurResponse setRapporteur(SetRapporteurRequest request) {
		this.commands.setRapporteur(Callers.current(), RoundId.parse(request.getRoundId(), "round_id"),
				ReviewItemId.parse(request.getReviewItemId(), "review_item_id"),
				ExpertId.parse(request.getExpert(), "expert"));
		return SetRapporteurResponse.getDefaultInstance();
	}

}
