package cn.jiangmen.innovation.funding;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.DecideVoucherSettlementRequest;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.InstrumentDecision;
import cn.jiangmen.innovation.contracts.funding.v1.IssueVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareVoucherSettlementRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RedeemVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.Voucher;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherState;
import cn.jiangmen.innovation.funding.application.VoucherCommands;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.instrument.InstrumentRules;
import cn.jiangmen.innovation.funding.domain.instrument.RuleVersion;
import cn.jiangmen.innovation.funding.domain.instrument.VoucherRules;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Innovation vouchers (科技创新券) against real PostgreSQL and Keycloak tokens: issue within the
 * yearly cap (also under concurrency), redemption once and by the enterprise only, settlement with
 * four eyes, expiry on the fixed clock. Every test ends with the ledger's bank check.
 */
class VoucherIT extends FundingIntegrationTest {

	static final int YEAR = 2026;

	@Autowired
	InstrumentRules rules;

	@Autowired
	VoucherCommands commands;

	/** The vouchers budget line: the base's own line for the test (100,000.00 yuan). */
	String program;

	VoucherIT() {
		super("vouchers", 10_000_000L);
	}

	@BeforeEach
	void setRulesAndProvider() {
		this.clock.set(Instant.parse("2026-06-01T02:00:00Z"));
		this.program = this.code;
		setRules("50000000.00", 50, "2026-06-30");
		// registered already by an earlier test on the shared database (409 then)
		InstrumentTestSupport.send(this.port, "POST", "/api/funding/voucher-providers", "manager", null,
				"{\"organisationId\":\"" + InstrumentTestSupport.AGENCY + "\"}");
	}

	@Test
	void issuedRedeemedForItsShareAndSettledToTheProviderByTwoPeople() {
		long payableBefore = payable(InstrumentTestSupport.AGENCY);
		Voucher issued = issue("manager", InstrumentTestSupport.ENTERPRISE, 2_000_000L, key());
		assertThat(issued.getState()).isEqualTo(VoucherState.VOUCHER_STATE_ISSUED);
		assertThat(this.fixtures.pending(this.program, YEAR)).isEqualTo(2_000_000L);
		// 50% of 30,000.00 yuan is 15,000.00, below the face value of 20,000.00: the rest is released at once
		Voucher redeemed = redeem("applicant1", issued.getVoucherId(), "JM-SVC-" + UUID.randomUUID(), 3_000_000L, key());
		assertThat(redeemed.getState()).isEqualTo(VoucherState.VOUCHER_STATE_REDEEMED);
		assertThat(redeemed.getRedeemed().getMinorUnits()).isEqualTo(1_500_000L);
		assertThat(this.fixtures.pending(this.program, YEAR)).isEqualTo(1_500_000L);
		assertThat(this.fixtures.available(this.program, YEAR)).isEqualTo(8_500_000L);
		Voucher prepared = stub("officer").prepareVoucherSettlement(PrepareVoucherSettlementRequest.newBuilder()
			.setIdempotencyKey(key())
			.setVoucherId(issued.getVoucherId())
			.setEvidenceReference("发票 No. 44070012")
			.build()).getVoucher();
		assertThat(prepared.getState()).isEqualTo(VoucherState.VOUCHER_STATE_SETTLEMENT_PREPARED);
		String approveKey = key();
		Voucher settled = decide("approver", issued.getVoucherId(), InstrumentDecision.INSTRUMENT_DECISION_APPROVE, "",
				approveKey);
		assertThat(settled.getState()).isEqualTo(VoucherState.VOUCHER_STATE_SETTLED);
		assertThat(decide("approver", issued.getVoucherId(), InstrumentDecision.INSTRUMENT_DECISION_APPROVE, "", approveKey))
			.as("a retry gets the first answer and posts nothing twice").isEqualTo(settled);
		assertThat(this.fixtures.pending(this.program, YEAR)).isZero();
		assertThat(this.fixtures.column("debits_posted", "budget/" + this.program + "/2026/appropriation"))
			.isEqualTo(1_500_000L);
		assertThat(payable(InstrumentTestSupport.AGENCY) - payableBefore).isEqualTo(1_500_000L);
		assertThat(audit(issued.getVoucherId())).containsExactlyInAnyOrder("voucher.issued", "voucher.redeemed",
				"voucher.settlement-prepared", "voucher.settlement-approved");
	}

