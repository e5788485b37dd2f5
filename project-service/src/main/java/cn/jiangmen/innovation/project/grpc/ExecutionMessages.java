package cn.jiangmen.innovation.project.grpc;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.project.v1.DueMilestone;
import cn.jiangmen.innovation.contracts.project.v1.EvidenceDocument;
import cn.jiangmen.innovation.contracts.project.v1.KpiTarget;
import cn.jiangmen.innovation.contracts.project.v1.KpiValue;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.PlannedMilestone;
import cn.jiangmen.innovation.contracts.project.v1.ProgressReport;
import cn.jiangmen.innovation.contracts.project.v1.ProjectStage;
import cn.jiangmen.innovation.contracts.project.v1.ProjectSummary;
import cn.jiangmen.innovation.contracts.project.v1.TaskBookState;
import cn.jiangmen.innovation.contracts.project.v1.TaskBookStatus;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.execution.ApprovedProject;
import cn.jiangmen.innovation.project.domain.execution.TaskBook;

/** Domain to proto for the execution RPCs. */
final class ExecutionMessages {

	private ExecutionMessages() {
	}

	static Money fen(long fen) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen).build();
	}

	static PlannedMilestone milestone(cn.jiangmen.innovation.project.domain.execution.PlannedMilestone milestone) {
		PlannedMilestone.Builder message = PlannedMilestone.newBuilder()
			.setMilestoneId(milestone.id().toString())
			.setProjectId(milestone.projectId().toString())
			.setSequence(milestone.sequence())
			.setTitle(milestone.title())
			.setDueDate(milestone.dueDate().map(Object::toString).orElse(""))
			.setDeliverables(milestone.deliverables())
			.setTranche(fen(milestone.trancheFen()))
			.setState(MilestoneState.valueOf("MILESTONE_STATE_" + milestone.state().name()));
		milestone.acceptedAt().ifPresent(at -> message.setAcceptedAt(ProtoTimes.timestamp(at)));
		return message.build();
	}

	static ProjectSummary summary(ApprovedProject project, java.util.Optional<TaskBook> taskBook,
			java.util.List<cn.jiangmen.innovation.project.domain.execution.PlannedMilestone> milestones,
			boolean markedForRecovery) {
		return ProjectSummary.newBuilder()
			.setProjectId(project.id().toString())
			.setTitle(project.title())
			.setFieldCode(project.fieldCode().orElse(""))
			.setLeadOrganisationId(project.leadOrganisation().toString())
			.setStage(ProjectStage.valueOf("PROJECT_STAGE_" + project.stage().name()))
			.setApprovedFiscal(fen(project.approvedFiscalFen()))
			.setTaskBookState(taskBook.map(book -> TaskBookState.valueOf("TASK_BOOK_STATE_" + book.state().name()))
				.orElse(TaskBookState.TASK_BOOK_STATE_UNSPECIFIED))
			.addAllMilestones(milestones.stream().map(ExecutionMessages::milestone).toList())
			.setMarkedForRecovery(markedForRecovery)
			.build();
	}

	static ProjectSummary summary(ExecutionQueries.ProjectSummary summary) {
		return summary(summary.project(), summary.taskBook(), summary.milestones(), summary.recovery().isPresent());
	}

	static TaskBookStatus status(TaskBook book) {
		TaskBookStatus.Builder message = TaskBookStatus.newBuilder()
			.setProjectId(book.projectId().toString())
			.setState(TaskBookState.valueOf("TASK_BOOK_STATE_" + book.state().name()))
			.setIssuedBy(book.issuedBy())
			.setIssuedAt(ProtoTimes.timestamp(book.issuedAt()))
			.setAcceptedBy(book.acceptedBy().orElse(""))
			.setCountersignedBy(book.countersignedBy().orElse(""));
		book.acceptedAt().ifPresent(at -> message.setAcceptedAt(ProtoTimes.timestamp(at)));
		book.countersignedAt().ifPresent(at -> message.setCountersignedAt(ProtoTimes.timestamp(at)));
		return message.build();
	}

	static KpiTarget kpiTarget(cn.jiangmen.innovation.project.domain.execution.KpiTarget target) {
		return KpiTarget.newBuilder()
			.setKpiTargetId(target.id().toString())
			.setMilestoneId(target.milestoneId().toString())
			.setName(target.name())
			.setUnit(target.unit())
			.setTarget(target.target().toPlainString())
			.build();
	}

	static DueMilestone due(cn.jiangmen.innovation.project.domain.execution.DueMilestone due) {
		DueMilestone.Builder message = DueMilestone.newBuilder()
			.setMilestone(milestone(due.milestone()))
			.setProjectTitle(due.projectTitle())
			.setLeadOrganisationId(due.leadOrganisation().toString());
		due.noticedAt().ifPresent(at -> message.setNoticedAt(ProtoTimes.timestamp(at)));
		return message.build();
	}

	static ProgressReport report(cn.jiangmen.innovation.project.domain.execution.ProgressReport report) {
		return ProgressReport.newBuilder()
			.setReportId(report.id().toString())
			.setMilestoneId(report.milestoneId().toString())
			.setSubmittedBy(report.submittedBy())
			.setSubmittedAt(ProtoTimes.timestamp(report.submittedAt()))
			.setSummary(report.summary())
			.addAllKpiValues(report.kpiValues()
				.stream()
				.map(value -> KpiValue.newBuilder()
					.setKpiTargetId(value.kpiTargetId().toString())
					.setReached(value.reached().toPlainString())
					.setName(value.name())
					.setUnit(value.unit())
					.build())
				.toList())
			.addAllDocuments(report.documents()
				.stream()
				.map(doc -> EvidenceDocument.newBuilder().setName(doc.name()).setSha256(doc.sha256()).build())
				.toList())
			.build();
	}

}
