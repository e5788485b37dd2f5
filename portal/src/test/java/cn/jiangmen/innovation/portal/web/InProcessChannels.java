package cn.jiangmen.innovation.portal.web;

import cn.jiangmen.innovation.platform.grpc.BearerTokenClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;

import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Every channel the portal opens, pointed at one in-process gRPC server of a test slice, with the
 * platform's bearer-token relay in place as in production.
 */
public final class InProcessChannels {

	private InProcessChannels() {
	}

	public static GrpcChannelFactory to(String serverName) {
		return new GrpcChannelFactory() {
			@Override
			public boolean supports(String target) {
				return true;
			}

			@Override
			public ManagedChannel createChannel(String target, ChannelBuilderOptions options) {
				return InProcessChannelBuilder.forName(serverName)
					.directExecutor()
					.intercept(new BearerTokenClientInterceptor(() -> null))
					.build();
			}
		};
	}

}
