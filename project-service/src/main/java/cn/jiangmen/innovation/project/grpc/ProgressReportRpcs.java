package cn.jiangmen.innovation.project.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.ListProgressReportsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProgressReportsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProgressReportRequest;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProgressReportResponse;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.MilestoneCommands;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.ProgressReport;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/** Progress reports (进度报告) for the portal: the lead submits, anyone who sees the project reads. */
@Component
class ProgressReportRpcs implements ProjectRpcGroup {

	private final MilestoneCommands commands;

	private final ExecutionQueries queries;

	ProgressReportRpcs(MilestoneCommands commands, ExecutionQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getSubmitProgressReportMethod(), this::submitProgressReport);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getListProgressReportsMethod(), this::listProgressReports);
	}

	SubmitProgressReportResponse submitProgressReport(SubmitProgressReportRequest request) {
		ProjectId projectId = ProjectId.parse(request.getProjectId(), "project_id");
		MilestoneId milestoneId = MilestoneId.parse(request.getMilestoneId(), "milestone_id");
		MilestoneCommands.ReportInput input = new MilestoneCommands.ReportInput(request.getSummary(),
				request.getKpiValuesList()
					.stream()
					.map(value -> new MilestoneCommands.KpiValueInput(value.getKpiTargetId(), value.getReached()))
					.toList(),
				request.getDocumentsList()
					.stream()
					.map(doc -> new MilestoneCommands.DocumentInput(doc.getName(), doc.getSha256()))
					.toList());
		return SubmitProgressReportResponse.newBuilder()
			.setReport(ExecutionMessages.report(this.commands.report(projectId, milestoneId, input, Callers.current())))
			.build();
	}

	ListProgressReportsResponse listProgressReports(ListProgressReportsRequest request) {
		ProjectId projectId = ProjectId.parse(request.getProjectId(), "project_id");
		MilestoneId milestoneId = MilestoneId.parse(request.getMilestoneId(), "milestone_id");
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<ProgressReport> found = this.queries.reports(projectId, milestoneId, page, Callers.current());
		return ListProgressReportsResponse.newBuilder()
			.addAllReports(found.stream().map(ExecutionMessages::report).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build();
	}

}
