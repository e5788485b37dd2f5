package cn.jiangmen.innovation.review.grpc;

import cn.jiangmen.innovation.contracts.review.v1.AssignmentDetail;
import cn.jiangmen.innovation.contracts.review.v1.AssignmentSummary;
import cn.jiangmen.innovation.contracts.review.v1.Criterion;
import cn.jiangmen.innovation.contracts.review.v1.Declaration;
import cn.jiangmen.innovation.contracts.review.v1.ItemContent;
import cn.jiangmen.innovation.contracts.review.v1.Rubric;
import cn.jiangmen.innovation.contracts.review.v1.SheetStatus;
import cn.jiangmen.innovation.review.application.ExpertWork;
import cn.jiangmen.innovation.review.domain.Assignment;
import com.google.protobuf.Timestamp;

/** Domain to contract messages for the expert-side RPCs. */
final class ExpertGrpcMapping {

	private ExpertGrpcMapping() {
	}

	static AssignmentSummary summary(ExpertWork.AssignmentView v) {
		Assignment a = v.assignment();
		return AssignmentSummary.newBuilder()
			.setAssignmentId(a.id().toString())
			.setRoundId(a.round().toString())
			.setRoundName(v.round().name())
			.setReviewItemId(a.item().toString())
			.setItemTitle(v.itemTitle())
			.setDeadline(Timestamp.newBuilder().setSeconds(v.round().deadline().getEpochSecond()))
			.setDeclaration(Declaration.valueOf("DECLARATION_" + a.declaration().name()))
			.setSheetStatus(SheetStatus.valueOf("SHEET_STATUS_" + a.sheetStatus().name()))
			.setRapporteur(v.rapporteur())
			.build();
	}

	static Rubric rubric(cn.jiangmen.innovation.review.domain.Rubric rubric) {
		Rubric.Builder r = Rubric.newBuilder()
			.setScaleMin(rubric.scaleMin())
			.setScaleMax(rubric.scaleMax())
			.setOverallThresholdHundredths(rubric.overallThresholdHundredths());
		rubric.criteria()
			.forEach(c -> r.addCriteria(Criterion.newBuilder()
				.setCode(c.code())
				.setName(c.name())
				.setWeightPercent(c.weightPercent())
				.setThreshold(c.threshold())));
		return r.build();
	}

	static AssignmentDetail detail(ExpertWork.AssignmentView v) {
		Assignment a = v.assignment();
		var rubric = v.round().rubric();
		Rubric.Builder r = Rubric.newBuilder()
			.setScaleMin(rubric.scaleMin())
			.setScaleMax(rubric.scaleMax())
			.setOverallThresholdHundredths(rubric.overallThresholdHundredths());
		rubric.criteria()
			.forEach(c -> r.addCriteria(Criterion.newBuilder()
				.setCode(c.code())
				.setName(c.name())
				.setWeightPercent(c.weightPercent())
				.setThreshold(c.threshold())));
		AssignmentDetail.Builder d = AssignmentDetail.newBuilder()
			.setSummary(summary(v))
			.setRubric(r)
			.putAllScores(a.scores())
			.putAllComments(a.comments())
			.setOverallComment(a.overallComment())
			.setVersion(a.version());
		v.item()
			.ifPresent(item -> d.setItem(ItemContent.newBuilder()
				.setItemId(item.itemId().toString())
				.setTitle(item.title())
				.addAllFieldCodes(item.fieldCodes())
				.addAllOrganisationIds(item.organisationIds().stream().map(Object::toString).toList())));
		return d.build();
	}

}
