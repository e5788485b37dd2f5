package cn.jiangmen.innovation.review.config;

import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Stubs for the services review calls back. The channels {@code talent} and {@code project} (targets,
 * 5 s deadline) come from the platform defaults and are overridable with {@code TALENT_GRPC} and
 * {@code PROJECT_GRPC}.
 */
@Configuration(proxyBeanMethods = false)
class GrpcClientConfiguration {

	@Bean
	TalentServiceGrpc.TalentServiceBlockingStub talentServiceStub(GrpcChannelFactory channels) {
		return TalentServiceGrpc.newBlockingStub(channels.createChannel("talent"));
	}

	@Bean
	ProjectServiceGrpc.ProjectServiceBlockingStub projectServiceStub(GrpcChannelFactory channels) {
		return ProjectServiceGrpc.newBlockingStub(channels.createChannel("project"));
	}

}
