package cn.jiangmen.innovation.review.config;

import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Stubs for the services review calls back. The channel {@code talent} (target, 5 s deadline) comes
 * from the platform defaults and is overridable with {@code TALENT_GRPC}.
 */
@Configuration(proxyBeanMethods = false)
class GrpcClientConfiguration {

	@Bean
	TalentServiceGrpc.TalentServiceBlockingStub talentServiceStub(GrpcChannelFactory channels) {
		return TalentServiceGrpc.newBlockingStub(channels.createChannel("talent"));
	}

}
