package cn.jiangmen.innovation.project.grpc;

import java.util.List;

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

	ProjectGrpcService(MilestoneQueries milestones, FieldQueries fields) {
		this.milestones = milestones;
		this.fields = fields;
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
