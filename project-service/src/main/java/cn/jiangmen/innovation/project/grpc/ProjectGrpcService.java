package cn.jiangmen.innovation.project.grpc;

import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusResponse;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.MilestoneQueries;
import cn.jiangmen.innovation.project.domain.Milestone;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import io.grpc.stub.StreamObserver;

import org.springframework.stereotype.Service;

/** gRPC face of project-service: funding asks whether a milestone is accepted. */
@Service
class ProjectGrpcService extends ProjectServiceGrpc.ProjectServiceImplBase {

	private final MilestoneQueries milestones;

	ProjectGrpcService(MilestoneQueries milestones) {
		this.milestones = milestones;
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
