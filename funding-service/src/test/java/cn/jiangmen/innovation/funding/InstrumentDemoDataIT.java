package cn.jiangmen.innovation.funding;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile seeds the instruments of the current year (2026 on the test's fixed clock) once:
 * budgets raised with four eyes, rules, a provider, two vouchers with one redeemed, an
 * interest-subsidy claim and a reviewed post-subsidy claim; running the seed again changes nothing,
 * and the demo applicant sees their vouchers over REST with a real token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "jiangmen.funding.vouchers.expiry-enabled=false" })
@Import(InstrumentDemoDataIT.DemoClock.class)
@ActiveProfiles("demo")
@ExtendWith(LedgerBalanceCheck.class)
class InstrumentDemoDataIT {

	/** The seed runs when the context starts: its year is the clock's, stopped before that. */
	@TestConfiguration(proxyBeanMethods = false)
	static class DemoClock {

		@Bean
		InstrumentTestSupport.SettableTestClock clock() {
			return InstrumentTestSupport.SettableTestClock.stoppedAt(Instant.parse("2026-06-01T02:00:00Z"));
		}

	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "funding_demo_it");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void seedsTheInstrumentsOnce() throws Exception {
		for (ApplicationRunner runner : this.context.getBeansOfType(ApplicationRunner.class).values()) {
			runner.run(new DefaultApplicationArguments());
		}
		Map<String, Long> vouchers = this.jdbc.sql("select state, count(*) n from voucher where fiscal_year = 2026 group by state")
			.query((rs, row) -> Map.entry(rs.getString("state"), rs.getLong("n")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(vouchers).containsEntry("ISSUED", 1L).containsEntry("REDEEMED", 1L);
		assertThat(this.jdbc.sql("select instrument || ':' || state || ':' || amount_minor from subsidy_claim order by instrument")
			.query(String.class)
			.list()).containsExactly("INTEREST_SUBSIDY:SUBMITTED:3100000", "POST_SUBSIDY:REVIEWED:50000000");
		HttpResponse<String> mine = InstrumentTestSupport.send(this.port, "GET", "/api/funding/vouchers", "applicant1", null, null);
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("\"state\":\"REDEEMED\"").contains("\"redeemedYuan\":\"15000.00\"");
		assertThat(InstrumentTestSupport.send(this.port, "GET", "/api/funding/budgets", "auditor", null, null).body())
			.contains("vouchers").contains("post-subsidies").contains("interest-subsidies");

		// DemoData: the project award's start-up tranche paid through one batch, its milestone tranche waiting
		assertThat(this.jdbc.sql("select t.sequence || ':' || t.state from tranche t join commitment c on c.id = t.commitment_id "
				+ "where c.award_reference = 'JM-2026-ZX-0001' order by t.sequence")
			.query(String.class)
			.list()).containsExactly("1:PAID", "2:SCHEDULED");
		assertThat(this.jdbc.sql("select state from payment_batch").query(String.class).list()).containsExactly("CLOSED");
		assertThat(this.jdbc.sql("select count(*) from tranche t join commitment c on c.id = t.commitment_id "
				+ "where c.award_reference = 'JM-2026-RC-0001'").query(Long.class).single()).isEqualTo(3L);
		assertThat(this.jdbc.sql("select count(*) from budget where fiscal_year = 2026").query(Long.class).single())
			.as("one line per program, whichever seed opened it").isEqualTo(5L);
	}

}
