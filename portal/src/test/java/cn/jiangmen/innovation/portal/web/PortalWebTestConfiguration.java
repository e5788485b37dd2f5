package cn.jiangmen.innovation.portal.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.platform.organisation.InMemoryOrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;
import cn.jiangmen.innovation.portal.application.TalentApplicationsClient;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.config.PortalSecurityConfiguration;
import cn.jiangmen.innovation.portal.finance.Beneficiaries;
import cn.jiangmen.innovation.portal.finance.FakeFundingService;
import cn.jiangmen.innovation.portal.finance.FundingPortalClient;
import cn.jiangmen.innovation.portal.finance.InstrumentPortalClient;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessServerBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * What a web slice of the portal needs beyond controllers: its security chain and properties, the
 * real talent client, and a real in-process gRPC server standing in for talent-service, reached
 * through platform's bearer-token interceptor just as in production.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
@Import({ PortalSecurityConfiguration.class, TalentApplicationsClient.class, FundingPortalClient.class,
		InstrumentPortalClient.class, Beneficiaries.class })
class PortalWebTestConfiguration {

	/** The realm's demo organisations the test applicant belongs to, as the directory has them. */
	@Bean
	OrganisationDirectory organisationDirectory() {
		return new InMemoryOrganisationDirectory(List.of(
				new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001"), "江门市光电科技有限公司",
						"91440703MA4UJM0L1T", OrganisationKind.ENTERPRISE, "江门市蓬江区"),
				new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002"), "五邑大学", "12440700455870000R",
						OrganisationKind.UNIVERSITY, "江门市蓬江区")));
	}


	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("Authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	/** The Authorization metadata of every call talent-service received. */
	static final class ReceivedTokens {

		final List<String> values = new CopyOnWriteArrayList<>();

	}

	private final String serverName = "talent-" + UUID.randomUUID();

	@Bean
	FakeTalentService fakeTalentService() {
		return new FakeTalentService();
	}

	@Bean
	ReceivedTokens receivedTokens() {
		return new ReceivedTokens();
	}

	@Bean
	FakeFundingService fakeFundingService() {
		return new FakeFundingService();
	}

	@Bean(destroyMethod = "shutdownNow")
	Server talentServer(FakeTalentService service, FakeFundingService funding, ReceivedTokens tokens) throws IOException {
		ServerInterceptor capture = new ServerInterceptor() {
			@Override
			public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
					ServerCallHandler<ReqT, RespT> next) {
				String authorization = headers.get(AUTHORIZATION);
				tokens.values.add(authorization == null ? "" : authorization);
				return next.startCall(call, headers);
			}
		};
		return InProcessServerBuilder.forName(this.serverName)
			.directExecutor()
			.addService(ServerInterceptors.intercept(service, capture))
			.addService(ServerInterceptors.intercept(funding, FakeFundingService.IDENTITY))
			.build()
			.start();
	}

	@Bean
	GrpcChannelFactory grpcChannelFactory(Server talentServer) {
		return InProcessChannels.to(this.serverName);
	}

}
