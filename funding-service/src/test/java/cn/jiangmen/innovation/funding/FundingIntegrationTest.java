package cn.jiangmen.innovation.funding;

import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.funding.domain.ledger.Ledger;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The set-up the funding ITs over gRPC and REST share: funding-service on random ports against
 * the real PostgreSQL, Redis and Keycloak of {@link TestInfrastructure} (the organisation directory
 * is the realm's Keycloak Organizations, as in production), a plaintext channel per test, a budget
 * line of the test's own (so tests never compete for money), a clock a test may stop where it needs
 * (the system's otherwise, and again after each test) and the ledger checked after every test
 * ({@link LedgerBalanceCheck}). The voucher expiry schedule is off: a test expires on its own clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.grpc.server.port=0", "jiangmen.funding.vouchers.expiry-enabled=false" })
@Import(InstrumentTestSupport.Clocks.class)
@ExtendWith(LedgerBalanceCheck.class)
abstract class FundingIntegrationTest {

	static final TestInfrastructure infra = TestInfrastructure.get();

	@DynamicPropertySource
	static void fundingProperties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "funding_it");
	}

	@LocalGrpcServerPort
	int grpcPort;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Budgets budgets;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	InstrumentTestSupport.SettableTestClock clock;

	ManagedChannel channel;

	FundingFixtures fixtures;

	/** The test's own budget line (program code), 2026. */
	String code;

	private final String budgetPrefix;

	private final long budgetYuan;

	/**
	 * @param budgetPrefix the start of each test's program code (which IT made a line)
	 * @param budgetYuan what each test's line is raised to
	 */
	FundingIntegrationTest(String budgetPrefix, long budgetYuan) {
		this.budgetPrefix = budgetPrefix;
		this.budgetYuan = budgetYuan;
	}

	@BeforeEach
	void openChannelAndBudget() {
		this.channel = GrpcChannels.plaintext(this.grpcPort);
		this.code = this.budgetPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.fixtures = new FundingFixtures(this.budgets, this.ledger, this.transactions, this.jdbc);
		this.fixtures.budget(this.code, 2026, this.budgetYuan);
	}

	@AfterEach
	void closeChannel() {
		GrpcChannels.close(this.channel);
		this.clock.reset();
	}

}
