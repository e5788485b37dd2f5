package cn.jiangmen.innovation.project.web.execution;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the execution endpoints; every value is checked by the use case, naming the field. */
final class ExecutionRequests {

	private ExecutionRequests() {
	}

	record KpiTargetBody(String milestoneId, @Schema(example = "发明专利申请 invention patents applied") String name,
			@Schema(example = "件 items") String unit, @Schema(example = "3") String target) {
	}

	record IssueTaskBook(List<KpiTargetBody> kpiTargets) {
	}

	record KpiValueBody(String kpiTargetId, @Schema(example = "2") String reached) {
	}

	record DocumentBody(@Schema(example = "prototype-test-report.pdf") String name,
			@Schema(description = "SHA-256 of the document, 64 hex digits") String sha256) {
	}

	record SubmitReport(String summary, List<KpiValueBody> kpiValues, List<DocumentBody> documents) {
	}

	record Reasons(String reasons) {
	}

	record RequestChange(
			@Schema(allowableValues = { "MILESTONE_DATE", "BUDGET_REALLOCATION", "PARTNER", "KPI_TARGET" }) String kind,
			String reason, String milestoneId, @Schema(example = "2027-09-30") String newDueDate,
			@Schema(example = "equipment") String fromCategory, @Schema(example = "testing") String toCategory,
			@Schema(description = "yuan", example = "50000.00") String amount,
			@Schema(allowableValues = { "ADD", "REMOVE" }) String partnerAction, String organisationId,
			String partnerRole, String kpiTargetId, String newTarget) {
	}

	record Decision(String reason) {
	}

	record OpenRound(@Schema(allowableValues = { "MID_TERM", "FINAL_ACCEPTANCE" }) String kind) {
	}

	record RecordOutcome(@Schema(allowableValues = { "PASS", "RECTIFY", "FAIL" }) String outcome,
			@Schema(description = "the panel's score, 0-100", example = "82.5") String panelScore, String reasons,
			@Schema(description = "deadline of a rectification", example = "2027-03-31") String rectifyBy) {
	}

}
