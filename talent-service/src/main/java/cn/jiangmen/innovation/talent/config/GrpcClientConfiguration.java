package cn.jiangmen.innovation.talent.config;

import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Stubs for the services talent calls. The channel {@code review} (target, 5 s deadline) comes from
 * the platform defaults and is overridable with {@code REVIEW_GRPC}.
 */
@Configuration(proxyBeanMethods = false)
class GrpcClientConfiguration {

	@Bean
	ReviewServiceGrpc.ReviewServiceBlockingStub reviewServiceStub(GrpcChannelFactory channels) {
		return ReviewServiceGrpc.newBlockingStub(channels.createChannel("review"));
	}

}
