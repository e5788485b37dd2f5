package cn.jiangmen.innovation.project.config;

import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Stubs for the services project calls from the outbox relay. The channels {@code review} and
 * {@code funding} (targets, 5 s deadline) come from the platform defaults and are overridable with
 * {@code REVIEW_GRPC} and {@code FUNDING_GRPC}.
 */
@Configuration(proxyBeanMethods = false)
class GrpcClientConfiguration {

	@Bean
	ReviewServiceGrpc.ReviewServiceBlockingStub reviewServiceStub(GrpcChannelFactory channels) {
		return ReviewServiceGrpc.newBlockingStub(channels.createChannel("review"));
	}

	@Bean
	FundingServiceGrpc.FundingServiceBlockingStub fundingServiceStub(GrpcChannelFactory channels) {
		return FundingServiceGrpc.newBlockingStub(channels.createChannel("funding"));
	}

}
