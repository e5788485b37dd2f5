package cn.jiangmen.innovation.review.grpc;

import java.time.Duration;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.ConflictReason;
import cn.jiangmen.innovation.contracts.review.v1.Declaration;
import cn.jiangmen.innovation.contracts.review.v1.PanelAssignment;
import cn.jiangmen.innovation.contracts.review.v1.PanelConflict;
import cn.jiangmen.innovation.contracts.review.v1.ReviewState;
import cn.jiangmen.innovation.contracts.review.v1.RoundState;
import cn.jiangmen.innovation.contracts.review.v1.RoundSummary;
import cn.jiangmen.innovation.contracts.review.v1.SheetStatus;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.review.domain.Assignment;
import cn.jiangmen.innovation.review.domain.ConflictDetailCode;
import cn.jiangmen.innovation.review.domain.RecordedConflict;
import cn.jiangmen.innovation.review.domain.ReviewRound;

/**
 * Domain values to contract messages and enums for the round and panel RPCs. Proto enum values are
 * the domain's names with the enum's prefix (AIP-126), so each mapping is one name lookup.
 */
final class ReviewGrpcMapping {

	private ReviewGrpcMapping() {
	}

	/** Unspecified or unknown values become null, which validation reports as a bad field. */
	static cn.jiangmen.innovation.review.domain.OwningContext owningContext(OwningContext context) {
		return switch (context) {
			case OWNING_CONTEXT_TALENT -> cn.jiangmen.innovation.review.domain.OwningContext.TALENT;
			case OWNING_CONTEXT_PROJECT -> cn.jiangmen.innovation.review.domain.OwningContext.PROJECT;
			default -> null;
		};
	}

	/** Unspecified (or a value this build does not know) means the owning context's first kind. */
	static cn.jiangmen.innovation.review.domain.ItemKind itemKind(
			cn.jiangmen.innovation.contracts.review.v1.ItemKind kind) {
		return switch (kind) {
			case ITEM_KIND_APPLICATION -> cn.jiangmen.innovation.review.domain.ItemKind.APPLICATION;
			case ITEM_KIND_PROPOSAL -> cn.jiangmen.innovation.review.domain.ItemKind.PROPOSAL;
			case ITEM_KIND_MID_TERM_CHECK -> cn.jiangmen.innovation.review.domain.ItemKind.MID_TERM_CHECK;
			case ITEM_KIND_FINAL_ACCEPTANCE -> cn.jiangmen.innovation.review.domain.ItemKind.FINAL_ACCEPTANCE;
			case ITEM_KIND_UNSPECIFIED, UNRECOGNIZED -> null;
		};
	}

	static cn.jiangmen.innovation.contracts.review.v1.ItemKind toProto(
			cn.jiangmen.innovation.review.domain.ItemKind kind) {
		return cn.jiangmen.innovation.contracts.review.v1.ItemKind.valueOf("ITEM_KIND_" + kind.name());
	}

	static OwningContext toProto(cn.jiangmen.innovation.review.domain.OwningContext context) {
		return OwningContext.valueOf("OWNING_CONTEXT_" + context.name());
	}

	static ReviewState toProto(cn.jiangmen.innovation.review.domain.ReviewState state) {
		return ReviewState.valueOf("REVIEW_STATE_" + state.name());
	}

	static RoundState toProto(ReviewRound.State state) {
		return RoundState.valueOf("ROUND_STATE_" + state.name());
	}

	static Declaration toProto(Assignment.Declaration declaration) {
		return Declaration.valueOf("DECLARATION_" + declaration.name());
	}

	static SheetStatus toProto(Assignment.SheetStatus status) {
		return SheetStatus.valueOf("SHEET_STATUS_" + status.name());
	}

	static ConflictReason toProto(cn.jiangmen.innovation.review.domain.ConflictReason reason) {
		return ConflictReason.valueOf("CONFLICT_REASON_" + reason.name());
	}

	static RoundSummary roundSummary(ReviewRound r) {
		return RoundSummary.newBuilder()
			.setRoundId(r.id().toString())
			.setName(r.name())
			.setOwningContext(toProto(r.owningContext()))
			.setState(toProto(r.state()))
			.setDeadline(ProtoTimes.timestamp(r.deadline()))
			.setReviewersPerItem(r.reviewersPerItem())
			.setMaxItemsPerExpert(r.maxItemsPerExpert())
			.setBlind(r.blind())
			.build();
	}

	static PanelAssignment panelAssignment(Assignment a) {
		return PanelAssignment.newBuilder()
			.setAssignmentId(a.id().toString())
			.setReviewItemId(a.item().toString())
			.setExpert(a.expert().subject())
			.setDeclaration(toProto(a.declaration()))
			.setSheetStatus(toProto(a.sheetStatus()))
			.setSecondsToSubmit(a.turnaround().map(Duration::toSeconds).orElse(0L))
			.setManual(a.source() == Assignment.Source.MANUAL)
			.build();
	}

	static PanelConflict panelConflict(RecordedConflict c) {
		return PanelConflict.newBuilder()
			.setReviewItemId(c.conflict().item().toString())
			.setExpert(c.conflict().expert().subject())
			.setReason(toProto(c.conflict().reason()))
			.setDetail(c.conflict().detail())
			.setDetailCode(toProto(c.conflict().detailCode()))
			.addAllDetailArguments(c.conflict().detailArguments())
			.setRecordedBy(c.recordedBy())
			.build();
	}

	static cn.jiangmen.innovation.contracts.review.v1.ConflictDetailCode toProto(ConflictDetailCode code) {
		return code == ConflictDetailCode.NONE
				? cn.jiangmen.innovation.contracts.review.v1.ConflictDetailCode.CONFLICT_DETAIL_CODE_UNSPECIFIED
				: cn.jiangmen.innovation.contracts.review.v1.ConflictDetailCode.valueOf("CONFLICT_DETAIL_CODE_" + code.name());
	}

}
