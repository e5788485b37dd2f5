package cn.jiangmen.innovation.project.web.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.execution.ChangeRequest;
import cn.jiangmen.innovation.project.domain.execution.CheckRound;
import cn.jiangmen.innovation.project.domain.execution.DueMilestone;
import cn.jiangmen.innovation.project.domain.execution.Fen;
import cn.jiangmen.innovation.project.domain.execution.FundRecoveryCase;
import cn.jiangmen.innovation.project.domain.execution.KpiTarget;
import cn.jiangmen.innovation.project.domain.execution.MilestoneDecision;
import cn.jiangmen.innovation.project.domain.execution.PlannedMilestone;
import cn.jiangmen.innovation.project.domain.execution.ProgressReport;
import cn.jiangmen.innovation.project.domain.execution.TaskBook;

/** Response bodies of the execution endpoints; money as yuan strings with two decimals, as funding's. */
final class ExecutionViews {

	private ExecutionViews() {
	}

	record MilestoneView(UUID id, int sequence, String title, LocalDate dueDate, String deliverables,
			String trancheYuan, String state, Instant acceptedAt) {

		static MilestoneView of(PlannedMilestone milestone) {
			return new MilestoneView(milestone.id().value(), milestone.sequence(), milestone.title(),
					milestone.dueDate().orElse(null), milestone.deliverables(), Fen.yuan(milestone.trancheFen()),
					milestone.state().name(), milestone.acceptedAt().orElse(null));
		}

	}

	record MilestoneStateView(UUID id, String state) {
	}

	record MilestonePage(List<MilestoneView> milestones, String nextPageToken) {
	}

	record TaskBookStateView(UUID projectId, String state, String issuedBy, Instant issuedAt, String acceptedBy,
			Instant acceptedAt, String countersignedBy, Instant countersignedAt) {

		static TaskBookStateView of(TaskBook book) {
			return new TaskBookStateView(book.projectId().value(), book.state().name(), book.issuedBy(), book.issuedAt(),
					book.acceptedBy().orElse(null), book.acceptedAt().orElse(null), book.countersignedBy().orElse(null),
					book.countersignedAt().orElse(null));
		}

	}

	record KpiTargetView(UUID id, String name, String unit, String target) {

		static KpiTargetView of(KpiTarget target) {
			return new KpiTargetView(target.id(), target.name(), target.unit(), target.target().toPlainString());
		}

	}

	record TaskBookMilestoneView(MilestoneView milestone, List<KpiTargetView> kpiTargets) {
	}

	record TaskBookView(UUID projectId, String title, String fieldCode, UUID leadOrganisationId,
			String approvedFiscalYuan, TaskBookStateView taskBook, List<TaskBookMilestoneView> milestones) {

		static TaskBookView of(ExecutionQueries.TaskBookView view) {
			List<TaskBookMilestoneView> milestones = view.milestones()
				.stream()
				.map(milestone -> new TaskBookMilestoneView(MilestoneView.of(milestone), view.kpiTargets()
					.stream()
					.filter(target -> target.milestoneId().equals(milestone.id()))
					.map(KpiTargetView::of)
					.toList()))
				.toList();
			return new TaskBookView(view.project().id().value(), view.project().title(),
					view.project().fieldCode().orElse(null), view.project().leadOrganisation().value(),
					Fen.yuan(view.project().approvedFiscalFen()), TaskBookStateView.of(view.taskBook()), milestones);
		}

	}

	record CheckRoundView(UUID id, String kind, String state, String openedBy, Instant openedAt, String panelScore,
			String reasons, LocalDate rectifyBy, String decidedBy, Instant decidedAt) {

		static CheckRoundView of(CheckRound round) {
			return new CheckRoundView(round.id(), round.kind().name(), round.state().name(), round.openedBy(),
					round.openedAt(), round.panelScore().map(java.math.BigDecimal::toPlainString).orElse(null),
					round.reasons().orElse(null), round.rectifyBy().orElse(null), round.decidedBy().orElse(null),
					round.decidedAt().orElse(null));
		}

	}

	record RecoveryView(UUID id, UUID checkRoundId, String reason, String approvedFiscalYuan, String releasedYuan,
			Instant openedAt) {

		static RecoveryView of(FundRecoveryCase recovery) {
			return new RecoveryView(recovery.id(), recovery.checkRoundId(), recovery.reason(),
					Fen.yuan(recovery.approvedFiscalFen()), Fen.yuan(recovery.releasedFen()), recovery.openedAt());
		}

	}

