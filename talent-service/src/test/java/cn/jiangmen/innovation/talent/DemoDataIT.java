package cn.jiangmen.innovation.talent;

import java.util.Map;

import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile seeds one open and one closed call with both demo organisations' applications, once. */
@TestPropertySource(properties = { "jiangmen.outbox.relay.enabled=false",
		"talent.attachments.old-folder=target/it-demo-attachments" })
@ActiveProfiles("demo")
class DemoDataIT extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "talent_demo_it");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void seedsOnceAndEachOrganisationSeesItsOwn() throws Exception {
		for (ApplicationRunner runner : this.context.getBeansOfType(ApplicationRunner.class).values()) {
			runner.run(new DefaultApplicationArguments());
		}
		assertThat(count("talent_call")).isEqualTo(2);
		assertThat(count("talent_application")).isEqualTo(4);
		assertThat(count("talent_attachment")).isEqualTo(9);

		Http http = new Http("http://localhost:" + this.port);
		Http.Reply calls = http.get("/api/talent/calls", infra.tokens().accessToken("applicant1"));
		assertThat(calls.json().findValuesAsString("acceptingSubmissions")).isNotNull();
		assertThat(calls.json().size()).isEqualTo(2);
		assertThat(http.get("/api/talent/applications", infra.tokens().accessToken("applicant1")).json().get("items").size())
			.isEqualTo(2);
		assertThat(http.get("/api/talent/applications", infra.tokens().accessToken("applicant2")).json().get("items").size())
			.isEqualTo(2);
		Http.Reply ranking = http.get("/api/talent/calls/3a1e7a1e-0000-4000-8000-000000000002/ranking",
				infra.tokens().accessToken("manager"));
		assertThat(ranking.json().get(0).get("rank").asInt()).isEqualTo(1);
		Map<String, Object> row = this.jdbc.sql("select status from talent_application where id = '3a1e7a1e-0000-4000-8000-000000000101'")
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("DRAFT");
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
