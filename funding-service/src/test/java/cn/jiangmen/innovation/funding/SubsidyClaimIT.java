package cn.jiangmen.innovation.funding;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.funding.v1.DecideSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.InstrumentDecision;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ReviewSubsidyClaimRequest;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaimState;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.instrument.InstrumentRules;
import cn.jiangmen.innovation.funding.domain.instrument.InterestSubsidyRules;
import cn.jiangmen.innovation.funding.domain.instrument.PostSubsidyRules;
import cn.jiangmen.innovation.funding.domain.instrument.RuleVersion;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Post-subsidies (后补助) and loan interest subsidies (贷款贴息) against real PostgreSQL and Keycloak
 * tokens: amounts from the year's rules, the yearly cap, review, payment with four eyes, the
 * budget's limit. Every test ends with the ledger's bank check.
 */
class SubsidyClaimIT extends FundingIntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	InstrumentRules rules;

	/** The post-subsidy line is the base's own line (300,000.00 yuan); the interest line is opened here. */
	String postProgram;

	String interestProgram;

	SubsidyClaimIT() {
		super("post", 30_000_000L);
	}

	@BeforeEach
	void setRules() {
		this.clock.set(Instant.parse("2026-06-01T02:00:00Z"));
		this.postProgram = this.code;
		this.interestProgram = "interest-" + UUID.randomUUID().toString().substring(0, 8);
		this.fixtures.budget(this.interestProgram, 2026, 100_000_000L);
		Long post = this.rules.current(Instrument.POST_SUBSIDY, 2026, PostSubsidyRules.class).map(RuleVersion::version).orElse(null);
		assertThat(put("/api/funding/instrument-rules/post-subsidies/2026", "{\"programCode\":\"" + this.postProgram
				+ "\",\"nationalAmount\":\"500000.00\",\"provincialAmount\":\"200000.00\",\"cityAmount\":\"100000.00\","
				+ "\"currency\":\"CNY\",\"recognisedFrom\":\"2025-07-01\",\"recognisedUntil\":\"2026-06-30\",\"basedOnVersion\":"
				+ post + "}").statusCode()).isEqualTo(200);
		Long interest = this.rules.current(Instrument.INTEREST_SUBSIDY, 2026, InterestSubsidyRules.class)
			.map(RuleVersion::version)
			.orElse(null);
		assertThat(put("/api/funding/instrument-rules/interest-subsidies/2026", "{\"programCode\":\"" + this.interestProgram
				+ "\",\"sharePercent\":50,\"perEnterpriseCap\":\"15000.00\",\"currency\":\"CNY\",\"basedOnVersion\":" + interest
				+ "}").statusCode()).isEqualTo(200);
		// the yearly cap is per enterprise and year; this database outlives a run, so start each test at nothing granted
		this.jdbc.sql("delete from instrument_allowance where instrument = 'INTEREST_SUBSIDY'").update();
	}

	@Test
	void anInterestSubsidyIsComputedReviewedAndPaidByTwoPeople() {
		// the hand-computed case of LoanInterestTest: 23,240.00 yuan interest in 2026, 50 % = 11,620.00
		HttpResponse<String> submitted = claimInterest("applicant1", "1000000.00", "2026-03-01",
				"[{\"date\":\"2026-07-01\",\"principal\":\"400000.00\"},{\"date\":\"2027-03-01\",\"principal\":\"600000.00\"}]");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		JsonNode claim = JSON.readTree(submitted.body());
		assertThat(claim.get("amountYuan").asString()).isEqualTo("11620.00");
		assertThat(claim.get("interestSubsidy").get("interestYuan").asString()).isEqualTo("23240.00");
		String id = claim.get("claimId").asString();
		SubsidyClaim reviewed = stub("manager").reviewSubsidyClaim(ReviewSubsidyClaimRequest.newBuilder()
			.setIdempotencyKey(key())
			.setClaimId(id)
			.setDecision(InstrumentDecision.INSTRUMENT_DECISION_APPROVE)
			.build()).getClaim();
		assertThat(reviewed.getState()).isEqualTo(SubsidyClaimState.SUBSIDY_CLAIM_STATE_REVIEWED);
		assertThat(this.fixtures.pending(this.interestProgram, 2026)).isEqualTo(1_162_000L);
		stub("officer").prepareSubsidyPayment(
				PrepareSubsidyPaymentRequest.newBuilder().setIdempotencyKey(key()).setClaimId(id).build());
		assertThatThrownBy(() -> decide("officer", id, InstrumentDecision.INSTRUMENT_DECISION_APPROVE, ""))
			.as("the maker never approves their own")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThat(post("/api/funding/subsidy-claims/" + id + "/payment/decision", "officer", "{\"decision\":\"APPROVE\"}")
			.statusCode()).isEqualTo(403);
		long payableBefore = payable(InstrumentTestSupport.ENTERPRISE);
		SubsidyClaim approved = decide("approver", id, InstrumentDecision.INSTRUMENT_DECISION_APPROVE, "");
		assertThat(approved.getState()).isEqualTo(SubsidyClaimState.SUBSIDY_CLAIM_STATE_APPROVED);
		assertThat(approved.getAmount().getMinorUnits()).isEqualTo(1_162_000L);
		assertThat(this.fixtures.pending(this.interestProgram, 2026)).isZero();
		assertThat(payable(InstrumentTestSupport.ENTERPRISE) - payableBefore).isEqualTo(1_162_000L);
	}

	@Test
	void theYearlyCapCutsAClaimAndARefusalGivesItBack() {
		String schedule = "[{\"date\":\"2027-03-01\",\"principal\":\"1000000.00\"}]";
		// 1,000,000.00 at 3.65 % from 2026-03-01 to the year's end: 306 days × 100.00 = 30,600.00; 50 % = 15,300.00
		// the cap is 15,000.00: the first claim gets 15,000.00 and nothing is left for a second
		HttpResponse<String> first = claimInterest("applicant1", "1000000.00", "2026-03-01", schedule);
		assertThat(JSON.readTree(first.body()).get("amountYuan").asString()).isEqualTo("15000.00");
		assertThat(JSON.readTree(first.body()).get("interestSubsidy").get("shareYuan").asString()).isEqualTo("15300.00");
		HttpResponse<String> second = claimInterest("applicant1", "1000000.00", "2026-03-01", schedule);
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.body()).contains("claim.cap-exhausted");
		String id = JSON.readTree(first.body()).get("claimId").asString();
		assertThat(post("/api/funding/subsidy-claims/" + id + "/review", "manager", "{\"decision\":\"REFUSE\"}").statusCode())
			.as("a refusal needs a reason").isEqualTo(400);
		assertThat(post("/api/funding/subsidy-claims/" + id + "/review", "manager",
				"{\"decision\":\"REFUSE\",\"reason\":\"loan contract not signed by the bank\"}").body())
			.contains("\"state\":\"REFUSED\"");
		HttpResponse<String> again = claimInterest("applicant1", "100000.00", "2026-03-01",
				"[{\"date\":\"2027-03-01\",\"principal\":\"100000.00\"}]");
		assertThat(JSON.readTree(again.body()).get("amountYuan").asString()).as("306 × 10.00 × 50 %").isEqualTo("1530.00");
		assertThat(this.fixtures.pending(this.interestProgram, 2026)).isZero();
	}

	@Test
	void aPostSubsidyTakesTheRuleAmountAndIsCappedByTheBudget() {
		HttpResponse<String> provincial = claimPost("applicant2", "PROVINCIAL", "粤科函〔2026〕" + UUID.randomUUID(), "2026-03-15");
		assertThat(provincial.statusCode()).as(provincial.body()).isEqualTo(201);
		assertThat(provincial.body()).contains("\"amountYuan\":\"200000.00\"");
		String document = "国科发〔2026〕" + UUID.randomUUID();
		HttpResponse<String> national = claimPost("applicant2", "NATIONAL", document, "2026-04-01");
		assertThat(national.body()).contains("\"amountYuan\":\"500000.00\"");
		assertThat(claimPost("applicant2", "NATIONAL", document, "2026-04-01").statusCode())
			.as("one document is claimed once").isEqualTo(409);
		HttpResponse<String> old = claimPost("applicant2", "CITY", "江科〔2024〕1", "2024-01-10");
		assertThat(old.statusCode()).isEqualTo(400);
		assertThat(old.body()).contains("recognisedOn");
		String provincialId = JSON.readTree(provincial.body()).get("claimId").asString();
		String nationalId = JSON.readTree(national.body()).get("claimId").asString();
		assertThat(get("/api/funding/subsidy-claims/" + provincialId, "applicant1").statusCode())
			.as("another organisation does not see it").isEqualTo(404);
		assertThat(post("/api/funding/subsidy-claims/" + provincialId + "/review", "officer", "{\"decision\":\"PASS\"}")
			.statusCode()).isEqualTo(403);
		assertThat(post("/api/funding/subsidy-claims/" + provincialId + "/review", "manager", "{\"decision\":\"PASS\"}")
			.body()).contains("\"state\":\"REVIEWED\"");
		// the budget line holds 300,000.00: 200,000.00 are committed, 500,000.00 more do not fit
		HttpResponse<String> tooMuch = post("/api/funding/subsidy-claims/" + nationalId + "/review", "manager",
				"{\"decision\":\"PASS\"}");
		assertThat(tooMuch.statusCode()).isEqualTo(409);
		assertThat(tooMuch.body()).contains("budget.insufficient");
		assertThat(get("/api/funding/subsidy-claims/" + nationalId, "manager").body()).contains("\"state\":\"SUBMITTED\"");
		assertThat(this.fixtures.pending(this.postProgram, 2026)).isEqualTo(20_000_000L);
		assertThat(post("/api/funding/subsidy-claims/" + provincialId + "/payment", "officer", null).statusCode()).isEqualTo(200);
		HttpResponse<String> approved = post("/api/funding/subsidy-claims/" + provincialId + "/payment/decision", "approver",
				"{\"decision\":\"APPROVE\"}");
		assertThat(approved.body()).contains("\"state\":\"APPROVED\"").contains("\"decidedBy\":\"approver\"");
		assertThat(this.fixtures.available(this.postProgram, 2026)).isEqualTo(10_000_000L);
	}

	@Test
	void badLoansAndAmountsAreRefusedNamingTheField() {
		String schedule = "[{\"date\":\"2027-03-01\",\"principal\":\"100.00\"}]";
		assertThat(claimInterest("applicant1", "-5.00", "2026-03-01", schedule).body()).contains("\"principal\"");
		assertThat(claimInterest("applicant1", "0", "2026-03-01", schedule).body()).contains("\"principal\"");
		assertThat(claimInterest("applicant1", "1.001", "2026-03-01", schedule).body()).contains("\"principal\"");
		assertThat(claimInterest("applicant1", "100000000000.01", "2026-03-01", schedule).body()).contains("\"principal\"");
		HttpResponse<String> usd = post("/api/funding/interest-subsidy-claims", "applicant1",
				body("100.00", "USD", "4.35", "2026-03-01", schedule));
		assertThat(usd.statusCode()).isEqualTo(400);
		assertThat(usd.body()).contains("\"currency\"");
		assertThat(post("/api/funding/interest-subsidy-claims", "applicant1", body("100.00", "CNY", "0", "2026-03-01", schedule))
			.body()).contains("annualRatePercent");
		assertThat(claimInterest("applicant1", "100.00", "2026-03-01", "[{\"date\":\"2026-02-01\",\"principal\":\"100.00\"}]")
			.body()).contains("repayments[0].date");
		assertThat(claimInterest("applicant1", "100.00", "2026-03-01", "[{\"date\":\"2026-05-01\",\"principal\":\"200.00\"}]")
			.body()).contains("\"repayments\"");
		assertThat(post("/api/funding/interest-subsidy-claims", "officer", body("100.00", "CNY", "4.35", "2026-03-01", schedule))
			.statusCode()).as("claims come from an organisation's applicant").isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from subsidy_claim where program_code = :p")
			.param("p", this.interestProgram)
			.query(Long.class)
			.single()).isZero();
	}

	private HttpResponse<String> claimInterest(String user, String principal, String drawdown, String repayments) {
		return post("/api/funding/interest-subsidy-claims", user, body(principal, "CNY", "3.65", drawdown, repayments));
	}

	private static String body(String principal, String currency, String rate, String drawdown, String repayments) {
		return "{\"fiscalYear\":2026,\"loanContract\":\"JM-LOAN-" + UUID.randomUUID() + "\",\"lender\":\"中国银行江门分行\","
				+ "\"principal\":\"" + principal + "\",\"currency\":\"" + currency + "\",\"annualRatePercent\":\"" + rate
				+ "\",\"drawdownDate\":\"" + drawdown + "\",\"repayments\":" + repayments + "}";
	}

	private HttpResponse<String> claimPost(String user, String level, String document, String recognisedOn) {
		return post("/api/funding/post-subsidy-claims", user, "{\"fiscalYear\":2026,\"kind\":\"RND_INSTITUTION\",\"level\":\""
				+ level + "\",\"recognitionDocument\":\"" + document + "\",\"recognisedOn\":\"" + recognisedOn + "\"}");
	}

	private SubsidyClaim decide(String user, String id, InstrumentDecision decision, String reason) {
		return stub(user).decideSubsidyPayment(DecideSubsidyPaymentRequest.newBuilder()
			.setIdempotencyKey(key())
			.setClaimId(id)
			.setDecision(decision)
			.setReason(reason)
			.build()).getClaim();
	}

	private HttpResponse<String> post(String path, String user, String json) {
		return InstrumentTestSupport.send(this.port, "POST", path, user, key(), json);
	}

	private HttpResponse<String> put(String path, String json) {
		return InstrumentTestSupport.send(this.port, "PUT", path, "manager", null, json);
	}

	private HttpResponse<String> get(String path, String user) {
		return InstrumentTestSupport.send(this.port, "GET", path, user, null, null);
	}

	private long payable(UUID organisation) {
		return this.jdbc.sql("select coalesce(max(credits_posted), 0) from ledger_account where code = :code")
			.param("code", "payable/" + organisation)
			.query(Long.class)
			.single();
	}

	private static String key() {
		return "it-" + UUID.randomUUID();
	}

	private FundingServiceGrpc.FundingServiceBlockingStub stub(String user) {
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(this.channel), FundingIntegrationTest.infra.tokens().accessToken(user));
	}

}