	record ProjectSummaryView(UUID id, String title, String fieldCode, UUID leadOrganisationId, String stage,
			String approvedFiscalYuan, Instant approvedAt, String taskBookState, List<MilestoneView> milestones,
			List<CheckRoundView> rounds, RecoveryView recovery) {

		static ProjectSummaryView of(ExecutionQueries.ProjectSummary summary) {
			var project = summary.project();
			return new ProjectSummaryView(project.id().value(), project.title(), project.fieldCode().orElse(null),
					project.leadOrganisation().value(), project.stage().name(), Fen.yuan(project.approvedFiscalFen()),
					project.approvedAt().orElse(null), summary.taskBook().map(book -> book.state().name()).orElse(null),
					summary.milestones().stream().map(MilestoneView::of).toList(),
					summary.rounds().stream().map(CheckRoundView::of).toList(),
					summary.recovery().map(RecoveryView::of).orElse(null));
		}

	}

	record DueMilestoneView(UUID projectId, String projectTitle, UUID leadOrganisationId, MilestoneView milestone,
			Instant noticedAt) {

		static DueMilestoneView of(DueMilestone due) {
			return new DueMilestoneView(due.milestone().projectId().value(), due.projectTitle(),
					due.leadOrganisation().value(), MilestoneView.of(due.milestone()), due.noticedAt().orElse(null));
		}

	}

	record DueMilestonePage(String window, List<DueMilestoneView> milestones, String nextPageToken) {
	}

	record ProgressReportView(UUID id, UUID milestoneId, String submittedBy, Instant submittedAt, String summary,
			List<KpiValueView> kpiValues, List<DocumentView> documents) {

		static ProgressReportView of(ProgressReport report) {
			return new ProgressReportView(report.id(), report.milestoneId().value(), report.submittedBy(),
					report.submittedAt(), report.summary(),
					report.kpiValues()
						.stream()
						.map(value -> new KpiValueView(value.kpiTargetId(), value.name(), value.unit(),
								value.reached().toPlainString()))
						.toList(),
					report.documents().stream().map(doc -> new DocumentView(doc.name(), doc.sha256())).toList());
		}

	}

	record KpiValueView(UUID kpiTargetId, String name, String unit, String reached) {
	}

	record DocumentView(String name, String sha256) {
	}

	record ProgressReportPage(List<ProgressReportView> reports, String nextPageToken) {
	}

	record DecisionView(UUID id, String decision, String reasons, String decidedBy, Instant decidedAt) {

		static DecisionView of(MilestoneDecision decision) {
			return new DecisionView(decision.id(), decision.decision().name(), decision.reasons(), decision.decidedBy(),
					decision.decidedAt());
		}

	}

	record ChangeRequestView(UUID id, String kind, String reason, String state, Map<String, Object> change,
			String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason,
			Map<String, Object> before, Map<String, Object> after) {

		static ChangeRequestView of(ChangeRequest request) {
			return new ChangeRequestView(request.id(), request.change().kind().name(), request.reason(),
					request.state().name(), change(request.change()), request.requestedBy(), request.requestedAt(),
					request.decidedBy().orElse(null), request.decidedAt().orElse(null),
					request.decisionReason().orElse(null), request.before().orElse(null), request.after().orElse(null));
		}

		private static Map<String, Object> change(ChangeRequest.Change change) {
			if (change instanceof ChangeRequest.MilestoneDate date) {
				return Map.of("milestoneId", date.milestoneId().toString(), "newDueDate", date.newDueDate().toString());
			}
			if (change instanceof ChangeRequest.BudgetReallocation move) {
				return Map.of("fromCategory", move.fromCategory(), "toCategory", move.toCategory(), "amountYuan",
						Fen.yuan(move.amountFen()));
			}
			if (change instanceof ChangeRequest.Partner partner) {
				return Map.of("partnerAction", partner.action().name(), "organisationId",
						partner.organisationId().toString(), "partnerRole", partner.role());
			}
			ChangeRequest.KpiTargetChange kpi = (ChangeRequest.KpiTargetChange) change;
			return Map.of("kpiTargetId", kpi.kpiTargetId().toString(), "newTarget", kpi.newTarget().toPlainString());
		}

	}

	record ChangeRequestPage(List<ChangeRequestView> changeRequests, String nextPageToken) {
	}

}
