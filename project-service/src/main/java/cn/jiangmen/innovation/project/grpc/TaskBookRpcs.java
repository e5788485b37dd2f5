package cn.jiangmen.innovation.project.grpc;

import cn.jiangmen.innovation.contracts.project.v1.AcceptTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.AcceptTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.CountersignTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.CountersignTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookPdfRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookPdfResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.IssueTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.IssueTaskBookResponse;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.execution.ExecutionQueries;
import cn.jiangmen.innovation.project.application.execution.TaskBookCommands;
import cn.jiangmen.innovation.project.application.execution.TaskBookPdf;
import cn.jiangmen.innovation.project.domain.ProjectId;
import com.google.protobuf.ByteString;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Component;

/**
 * The task book (任务书) for the portal: the manager issues it, the lead accepts it, the manager
 * countersigns it; read and PDF for whoever reads the project.
 */
@Component
class TaskBookRpcs implements ProjectRpcGroup {

	private final ExecutionQueries queries;

	private final TaskBookCommands commands;

	private final TaskBookPdf pdf;

	TaskBookRpcs(ExecutionQueries queries, TaskBookCommands commands, TaskBookPdf pdf) {
		this.queries = queries;
		this.commands = commands;
		this.pdf = pdf;
	}

	@Override
	public void bindTo(ServerServiceDefinition.Builder service) {
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getGetTaskBookMethod(), this::getTaskBook);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getGetTaskBookPdfMethod(), this::getTaskBookPdf);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getAcceptTaskBookMethod(), this::acceptTaskBook);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getCountersignTaskBookMethod(), this::countersignTaskBook);
		ProjectRpcGroup.unary(service, ProjectServiceGrpc.getIssueTaskBookMethod(), this::issueTaskBook);
	}

	GetTaskBookResponse getTaskBook(GetTaskBookRequest request) {
		ExecutionQueries.TaskBookView view = this.queries.taskBook(ProjectId.parse(request.getProjectId(), "project_id"),
				Callers.current());
		return GetTaskBookResponse.newBuilder()
			.setProject(ExecutionMessages.summary(view.project(), java.util.Optional.of(view.taskBook()),
					view.milestones(), false))
			.setStatus(ExecutionMessages.status(view.taskBook()))
			.addAllKpiTargets(view.kpiTargets().stream().map(ExecutionMessages::kpiTarget).toList())
			.build();
	}

	/** KPI targets' bad fields keep REST's names (kpiTargets[0].target), as every execution RPC's. */
	IssueTaskBookResponse issueTaskBook(IssueTaskBookRequest request) {
		ProjectId id = ProjectId.parse(request.getProjectId(), "project_id");
		this.commands.issue(id,
				request.getKpiTargetsList()
					.stream()
					.map(target -> new TaskBookCommands.KpiTargetInput(target.getMilestoneId(), target.getName(),
							target.getUnit(), target.getTarget()))
					.toList(),
				Callers.current());
		ExecutionQueries.TaskBookView view = this.queries.taskBook(id, Callers.current());
		return IssueTaskBookResponse.newBuilder()
			.setStatus(ExecutionMessages.status(view.taskBook()))
			.addAllKpiTargets(view.kpiTargets().stream().map(ExecutionMessages::kpiTarget).toList())
			.build();
	}

	GetTaskBookPdfResponse getTaskBookPdf(GetTaskBookPdfRequest request) {
		ProjectId id = ProjectId.parse(request.getProjectId(), "project_id");
		byte[] document = this.pdf.render(this.queries.taskBook(id, Callers.current()));
		return GetTaskBookPdfResponse.newBuilder()
			.setPdf(ByteString.copyFrom(document))
			.setFileName("task-book-" + id + ".pdf")
			.build();
	}

	AcceptTaskBookResponse acceptTaskBook(AcceptTaskBookRequest request) {
		return AcceptTaskBookResponse.newBuilder()
			.setStatus(ExecutionMessages.status(this.commands.accept(ProjectId.parse(request.getProjectId(), "project_id"),
					Callers.current())))
			.build();
	}

	CountersignTaskBookResponse countersignTaskBook(CountersignTaskBookRequest request) {
		return CountersignTaskBookResponse.newBuilder()
			.setStatus(ExecutionMessages.status(this.commands
				.countersign(ProjectId.parse(request.getProjectId(), "project_id"), Callers.current())))
			.build();
	}

}
