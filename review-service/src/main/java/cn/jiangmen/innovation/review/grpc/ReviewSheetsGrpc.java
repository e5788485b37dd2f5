package cn.jiangmen.innovation.review.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.review.v1.DeclareConflictRequest;
import cn.jiangmen.innovation.contracts.review.v1.DeclareConflictResponse;
import cn.jiangmen.innovation.contracts.review.v1.GetAssignmentRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetAssignmentResponse;
import cn.jiangmen.innovation.contracts.review.v1.ListMyAssignmentsRequest;
import cn.jiangmen.innovation.contracts.review.v1.ListMyAssignmentsResponse;
import cn.jiangmen.innovation.contracts.review.v1.Notice;
import cn.jiangmen.innovation.contracts.review.v1.SaveReviewSheetRequest;
import cn.jiangmen.innovation.contracts.review.v1.SaveReviewSheetResponse;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.review.application.ExpertWork;
import cn.jiangmen.innovation.review.application.ReminderService;
import cn.jiangmen.innovation.review.domain.AssignmentId;

import org.springframework.stereotype.Component;

/** An expert's own assignments: list with reminders, read, declare, save or submit the sheet. */
@Component
class ReviewSheetsGrpc {

	private final ExpertWork work;

	private final ReminderService reminders;

	ReviewSheetsGrpc(ExpertWork work, ReminderService reminders) {
		this.work = work;
		this.reminders = reminders;
	}

	ListMyAssignmentsResponse listMyAssignments(ListMyAssignmentsRequest request) {
		Caller caller = Callers.current();
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<ExpertWork.AssignmentView> mine = this.work.mine(caller, page);
		ListMyAssignmentsResponse.Builder response = ListMyAssignmentsResponse.newBuilder()
			.setNextPageToken(page.nextToken(mine.size()));
		mine.forEach(v -> response.addAssignments(ExpertGrpcMapping.summary(v)));
		this.reminders.myNotices(caller)
			.forEach(n -> response.addNotices(Notice.newBuilder()
				.setRoundId(n.round().toString())
				.setRoundName(n.roundName())
				.setDeadline(ProtoTimes.timestamp(n.deadline()))
				.setPendingReviews(n.pending())));
		return response.build();
	}

	GetAssignmentResponse getAssignment(GetAssignmentRequest request) {
		var view = this.work.view(Callers.current(), AssignmentId.parse(request.getAssignmentId(), "assignment_id"));
		return GetAssignmentResponse.newBuilder().setAssignment(ExpertGrpcMapping.detail(view)).build();
	}

	/** After a conflict the assignment is void, so only a declaration of no conflict answers with it. */
	DeclareConflictResponse declareConflict(DeclareConflictRequest request) {
		Caller caller = Callers.current();
		AssignmentId id = AssignmentId.parse(request.getAssignmentId(), "assignment_id");
		this.work.declare(caller, id, request.getConflict(), request.getNote());
		DeclareConflictResponse.Builder response = DeclareConflictResponse.newBuilder();
		if (!request.getConflict()) {
			response.setAssignment(ExpertGrpcMapping.detail(this.work.view(caller, id)));
		}
		return response.build();
	}

	SaveReviewSheetResponse saveReviewSheet(SaveReviewSheetRequest request) {
		Caller caller = Callers.current();
		AssignmentId id = AssignmentId.parse(request.getAssignmentId(), "assignment_id");
		this.work.saveSheet(caller, id, request.getVersion(), request.getScoresMap(), request.getCommentsMap(),
				request.getOverallComment(), request.getSubmit());
		return SaveReviewSheetResponse.newBuilder()
			.setAssignment(ExpertGrpcMapping.detail(this.work.view(caller, id)))
			.build();
	}

}
