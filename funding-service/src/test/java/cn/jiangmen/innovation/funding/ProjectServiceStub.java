package cn.jiangmen.innovation.funding;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetMilestoneStatusResponse;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;

/**
 * project-service as the tranche ITs need it: an in-process gRPC server on a real port answering
 * each milestone's state from {@link #milestones} (PLANNED when the test said nothing), so
 * funding's milestone gate is asked over the network as in production.
 */
final class ProjectServiceStub {

	final Map<String, MilestoneState> milestones = new ConcurrentHashMap<>();

	private final Server server;

	private ProjectServiceStub() {
		try {
			this.server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
				.addService(new ProjectServiceGrpc.ProjectServiceImplBase() {
					@Override
					public void getMilestoneStatus(GetMilestoneStatusRequest request,
							StreamObserver<GetMilestoneStatusResponse> observer) {
						observer.onNext(GetMilestoneStatusResponse.newBuilder()
							.setProjectId(request.getProjectId())
							.setMilestoneId(request.getMilestoneId())
							.setState(milestones.getOrDefault(request.getMilestoneId(), MilestoneState.MILESTONE_STATE_PLANNED))
							.build());
						observer.onCompleted();
					}
				})
				.build()
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ProjectServiceStub start() {
		return new ProjectServiceStub();
	}

	/** funding's channel to project-service, for a {@code DynamicPropertySource}. */
	String target() {
		return "static://localhost:" + this.server.getPort();
	}

	void stop() {
		this.server.shutdownNow();
	}

}
