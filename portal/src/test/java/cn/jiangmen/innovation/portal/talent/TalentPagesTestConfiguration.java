package cn.jiangmen.innovation.portal.talent;

import java.io.IOException;
import java.util.UUID;

import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.config.PortalSecurityConfiguration;
import cn.jiangmen.innovation.portal.web.InProcessChannels;
import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.client.GrpcChannelFactory;

/** The talent pages' slice: real security, the real talent client, talent-service faked in-process. */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
@Import({ PortalSecurityConfiguration.class, TalentPortalClient.class })
class TalentPagesTestConfiguration {

	private final String serverName = "talent-pages-" + UUID.randomUUID();

	@Bean
	FakeTalent fakeTalent() {
		return new FakeTalent();
	}

	@Bean(destroyMethod = "shutdownNow")
	Server talentServer(FakeTalent service) throws IOException {
		return InProcessServerBuilder.forName(this.serverName).directExecutor().addService(service).build().start();
	}

	@Bean
	GrpcChannelFactory grpcChannelFactory(Server talentServer) {
		return InProcessChannels.to(this.serverName);
	}

}
