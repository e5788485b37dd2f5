package cn.jiangmen.innovation.funding;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardResponse;
import cn.jiangmen.innovation.contracts.funding.v1.CommitmentState;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareTrancheRequest;
import cn.jiangmen.innovation.contracts.funding.v1.Tranche;
import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.funding.domain.ledger.Ledger;
import cn.jiangmen.innovation.testsupport.BadToken;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * funding-service against real PostgreSQL, Redis and Keycloak tokens: CommitAward is idempotent,
 * never overdraws a budget under concurrency, and keeps the ledger balanced. The funding ->
 * project client is tested here only for the outage path (no project-service listening); the
 * happy path needs a running project-service and belongs to the system tests.
 */
@ExtendWith(LedgerBalanceCheck.class)
class FundingServiceIT extends ServiceIntegrationTest {

	static final String ORG_1 = "7d1c2a8e-0000-4000-8000-000000000001";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "funding_it");
		int unusedPort = unusedPort();
		registry.add("spring.grpc.client.channel.project.target", () -> "static://localhost:" + unusedPort);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Budgets budgets;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate transactions;

	String budgetCode;

	@BeforeEach
	void seed() {
		this.budgetCode = "major-projects-" + UUID.randomUUID().toString().substring(0, 8);
		budget(this.budgetCode, 2026, 1_000_000L);
	}

	@Test
	void flywayMigratedBudgetsCommitmentsLedgerAndAudit() {
		assertThat(this.jdbc.sql("""
				select count(*) from information_schema.tables
				where table_name in ('budget','commitment','ledger_entry','ledger_account','ledger_transfer','tranche',
				                     'idempotency_record','audit_log')
				""").query(Integer.class).single()).isEqualTo(8);
		assertThat(this.http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
	}

	@Test
	void aRetryReturnsTheFirstCommitmentAndMovesMoneyOnce() {
		CommitAwardRequest request = request("award-" + UUID.randomUUID(), this.budgetCode, 250_000L);
		CommitAwardResponse first = stub(infra.tokens().serviceAccountToken()).commitAward(request);
		CommitAwardResponse retry = stub(infra.tokens().serviceAccountToken()).commitAward(request);

		assertThat(first.getState()).isEqualTo(CommitmentState.COMMITMENT_STATE_COMMITTED);
		assertThat(retry).isEqualTo(first);
		assertThat(committed(this.budgetCode)).isEqualTo(250_000L);
		assertThat(count("select count(*) from commitment where idempotency_key = :p", request.getIdempotencyKey()))
			.isEqualTo(1);
		assertThat(count("select count(*) from tranche where commitment_id = cast(:p as uuid) and state = 'SCHEDULED'",
				first.getCommitmentId())).isEqualTo(1);
		assertThat(first.getTranchesList()).singleElement()
			.satisfies(t -> assertThat(t.getAmount().getMinorUnits()).isEqualTo(250_000L));
		assertThat(count("select count(*) from audit_log where object_type = 'commitment' and object_id = :p",
				first.getCommitmentId())).isEqualTo(1);
		assertLedgerBalanced();
	}

	@Test
	void theSameKeyWithOtherContentIsRefusedNamingTheKey() {
		String key = "award-" + UUID.randomUUID();
		stub(infra.tokens().accessToken("officer")).commitAward(request(key, this.budgetCode, 100L));
		assertThatThrownBy(() -> stub(infra.tokens().accessToken("officer")).commitAward(request(key, this.budgetCode, 200L)))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("idempotency_key");
			});
		assertThat(committed(this.budgetCode)).isEqualTo(100L);
	}

	@Test
	void badInputIsInvalidArgumentNamingTheFieldAndNothingIsWritten() {
		String key = "bad-" + UUID.randomUUID();
		CommitAwardRequest dollars = request(key, this.budgetCode, 100L).toBuilder()
			.setAmount(Money.newBuilder().setCurrencyCode("USD").setMinorUnits(100))
			.build();
		CommitAwardRequest zero = request(key, this.budgetCode, 0L);
		CommitAwardRequest negative = request(key, this.budgetCode, -5L).toBuilder()
			.setRecipientOrganisationId("nobody")
			.build();
		assertThat(invalidFields(dollars)).containsExactly("amount.currency_code");
		assertThat(invalidFields(zero)).containsExactly("amount.minor_units");
		assertThat(invalidFields(negative)).containsExactly("recipient_organisation_id", "amount.minor_units");
		assertThat(invalidFields(CommitAwardRequest.newBuilder().setIdempotencyKey(key).build()))
			.containsExactly("budget_code", "fiscal_year", "award_reference", "recipient_organisation_id", "amount");
		assertThat(count("select count(*) from commitment where idempotency_key = :p", key)).isZero();
		assertThat(committed(this.budgetCode)).isZero();
	}

	@Test
	void anUnknownBudgetIsNotFound() {
		assertThatThrownBy(() -> stub(infra.tokens().serviceAccountToken())
			.commitAward(request("award-" + UUID.randomUUID(), "no-such-program", 100L)))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

	@Test
	void aRefusalForInsufficientBudgetIsRecordedAndRepeatedToRetries() {
		CommitAwardRequest tooMuch = request("award-" + UUID.randomUUID(), this.budgetCode, 1_000_001L);
		CommitAwardResponse refused = stub(infra.tokens().serviceAccountToken()).commitAward(tooMuch);
		assertThat(refused.getState()).isEqualTo(CommitmentState.COMMITMENT_STATE_REFUSED_INSUFFICIENT_BUDGET);
		budget(this.budgetCode + "-x", 2026, 0L); // unrelated change between attempt and retry
		assertThat(stub(infra.tokens().serviceAccountToken()).commitAward(tooMuch)).isEqualTo(refused);
		assertThat(committed(this.budgetCode)).isZero();
		assertThat(count("select count(*) from tranche where commitment_id = cast(:p as uuid)",
				refused.getCommitmentId())).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "approver", "auditor", "applicant1", "expert1", "admin" })
	void onlyTheServiceAccountManagersAndFinanceOfficersCommit(String user) {
		String key = "denied-" + UUID.randomUUID();
		assertThatThrownBy(() -> stub(infra.tokens().accessToken(user)).commitAward(request(key, this.budgetCode, 100L)))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThat(count("select count(*) from commitment where idempotency_key = :p", key)).isZero();
	}

	@Test
	void concurrentCommitsNeverOverdrawTheBudget() throws Exception {
		String code = "vouchers-" + UUID.randomUUID().toString().substring(0, 8);
		budget(code, 2027, 7 * 1_000L); // fits exactly 7 awards of 1 000 fen
		String token = infra.tokens().serviceAccountToken();
		List<Callable<CommitAwardResponse>> calls = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			CommitAwardRequest request = request("race-" + UUID.randomUUID(), code, 1_000L).toBuilder()
				.setFiscalYear(2027)
				.build();
			calls.add(() -> stub(token).commitAward(request));
		}
		List<CommitAwardResponse> responses = runTogether(calls);

		assertThat(responses.stream().filter(r -> r.getState() == CommitmentState.COMMITMENT_STATE_COMMITTED))
			.hasSize(7);
		assertThat(responses.stream()
			.filter(r -> r.getState() == CommitmentState.COMMITMENT_STATE_REFUSED_INSUFFICIENT_BUDGET)).hasSize(13);
		assertThat(committed(code)).isEqualTo(7_000L);
		assertThat(this.jdbc.sql("select credits_pending from ledger_account where code = :a")
			.param("a", "budget/" + code + "/2027/commitment")
			.query(Long.class)
			.single()).isEqualTo(7_000L);
		assertLedgerBalanced();
	}

	@Test
	void concurrentRetriesOfOneKeyCommitOnce() throws Exception {
		CommitAwardRequest request = request("same-" + UUID.randomUUID(), this.budgetCode, 300L);
		String token = infra.tokens().serviceAccountToken();
		List<Callable<CommitAwardResponse>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			calls.add(() -> stub(token).commitAward(request));
		}
		List<CommitAwardResponse> responses = runTogether(calls);
		assertThat(responses).allMatch(r -> r.equals(responses.get(0)));
		assertThat(committed(this.budgetCode)).isEqualTo(300L);
		assertThat(count("select count(*) from commitment where idempotency_key = :p", request.getIdempotencyKey()))
			.isEqualTo(1);
	}

	@Test
	void theDatabaseRefusesLedgerChangesAndOverdrafts() {
		stub(infra.tokens().serviceAccountToken()).commitAward(request("award-" + UUID.randomUUID(), this.budgetCode, 100L));
		assertThatThrownBy(() -> this.jdbc.sql("update ledger_entry set debit_minor = debit_minor + 1").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from ledger_entry").update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("update ledger_transfer set amount_minor = 1").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("update ledger_account set debits_pending = credits_posted + 1 where code = :c")
			.param("c", "budget/" + this.budgetCode + "/2026/appropriation")
			.update()).hasMessageContaining("ledger_account_within_limit");
	}

	@Test
	void budgetsOverRestForFinanceManagersAndAuditors() {
		for (String user : List.of("officer", "approver", "manager", "auditor")) {
			HttpProbe.Response response = this.http.get("/api/funding/budgets", infra.tokens().accessToken(user));
			assertThat(response.status()).as(user).isEqualTo(200);
			assertThat(response.json().findValuesAsString("programCode")).as(user).contains(this.budgetCode);
		}
		for (String user : List.of("applicant1", "expert1", "admin")) {
			HttpProbe.Response response = this.http.get("/api/funding/budgets", infra.tokens().accessToken(user));
			assertThat(response.status()).as(user).isEqualTo(403);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	@Test
	void releaseCheckAnswers503WhenProjectServiceIsUnreachable() {
		HttpProbe.Response response = this.http.get(releaseCheck(UUID.randomUUID(), UUID.randomUUID()),
				infra.tokens().accessToken("officer"));
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("dependency").asString()).isEqualTo("project-service");
	}

	@Test
	void releaseCheckRolesAndInputAreCheckedBeforeCallingProjectService() {
		for (String user : List.of("auditor", "applicant1", "expert1")) {
			assertThat(this.http.get(releaseCheck(UUID.randomUUID(), UUID.randomUUID()), infra.tokens().accessToken(user))
				.status()).as(user).isEqualTo(403);
		}
		HttpProbe.Response bad = this.http.get("/api/funding/projects/p/milestones/m/release-check",
				infra.tokens().accessToken("approver"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("projectId", "milestoneId");
	}

	@ParameterizedTest
	@EnumSource(BadToken.class)
	void badTokensAreRefusedOnRestAndGrpc(BadToken kind) {
		HttpProbe.Response response = this.http.get("/api/funding/budgets", kind.forUser(infra.tokens(), "officer"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		String key = "token-" + UUID.randomUUID();
		assertThatThrownBy(() -> stub(kind.forUser(infra.tokens(), "officer")).commitAward(request(key, this.budgetCode, 100L)))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
		assertThat(count("select count(*) from commitment where idempotency_key = :p", key)).isZero();
	}

	@Test
	void hundredConcurrentTranchesAgainstABudgetForSixtyCommitExactlySixty() throws Exception {
		String code = "talent-" + UUID.randomUUID().toString().substring(0, 8);
		budget(code, 2026, 60 * 500L);
		String token = infra.tokens().serviceAccountToken();
		List<Callable<CommitAwardResponse>> calls = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			CommitAwardRequest request = request("sixty-" + UUID.randomUUID(), code, 500L);
			calls.add(() -> stub(token).commitAward(request));
		}
		List<CommitAwardResponse> responses = runTogether(calls, 50);
		assertThat(responses.stream().filter(r -> r.getState() == CommitmentState.COMMITMENT_STATE_COMMITTED)).hasSize(60);
		assertThat(committed(code)).isEqualTo(60 * 500L);
		assertThat(this.jdbc.sql("select credits_posted - debits_posted - debits_pending from ledger_account where code = :c")
			.param("c", "budget/" + code + "/2026/appropriation")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aThousandConcurrentReplaysOfOneKeyMakeOneCommitment() throws Exception {
		CommitAwardRequest request = request("replay-" + UUID.randomUUID(), this.budgetCode, 700L).toBuilder()
			.clearAmount()
			.addTranches(Tranche.newBuilder().setAmount(money(300L)).setPlannedDate("2026-03-01"))
			.addTranches(Tranche.newBuilder().setAmount(money(400L)).setPlannedDate("2027-03-01"))
			.build();
		String token = infra.tokens().serviceAccountToken();
		List<Callable<CommitAwardResponse>> calls = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			calls.add(() -> stub(token).commitAward(request));
		}
		List<CommitAwardResponse> responses = runTogether(calls, 64);
		assertThat(responses).allMatch(r -> r.equals(responses.get(0)));
		assertThat(responses.get(0).getTranchesCount()).isEqualTo(2);
		assertThat(committed(this.budgetCode)).isEqualTo(700L);
		assertThat(count("select count(*) from commitment where idempotency_key = :p", request.getIdempotencyKey()))
			.isEqualTo(1);
		assertThat(count("select count(*) from tranche where commitment_id = cast(:p as uuid)",
				responses.get(0).getCommitmentId())).isEqualTo(2);
	}

	@Test
	void badScheduleAmountsAreNamedPerTranche() {
		CommitAwardRequest request = request("sched-" + UUID.randomUUID(), this.budgetCode, 500L).toBuilder()
			.clearAmount()
			.addTranches(Tranche.newBuilder().setAmount(money(0L)).setPlannedDate("2026-01-01"))
			.addTranches(Tranche.newBuilder()
				.setAmount(Money.newBuilder().setCurrencyCode("HKD").setMinorUnits(100))
				.setPlannedDate("soon"))
			.addTranches(Tranche.newBuilder().setAmount(money(Long.MAX_VALUE)).setPlannedDate("2026-01-01"))
			.build();
		assertThat(invalidFields(request)).containsExactly("tranches[0].amount.minor_units",
				"tranches[1].amount.currency_code", "tranches[1].planned_date", "tranches[2].amount.minor_units");
		CommitAwardRequest differs = request("sched-" + UUID.randomUUID(), this.budgetCode, 500L).toBuilder()
			.addTranches(Tranche.newBuilder().setAmount(money(100L)).setPlannedDate("2026-01-01"))
			.build();
		assertThat(invalidFields(differs)).containsExactly("amount");
		assertThat(committed(this.budgetCode)).isZero();
	}

	@Test
	void aTrancheIsNotPreparedWhenProjectServiceDoesNotAnswer() {
		CommitAwardResponse award = stub(infra.tokens().serviceAccountToken())
			.commitAward(request("gate-" + UUID.randomUUID(), this.budgetCode, 900L).toBuilder()
				.setProjectId(UUID.randomUUID().toString())
				.addTranches(Tranche.newBuilder().setMilestoneId(UUID.randomUUID().toString()).setAmount(money(900L))
					.setPlannedDate("2026-06-30"))
				.build());
		String trancheId = award.getTranches(0).getTrancheId();
		assertThatThrownBy(() -> stub(infra.tokens().accessToken("officer")).prepareTranche(
				PrepareTrancheRequest.newBuilder().setIdempotencyKey("prep-" + UUID.randomUUID()).setTrancheId(trancheId).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
		assertThat(count("select count(*) from tranche where id = cast(:p as uuid) and state = 'SCHEDULED'", trancheId))
			.isEqualTo(1);
	}

	private static Money money(long minor) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(minor).build();
	}

	private void assertLedgerBalanced() {
		assertThat(this.jdbc.sql("""
				select count(*) from (select transaction_id from ledger_entry group by transaction_id
				                      having sum(debit_minor) <> sum(credit_minor)) unbalanced
				""").query(Integer.class).single()).isZero();
	}

	private static <T> List<T> runTogether(List<Callable<T>> calls) throws Exception {
		return runTogether(calls, calls.size());
	}

	private static <T> List<T> runTogether(List<Callable<T>> calls, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private List<String> invalidFields(CommitAwardRequest request) {
		try {
			stub(infra.tokens().accessToken("manager")).commitAward(request);
		}
		catch (StatusRuntimeException ex) {
			assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
			return GrpcChannels.fieldViolations(ex);
		}
		throw new AssertionError("Expected INVALID_ARGUMENT");
	}

	private FundingServiceGrpc.FundingServiceBlockingStub stub(String token) {
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(this.channel), token);
	}

	private static CommitAwardRequest request(String key, String budgetCode, long minorUnits) {
		return CommitAwardRequest.newBuilder()
			.setIdempotencyKey(key)
			.setBudgetCode(budgetCode)
			.setFiscalYear(2026)
			.setAwardReference("project/" + key)
			.setRecipientOrganisationId(ORG_1)
			.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(minorUnits))
			.build();
	}

	private static String releaseCheck(UUID project, UUID milestone) {
		return "/api/funding/projects/" + project + "/milestones/" + milestone + "/release-check";
	}

	private void budget(String code, int year, long total) {
		new FundingFixtures(this.budgets, this.ledger, this.transactions, this.jdbc).budget(code, year, total);
	}

	private long committed(String code) {
		return this.jdbc.sql("""
				select a.debits_pending + a.debits_posted from budget b
				join ledger_account a on a.code = 'budget/' || b.program_code || '/' || b.fiscal_year || '/appropriation'
				where b.program_code = :code
				""")
			.param("code", code)
			.query(Long.class)
			.single();
	}

	private int count(String sql, String parameter) {
		return this.jdbc.sql(sql).param("p", parameter).query(Integer.class).single();
	}

	private static int unusedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
