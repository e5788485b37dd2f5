package cn.jiangmen.innovation.project.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;

import org.springframework.stereotype.Service;

/**
 * gRPC face of project-service: the {@code project.v1.ProjectService} definition, its methods bound by
 * the {@link ProjectRpcGroup} beans (one per use case: calls, proposals, task books, documents, ...).
 * Spring gRPC serves every {@link BindableService} bean and wraps it in the global interceptors
 * (authentication, observation, the access log, the error mapping), which match full method names, so
 * the wire and its rules are those of the generated base class. {@code build()} throws at start-up when
 * an RPC of the descriptor is bound by no group, and {@code addMethod} when two groups bind the same.
 */
@Service
class ProjectGrpcService implements BindableService {

	private final List<ProjectRpcGroup> groups;

	ProjectGrpcService(List<ProjectRpcGroup> groups) {
		this.groups = List.copyOf(groups);
	}

	@Override
	public ServerServiceDefinition bindService() {
		ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(ProjectServiceGrpc.getServiceDescriptor());
		this.groups.forEach(group -> group.bindTo(service));
		return service.build();
	}

}