	@Test
	void theMakerCannotApproveTheirOwnSettlementByGrpcOrRest() {
		Voucher issued = issue("manager", InstrumentTestSupport.ENTERPRISE, 100_000L, key());
		redeem("applicant1", issued.getVoucherId(), "JM-SVC-" + UUID.randomUUID(), 500_000L, key());
		stub("officer").prepareVoucherSettlement(PrepareVoucherSettlementRequest.newBuilder()
			.setIdempotencyKey(key())
			.setVoucherId(issued.getVoucherId())
			.setEvidenceReference("INV-1")
			.build());
		assertThatThrownBy(() -> decide("officer", issued.getVoucherId(), InstrumentDecision.INSTRUMENT_DECISION_APPROVE,
				"", key()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		HttpResponse<String> rest = InstrumentTestSupport.send(this.port, "POST",
				"/api/funding/vouchers/" + issued.getVoucherId() + "/settlement/decision", "officer", key(),
				"{\"decision\":\"APPROVE\"}");
		assertThat(rest.statusCode()).isEqualTo(403);
		assertThat(state(issued.getVoucherId())).isEqualTo("SETTLEMENT_PREPARED");
		assertThatThrownBy(() -> this.jdbc.sql("update voucher set decided_by_subject = prepared_by_subject where id = :id")
			.param("id", UUID.fromString(issued.getVoucherId()))
			.update()).hasMessageContaining("voucher_settlement_four_eyes");
		HttpResponse<String> rejected = InstrumentTestSupport.send(this.port, "POST",
				"/api/funding/vouchers/" + issued.getVoucherId() + "/settlement/decision", "approver", key(),
				"{\"decision\":\"REJECT\",\"reason\":\"invoice does not name the contract\"}");
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(rejected.body()).contains("\"state\":\"REDEEMED\"").contains("invoice does not name the contract");
	}

	@Test
	void onlyTheEnterpriseItWasIssuedToRedeemsIt() {
		Voucher issued = issue("manager", InstrumentTestSupport.ENTERPRISE, 100_000L, key());
		assertThatThrownBy(() -> redeem("applicant2", issued.getVoucherId(), "C-" + UUID.randomUUID(), 100_000L, key()))
			.as("another organisation does not even see it")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThatThrownBy(() -> redeem("manager", issued.getVoucherId(), "C-" + UUID.randomUUID(), 100_000L, key()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> stub("applicant2")
			.getVoucher(GetVoucherRequest.newBuilder().setVoucherId(issued.getVoucherId()).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThatThrownBy(() -> stub("applicant1").redeemVoucher(RedeemVoucherRequest.newBuilder()
			.setIdempotencyKey(key())
			.setVoucherId(issued.getVoucherId())
			.setProviderId(InstrumentTestSupport.ENTERPRISE.toString())
			.setContractReference("C-1")
			.setContractPrice(cny(100_000L))
			.build()))
			.as("an enterprise is not a registered provider")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("provider_id"));
		assertThat(state(issued.getVoucherId())).isEqualTo("ISSUED");
	}

	@Test
	void fiftyConcurrentRedemptionsOfOneVoucherRedeemItOnce() throws Exception {
		Voucher issued = issue("manager", InstrumentTestSupport.ENTERPRISE, 100_000L, key());
		FundingServiceGrpc.FundingServiceBlockingStub applicant = stub("applicant1");
		List<Status.Code> outcomes = concurrently(50, i -> {
			applicant.redeemVoucher(RedeemVoucherRequest.newBuilder()
				.setIdempotencyKey("redeem-" + UUID.randomUUID())
				.setVoucherId(issued.getVoucherId())
				.setProviderId(InstrumentTestSupport.AGENCY.toString())
				.setContractReference("C-" + i + "-" + UUID.randomUUID())
				.setContractPrice(cny(100_000L))
				.build());
		});
		assertThat(outcomes).filteredOn(Status.Code.OK::equals).hasSize(1);
		assertThat(outcomes).filteredOn(Status.Code.FAILED_PRECONDITION::equals).hasSize(49);
		assertThat(state(issued.getVoucherId())).isEqualTo("REDEEMED");
		assertThat(this.fixtures.pending(this.program, YEAR)).isEqualTo(50_000L);
	}

	@Test
	void theYearlyCapPerEnterpriseHoldsUnderConcurrency() throws Exception {
		setRules("5000.00", 50, "2026-12-31");
		// a realm enterprise no other IT issues to, starting the year with nothing issued (the database outlives a run)
		UUID enterprise = InstrumentTestSupport.OTHER_ENTERPRISE;
		this.jdbc.sql("delete from instrument_allowance where instrument = 'VOUCHER' and organisation_id = :e")
			.param("e", enterprise)
			.update();
		long before = this.jdbc.sql("select count(*) from voucher where enterprise_id = :e")
			.param("e", enterprise)
			.query(Long.class)
			.single();
		FundingServiceGrpc.FundingServiceBlockingStub manager = stub("manager");
		List<Status.Code> outcomes = concurrently(20, i -> manager.issueVoucher(IssueVoucherRequest.newBuilder()
			.setIdempotencyKey("issue-" + UUID.randomUUID())
			.setEnterpriseId(enterprise.toString())
			.setFiscalYear(YEAR)
			.setAmount(cny(100_000L))
			.build()));
		assertThat(outcomes).filteredOn(Status.Code.OK::equals).hasSize(5);
		assertThat(outcomes).filteredOn(Status.Code.FAILED_PRECONDITION::equals).hasSize(15);
		assertThat(this.fixtures.pending(this.program, YEAR)).isEqualTo(500_000L);
		assertThat(this.jdbc.sql("select count(*) from voucher where enterprise_id = :e")
			.param("e", enterprise)
			.query(Long.class)
			.single()).isEqualTo(before + 5L);
	}

	@Test
	void anUnredeemedVoucherExpiresAfterTheEndDateOnTheFixedClockAndReleasesItsBudget() {
		Voucher issued = issue("manager", InstrumentTestSupport.ENTERPRISE, 300_000L, key());
		assertThat(this.fixtures.available(this.program, YEAR)).isEqualTo(9_700_000L);
		// 2026-06-30 23:59:59 in Beijing is still the end date
		this.clock.set(Instant.parse("2026-06-30T15:59:59Z"));
		this.commands.expireDue();
		assertThat(state(issued.getVoucherId())).isEqualTo("ISSUED");
		// one second later it is 1 July in Beijing
		this.clock.set(Instant.parse("2026-06-30T16:00:00Z"));
		assertThatThrownBy(() -> redeem("applicant1", issued.getVoucherId(), "C-" + UUID.randomUUID(), 100_000L, key()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
				assertThat(ex.getStatus().getDescription()).contains("2026-06-30");
			});
		assertThat(this.commands.expireDue()).isGreaterThanOrEqualTo(1);
		assertThat(state(issued.getVoucherId())).isEqualTo("EXPIRED");
		assertThat(this.fixtures.pending(this.program, YEAR)).isZero();
		assertThat(this.fixtures.available(this.program, YEAR)).isEqualTo(10_000_000L);
		assertThat(this.commands.expireDue()).as("expiry runs once per voucher").isZero();
	}

	@Test
	void badAmountsAreRefusedNamingTheFieldAndNothingIsWritten() {
		String enterprise = InstrumentTestSupport.ENTERPRISE.toString();
		for (String[] bad : new String[][] { { "-1.00", "CNY", "amount" }, { "0", "CNY", "amount" },
				{ "1.234", "CNY", "amount" }, { "100000000000.01", "CNY", "amount" }, { "100.00", "USD", "currency" } }) {
			HttpResponse<String> response = InstrumentTestSupport.send(this.port, "POST", "/api/funding/vouchers", "manager",
					key(), "{\"enterpriseId\":\"" + enterprise + "\",\"fiscalYear\":2026,\"amount\":\"" + bad[0]
							+ "\",\"currency\":\"" + bad[1] + "\"}");
			assertThat(response.statusCode()).as(bad[0] + " " + bad[1]).isEqualTo(400);
			assertThat(response.body()).contains("\"" + bad[2] + "\"");
		}
		assertThatThrownBy(() -> issue("manager", InstrumentTestSupport.ENTERPRISE, -5L, key()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("amount.minor_units"));
		assertThatThrownBy(() -> issue("manager", InstrumentTestSupport.UNIVERSITY, 100L, key()))
			.as("vouchers go to enterprises only")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("enterprise_id"));
		assertThatThrownBy(() -> issue("applicant1", InstrumentTestSupport.ENTERPRISE, 100L, key()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThat(this.fixtures.pending(this.program, YEAR)).isZero();
	}

	@Test
	void rulesAreVersionedAuditedAndSetByProgramManagersOnly() {
		long version = this.rules.current(Instrument.VOUCHER, YEAR, VoucherRules.class).orElseThrow().version();
		String body = "{\"programCode\":\"" + this.program + "\",\"perEnterpriseCap\":\"8000.00\",\"currency\":\"CNY\","
				+ "\"sharePercent\":40,\"expiresOn\":\"2026-11-30\",\"basedOnVersion\":";
		HttpResponse<String> stale = InstrumentTestSupport.send(this.port, "PUT", "/api/funding/instrument-rules/vouchers/2026",
				"manager", null, body + (version - 1) + "}");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("rule.stale");
		assertThat(InstrumentTestSupport.send(this.port, "PUT", "/api/funding/instrument-rules/vouchers/2026", "officer",
				null, body + version + "}").statusCode()).isEqualTo(403);
		HttpResponse<String> badShare = InstrumentTestSupport.send(this.port, "PUT",
				"/api/funding/instrument-rules/vouchers/2026", "manager", null,
				body.replace("\"sharePercent\":40", "\"sharePercent\":140") + version + "}");
		assertThat(badShare.statusCode()).isEqualTo(400);
		assertThat(badShare.body()).contains("sharePercent");
		HttpResponse<String> set = InstrumentTestSupport.send(this.port, "PUT", "/api/funding/instrument-rules/vouchers/2026",
				"manager", null, body + version + "}");
		assertThat(set.statusCode()).isEqualTo(200);
		assertThat(set.body()).contains("\"version\":" + (version + 1)).contains("\"sharePercent\":40");
		HttpResponse<String> history = InstrumentTestSupport.send(this.port, "GET",
				"/api/funding/instrument-rules/vouchers/2026/history", "auditor", null, null);
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(history.body()).contains("\"version\":" + version);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'instrument-rule.set' and object_id = 'VOUCHER/2026'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(version + 1);
	}

	private void setRules(String capYuan, int share, String expiresOn) {
		Long version = this.rules.current(Instrument.VOUCHER, YEAR, VoucherRules.class).map(RuleVersion::version).orElse(null);
		HttpResponse<String> response = InstrumentTestSupport.send(this.port, "PUT",
				"/api/funding/instrument-rules/vouchers/" + YEAR, "manager", null,
				"{\"programCode\":\"" + this.program + "\",\"perEnterpriseCap\":\"" + capYuan + "\",\"currency\":\"CNY\","
						+ "\"sharePercent\":" + share + ",\"expiresOn\":\"" + expiresOn + "\",\"basedOnVersion\":" + version + "}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	interface Call {

		void run(int i);

	}

	private static List<Status.Code> concurrently(int n, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Status.Code>> futures = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int index = i;
			futures.add(pool.submit(() -> {
				start.await();
				try {
					call.run(index);
					return Status.Code.OK;
				}
				catch (StatusRuntimeException ex) {
					return ex.getStatus().getCode();
				}
			}));
		}
		start.countDown();
		List<Status.Code> outcomes = new ArrayList<>();
		for (Future<Status.Code> f : futures) {
			outcomes.add(f.get());
		}
		pool.shutdown();
		return outcomes;
	}

	private Voucher issue(String user, UUID enterprise, long minor, String key) {
		return stub(user).issueVoucher(IssueVoucherRequest.newBuilder()
			.setIdempotencyKey(key)
			.setEnterpriseId(enterprise.toString())
			.setFiscalYear(YEAR)
			.setAmount(cny(minor))
			.build()).getVoucher();
	}

	private Voucher redeem(String user, String voucherId, String contract, long priceMinor, String key) {
		return stub(user).redeemVoucher(RedeemVoucherRequest.newBuilder()
			.setIdempotencyKey(key)
			.setVoucherId(voucherId)
			.setProviderId(InstrumentTestSupport.AGENCY.toString())
			.setContractReference(contract)
			.setContractPrice(cny(priceMinor))
			.build()).getVoucher();
	}

	private Voucher decide(String user, String voucherId, InstrumentDecision decision, String reason, String key) {
		return stub(user).decideVoucherSettlement(DecideVoucherSettlementRequest.newBuilder()
			.setIdempotencyKey(key)
			.setVoucherId(voucherId)
			.setDecision(decision)
			.setReason(reason)
			.build()).getVoucher();
	}

	private static Money cny(long minor) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(minor).build();
	}

	private static String key() {
		return "it-" + UUID.randomUUID();
	}

	private long payable(UUID organisation) {
		return this.jdbc.sql("select coalesce(max(credits_posted), 0) from ledger_account where code = :code")
			.param("code", "payable/" + organisation)
			.query(Long.class)
			.single();
	}

	private String state(String voucherId) {
		return this.jdbc.sql("select state from voucher where id = :id")
			.param("id", UUID.fromString(voucherId))
			.query(String.class)
			.single();
	}

	private List<String> audit(String objectId) {
		return this.jdbc.sql("select action from audit_log where object_id = :id order by occurred_at, action")
			.param("id", objectId)
			.query(String.class)
			.list();
	}

	private FundingServiceGrpc.FundingServiceBlockingStub stub(String user) {
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(this.channel), FundingIntegrationTest.infra.tokens().accessToken(user));
	}

}
