package cn.jiangmen.innovation.review;

import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
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

/**
 * The demo profile seeds the five demo experts once, under the Keycloak ids the realm gives them:
 * each demo expert, signed in for real, finds their own profile.
 */
@TestPropertySource(properties = { "jiangmen.outbox.relay.enabled=false", "review.reminders.enabled=false" })
@ActiveProfiles("demo")
class DemoDataIT extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "review_demo_it");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void seedsTheFiveDemoExpertsOnceUnderTheirRealmIds() throws Exception {
		for (int run = 0; run < 2; run++) {
			for (ApplicationRunner runner : this.context.getBeansOfType(ApplicationRunner.class).values()) {
				runner.run(new DefaultApplicationArguments());
			}
		}
		assertThat(this.jdbc.sql("select count(*) from expert").query(Long.class).single()).isEqualTo(5);

		Api api = new Api("http://localhost:" + this.port);
		for (int n = 1; n <= 5; n++) {
			HttpProbe.Response me = api.get("/api/review/experts/me", infra.tokens().accessToken("expert" + n));
			assertThat(me.status()).as(me.body()).isEqualTo(200);
			assertThat(me.body()).contains("\"username\":\"expert" + n + "\"").contains("visible-light-communication");
		}
		assertThat(api.get("/api/review/experts/me", infra.tokens().accessToken("expert3")).body()).contains("五邑大学");
	}

}
