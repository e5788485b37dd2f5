package cn.jiangmen.innovation.project.grpc;

import java.util.List;
import java.util.function.Supplier;

import cn.jiangmen.innovation.contracts.project.v1.AcceptTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.AcceptTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.CountersignTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.CountersignTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookPdfRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookPdfResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListDueMilestonesRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListDueMilestonesResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestonesRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestonesResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListProgressReportsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProgressReportsResponse;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProgressReportRequest;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProgressReportResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusResponse;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListPriorityFieldsResponse;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.FieldQueries;
import cn.jiangmen.innovation.project.application.MilestoneQueries;
import cn.jiangmen.innovation.project.domain.PriorityField;
import cn.jiangmen.innovation.project.domain.Milestone;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/** gRPC face of project-service: funding asks whether a milestone is accepted; anyone lists the fields. */
@Service
class ProjectGrpcService extends ProjectServiceGrpc.ProjectServiceImplBase {

	private final MilestoneQueries milestones;

	private final FieldQueries fields;

	private final ProjectExecutionRpcs execution;

	private final TaskBookRpcs taskBooks;

	private final ProgressReportRpcs reports;

	ProjectGrpcService(MilestoneQueries milestones, FieldQueries fields, ProjectExecutionRpcs execution,
			TaskBookRpcs taskBooks, ProgressReportRpcs reports) {
		this.milestones = milestones;
		this.fields = fields;
		this.execution = execution;
		this.taskBooks = taskBooks;
		this.reports = reports;
	}

	private static <T> void answer(StreamObserver<T> observer, Supplier<T> call) {
		observer.onNext(call.get());
		observer.onCompleted();
	}

	@Override
	public void getProjectSummary(GetProjectSummaryRequest request, StreamObserver<GetProjectSummaryResponse> observer) {
		answer(observer, () -> this.execution.getProjectSummary(request));
	}

	@Override
	public void listMilestones(ListMilestonesRequest request, StreamObserver<ListMilestonesResponse> observer) {
		answer(observer, () -> this.execution.listMilestones(request));
	}

	@Override
	public void listDueMilestones(ListDueMilestonesRequest request, StreamObserver<ListDueMilestonesResponse> observer) {
		answer(observer, () -> this.execution.listDueMilestones(request));
	}

	@Override
	public void getTaskBook(GetTaskBookRequest request, StreamObserver<GetTaskBookResponse> observer) {
		answer(observer, () -> this.taskBooks.getTaskBook(request));
	}

	@Override
	public void getTaskBookPdf(GetTaskBookPdfRequest request, StreamObserver<GetTaskBookPdfResponse> observer) {
		answer(observer, () -> this.taskBooks.getTaskBookPdf(request));
	}

	@Override
	public void acceptTaskBook(AcceptTaskBookRequest request, StreamObserver<AcceptTaskBookResponse> observer) {
		answer(observer, () -> this.taskBooks.acceptTaskBook(request));
	}

	@Override
	public void countersignTaskBook(CountersignTaskBookRequest request,
			StreamObserver<CountersignTaskBookResponse> observer) {
		answer(observer, () -> this.taskBooks.countersignTaskBook(request));
	}

	@Override
	public void submitProgressReport(SubmitProgressReportRequest request,
			StreamObserver<SubmitProgressReportResponse> observer) {
		answer(observer, () -> this.reports.submitProgressReport(request));
	}

	@Override
	public void listProgressReports(ListProgressReportsRequest request,
			StreamObserver<ListProgressReportsResponse> observer) {
		answer(observer, () -> this.reports.listProgressReports(request));
	}

	@Override
	public void listPriorityFields(ListPriorityFieldsRequest request,
			StreamObserver<ListPriorityFieldsResponse> responseObserver) {
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<PriorityField> found = this.fields.page(page);
		responseObserver.onNext(ListPriorityFieldsResponse.newBuilder()
			.addAllFields(found.stream().map(FieldMessages::of).toList())
			.setNextPageToken(page.nextToken(found.size()))
			.build());
		responseObserver.onCompleted();
	}

	@Override
	public void getMilestoneStatus(GetMilestoneStatusRequest request,
			StreamObserver<GetMilestoneStatusResponse> responseObserver) {
		ProjectId projectId = ProjectId.parse(request.getProjectId(), "project_id");
		MilestoneId milestoneId = MilestoneId.parse(request.getMilestoneId(), "milestone_id");
		Milestone milestone = this.milestones.get(projectId, milestoneId, Callers.current());
		GetMilestoneStatusResponse.Builder response = GetMilestoneStatusResponse.newBuilder()
			.setProjectId(milestone.projectId().toString())
			.setMilestoneId(milestone.id().toString())
			.setState(MilestoneState.valueOf("MILESTONE_STATE_" + milestone.state().name()));
		milestone.acceptedAt()
			.ifPresent(at -> response.setAcceptedAt(ProtoTimes.timestamp(at)));
		responseObserver.onNext(response.build());
		responseObserver.onCompleted();
	}

}
