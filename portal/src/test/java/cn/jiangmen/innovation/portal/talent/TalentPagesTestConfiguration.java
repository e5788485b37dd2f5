package cn.jiangmen.innovation.portal.talent;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.organisation.InMemoryOrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.config.PortalSecurityConfiguration;
import cn.jiangmen.innovation.portal.project.ProjectPortalClient;
import cn.jiangmen.innovation.portal.web.FakePriorityFields;
import cn.jiangmen.innovation.portal.web.InProcessChannels;
import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * The talent pages' slice: real security, the real talent and project clients, talent-service and
 * project-service's priority fields faked in-process.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
@Import({ PortalSecurityConfiguration.class, TalentPortalClient.class, ProjectPortalClient.class })
class TalentPagesTestConfiguration {

	/** The realm's demo organisations the test applicant belongs to, as the directory has them. */
	@Bean
	OrganisationDirectory organisationDirectory() {
		return new InMemoryOrganisationDirectory(List.of(
				new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001"), "江门市光电科技有限公司",
						"91440703MA4UJM0L1T", OrganisationKind.ENTERPRISE, "江门市蓬江区"),
				new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002"), "五邑大学", "12440700455870000R",
						OrganisationKind.UNIVERSITY, "江门市蓬江区")));
	}


	private final String serverName = "talent-pages-" + UUID.randomUUID();

	@Bean
	FakeTalent fakeTalent() {
		return new FakeTalent();
	}

	@Bean
	FakePriorityFields fakePriorityFields() {
		return new FakePriorityFields();
	}

	@Bean(destroyMethod = "shutdownNow")
	Server talentServer(FakeTalent service, FakePriorityFields fields) throws IOException {
		return InProcessServerBuilder.forName(this.serverName)
			.directExecutor()
			.addService(service)
			.addService(fields)
			.build()
			.start();
	}

	@Bean
	GrpcChannelFactory grpcChannelFactory(Server talentServer) {
		return InProcessChannels.to(this.serverName);
	}

}
