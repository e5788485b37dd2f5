package cn.jiangmen.innovation.funding.config;

import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Stubs for the services funding calls. The channel named {@code project} (target, 5 s default
 * deadline) is configured in the platform defaults and overridable with {@code PROJECT_GRPC}.
 */
@Configuration(proxyBeanMethods = false)
class GrpcClientConfiguration {

	@Bean
	ProjectServiceGrpc.ProjectServiceBlockingStub projectServiceStub(GrpcChannelFactory channels) {
		return ProjectServiceGrpc.newBlockingStub(channels.createChannel("project"));
	}

}
