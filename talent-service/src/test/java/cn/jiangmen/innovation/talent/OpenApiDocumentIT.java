package cn.jiangmen.innovation.talent;

import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import cn.jiangmen.innovation.testsupport.client.OpenApiDocuments;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of the running service, as the gateway serves it at
 * {@code /api/talent/v3/api-docs}; written to {@code target/openapi/talent-service.json} for the
 * build's redocly lint, so the lint sees exactly what the server serves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "jiangmen.outbox.relay.enabled=false" })
class OpenApiDocumentIT {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "talent_it");
	}

	@LocalServerPort
	int port;

	@Test
	void publicAtTheGatewayPathWithThisServicesInfo() {
		JsonNode document = OpenApiDocuments.fetchCheckAndSave(new HttpProbe("http://localhost:" + this.port),
				"talent-service", "talent");

		assertThat(document.at("/info/title").asString()).isEqualTo("talent-service REST API");
		assertThat(document.at("/info/description").asString()).isNotBlank();
	}

}
