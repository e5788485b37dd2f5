package cn.jiangmen.innovation.funding;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.DecideSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.GetInstrumentRulesRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetInstrumentRulesResponse;
import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceRequest;
import cn.jiangmen.innovation.contracts.funding.v1.GetVoucherAllowanceResponse;
import cn.jiangmen.innovation.contracts.funding.v1.InstrumentDecision;
import cn.jiangmen.innovation.contracts.funding.v1.IssueVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListSubsidyClaimsRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListSubsidyClaimsResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareSubsidyPaymentRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ReviewSubsidyClaimRequest;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaim;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaimQueue;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyKind;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.instrument.InstrumentRules;
import cn.jiangmen.innovation.funding.domain.instrument.InterestSubsidyRules;
import cn.jiangmen.innovation.funding.domain.instrument.RuleVersion;
import cn.jiangmen.innovation.funding.domain.instrument.VoucherRules;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The instruments' reads for the portal over gRPC, against real PostgreSQL and Keycloak tokens:
 * {@code ListSubsidyClaims} following a claim through finance's queues (with the maker refused the
 * approval), its filters, paging and per-object rules (an applicant sees their organisation's only;
 * naming another, or being an expert, is denied); {@code GetInstrumentRules} and
 * {@code GetVoucherAllowance} (the yearly cap, issued and remaining; an applicant reads only their own).
 */
class InstrumentReadRpcsIT extends FundingIntegrationTest {

	static final int YEAR = 2026;

	/** 江门市轨道交通装备有限公司: an enterprise of the realm only this IT issues vouchers to. */
	static final UUID RAIL = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000005");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	InstrumentRules rules;

	InstrumentReadRpcsIT() {
		super("instr", 100_000_000L);
	}

	@BeforeEach
	void setRules() {
		this.clock.set(Instant.parse("2026-06-01T02:00:00Z"));
		Long interest = this.rules.current(Instrument.INTEREST_SUBSIDY, YEAR, InterestSubsidyRules.class)
			.map(RuleVersion::version)
			.orElse(null);
		assertThat(InstrumentTestSupport.send(this.port, "PUT", "/api/funding/instrument-rules/interest-subsidies/" + YEAR,
				"manager", null, "{\"programCode\":\"" + this.code + "\",\"sharePercent\":50,\"perEnterpriseCap\":\"15000.00\","
						+ "\"currency\":\"CNY\",\"basedOnVersion\":" + interest + "}")
			.statusCode()).isEqualTo(200);
		Long voucher = this.rules.current(Instrument.VOUCHER, YEAR, VoucherRules.class).map(RuleVersion::version).orElse(null);
		assertThat(InstrumentTestSupport.send(this.port, "PUT", "/api/funding/instrument-rules/vouchers/" + YEAR, "manager",
				null, "{\"programCode\":\"" + this.code + "\",\"perEnterpriseCap\":\"1000.00\",\"currency\":\"CNY\","
						+ "\"sharePercent\":50,\"expiresOn\":\"2026-12-31\",\"basedOnVersion\":" + voucher + "}")
			.statusCode()).isEqualTo(200);
		// caps are per organisation and year; the database outlives a test, so each starts at nothing granted
		this.jdbc.sql("delete from instrument_allowance where instrument = 'INTEREST_SUBSIDY'").update();
		this.jdbc.sql("delete from instrument_allowance where organisation_id = :o").param("o", RAIL).update();
	}

	@Test
	void aClaimMovesThroughFinancesQueuesAndTheMakerCannotApproveIt() {
		String id = reviewedClaim();
		assertThat(ids(queue("officer", SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_TO_PREPARE))).contains(id);
		assertThat(ids(queue("officer", SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_TO_APPROVE))).doesNotContain(id);
		stub("officer").prepareSubsidyPayment(
				PrepareSubsidyPaymentRequest.newBuilder().setIdempotencyKey(key()).setClaimId(id).build());
		assertThat(ids(queue("officer", SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_TO_PREPARE))).doesNotContain(id);
		SubsidyClaim asMaker = find(queue("officer", SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_TO_APPROVE), id);
		assertThat(asMaker.getPreparedBy()).isEqualTo("officer");
		assertThat(asMaker.getPreparedByCaller()).isTrue();
		assertThat(asMaker.getKind()).isEqualTo(SubsidyKind.SUBSIDY_KIND_INTEREST_SUBSIDY);
		assertThat(asMaker.getOrganisationId()).isEqualTo(InstrumentTestSupport.ENTERPRISE.toString());
		assertThat(asMaker.getEvidenceReference()).startsWith("JM-LOAN-");
		assertThat(find(queue("approver", SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_TO_APPROVE), id).getPreparedByCaller())
			.isFalse();
		assertThatThrownBy(() -> decide("officer", id, InstrumentDecision.INSTRUMENT_DECISION_APPROVE, ""))
			.as("the maker never approves their own payment")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		decide("approver", id, InstrumentDecision.INSTRUMENT_DECISION_REJECT, "loan contract page 3 missing");
		SubsidyClaim rejected = find(queue("officer", SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_REJECTED), id);
		assertThat(rejected.getPaymentRejected()).isTrue();
		assertThat(rejected.getDecisionReason()).isEqualTo("loan contract page 3 missing");
		assertThat(rejected.getDecidedBy()).isEqualTo("approver");
		assertThat(ids(queue("officer", SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_TO_PREPARE))).doesNotContain(id);
		// prepared again it leaves the rejected queue
		stub("officer").prepareSubsidyPayment(
				PrepareSubsidyPaymentRequest.newBuilder().setIdempotencyKey(key()).setClaimId(id).build());
		assertThat(ids(queue("officer", SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_REJECTED))).doesNotContain(id);
		assertThat(decide("approver", id, InstrumentDecision.INSTRUMENT_DECISION_APPROVE, "").getState().name())
			.isEqualTo("SUBSIDY_CLAIM_STATE_APPROVED");
	}

	@Test
	void filtersPagingAndWhoSeesWhichClaims() {
		String id = reviewedClaim();
		FundingServiceGrpc.FundingServiceBlockingStub officer = stub("officer");
		assertThat(ids(list(officer, ListSubsidyClaimsRequest.newBuilder()
			.setKind(SubsidyKind.SUBSIDY_KIND_INTEREST_SUBSIDY).setFiscalYear(YEAR).setPageSize(200)))).contains(id);
		assertThat(ids(list(officer, ListSubsidyClaimsRequest.newBuilder()
			.setKind(SubsidyKind.SUBSIDY_KIND_POST_SUBSIDY).setPageSize(200)))).doesNotContain(id);
		assertThat(ids(list(officer, ListSubsidyClaimsRequest.newBuilder().setFiscalYear(2027).setPageSize(200))))
			.doesNotContain(id);
		reviewedClaim();
		ListSubsidyClaimsResponse first = officer.listSubsidyClaims(ListSubsidyClaimsRequest.newBuilder().setPageSize(1).build());
		assertThat(first.getClaimsList()).hasSize(1);
		assertThat(first.getNextPageToken()).isNotEmpty();
		ListSubsidyClaimsResponse second = officer.listSubsidyClaims(
				ListSubsidyClaimsRequest.newBuilder().setPageSize(1).setPageToken(first.getNextPageToken()).build());
		assertThat(ids(second.getClaimsList())).doesNotContainAnyElementsOf(ids(first.getClaimsList()));

		List<SubsidyClaim> own = list(stub("applicant1"), ListSubsidyClaimsRequest.newBuilder().setPageSize(200));
		assertThat(ids(own)).contains(id);
		assertThat(own).allMatch(c -> c.getOrganisationId().equals(InstrumentTestSupport.ENTERPRISE.toString()));
		assertThat(ids(list(stub("applicant2"), ListSubsidyClaimsRequest.newBuilder().setPageSize(200))))
			.as("another organisation's applicant").doesNotContain(id);
		assertThat(ids(list(stub("auditor"), ListSubsidyClaimsRequest.newBuilder().setPageSize(200)))).contains(id);

		assertDenied(() -> stub("applicant2").listSubsidyClaims(ListSubsidyClaimsRequest.newBuilder()
			.setOrganisationId(InstrumentTestSupport.ENTERPRISE.toString()).build()));
		assertDenied(() -> stub("expert1").listSubsidyClaims(ListSubsidyClaimsRequest.newBuilder().build()));
		assertField(() -> officer.listSubsidyClaims(ListSubsidyClaimsRequest.newBuilder().setPageToken("%%").build()),
				"page_token");
		assertField(() -> officer.listSubsidyClaims(ListSubsidyClaimsRequest.newBuilder().setFiscalYear(1999).build()),
				"fiscal_year");
		assertField(() -> officer.listSubsidyClaims(ListSubsidyClaimsRequest.newBuilder().setOrganisationId("nope").build()),
				"organisation_id");
	}

	@Test
	void rulesAndTheVoucherAllowanceAreReadOverGrpc() {
		GetInstrumentRulesResponse rules = stub("applicant1")
			.getInstrumentRules(GetInstrumentRulesRequest.newBuilder().setFiscalYear(YEAR).build());
		assertThat(rules.getVouchers().getProgramCode()).isEqualTo(this.code);
		assertThat(rules.getVouchers().getPerEnterpriseCap().getMinorUnits()).isEqualTo(100_000L);
		assertThat(rules.getVouchers().getSharePercent()).isEqualTo(50);
		assertThat(rules.getVouchers().getExpiresOn()).isEqualTo("2026-12-31");
		assertThat(rules.getVouchers().getVersion().getSetBy()).isEqualTo("manager");
		assertThat(rules.getInterestSubsidies().getPerEnterpriseCap().getMinorUnits()).isEqualTo(1_500_000L);
		GetInstrumentRulesResponse none = stub("officer")
			.getInstrumentRules(GetInstrumentRulesRequest.newBuilder().setFiscalYear(2091).build());
		assertThat(none.hasVouchers() || none.hasPostSubsidies() || none.hasInterestSubsidies()).isFalse();
		assertField(() -> stub("officer").getInstrumentRules(GetInstrumentRulesRequest.newBuilder().setFiscalYear(1999).build()),
				"fiscal_year");
		assertDenied(() -> stub("expert1").getInstrumentRules(GetInstrumentRulesRequest.newBuilder().setFiscalYear(YEAR).build()));

		stub("manager").issueVoucher(IssueVoucherRequest.newBuilder()
			.setIdempotencyKey(key())
			.setEnterpriseId(RAIL.toString())
			.setFiscalYear(YEAR)
			.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(30_000L))
			.build());
		GetVoucherAllowanceResponse rail = allowance("officer", RAIL.toString(), YEAR);
		assertThat(rail.getRulesSet()).isTrue();
		assertThat(rail.getCap().getMinorUnits()).isEqualTo(100_000L);
		assertThat(rail.getIssued().getMinorUnits()).isEqualTo(30_000L);
		assertThat(rail.getRemaining().getMinorUnits()).isEqualTo(70_000L);
		GetVoucherAllowanceResponse own = allowance("applicant1", "", YEAR);
		assertThat(own.getOrganisationId()).isEqualTo(InstrumentTestSupport.ENTERPRISE.toString());
		assertThat(own.getCap().getMinorUnits()).isEqualTo(100_000L);
		GetVoucherAllowanceResponse noRules = allowance("auditor", RAIL.toString(), 2091);
		assertThat(noRules.getRulesSet()).isFalse();
		assertThat(noRules.hasCap()).isFalse();
		assertThat(noRules.getIssued().getMinorUnits()).isZero();
		assertDenied(() -> allowance("applicant1", RAIL.toString(), YEAR));
		assertDenied(() -> allowance("expert1", RAIL.toString(), YEAR));
		assertField(() -> allowance("officer", "", YEAR), "organisation_id");
		assertField(() -> allowance("officer", RAIL.toString(), 1999), "fiscal_year");
	}

	/** An interest-subsidy claim of applicant1's enterprise, passed by the manager: in finance's to-prepare queue. */
	private String reviewedClaim() {
		HttpResponse<String> submitted = InstrumentTestSupport.send(this.port, "POST", "/api/funding/interest-subsidy-claims",
				"applicant1", key(), "{\"fiscalYear\":2026,\"loanContract\":\"JM-LOAN-" + UUID.randomUUID()
						+ "\",\"lender\":\"中国银行江门分行\",\"principal\":\"100000.00\",\"currency\":\"CNY\","
						+ "\"annualRatePercent\":\"3.65\",\"drawdownDate\":\"2026-03-01\","
						+ "\"repayments\":[{\"date\":\"2027-03-01\",\"principal\":\"100000.00\"}]}");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		String id = JSON.readTree(submitted.body()).get("claimId").asString();
		stub("manager").reviewSubsidyClaim(ReviewSubsidyClaimRequest.newBuilder()
			.setIdempotencyKey(key())
			.setClaimId(id)
			.setDecision(InstrumentDecision.INSTRUMENT_DECISION_APPROVE)
			.build());
		return id;
	}

	private List<SubsidyClaim> queue(String user, SubsidyClaimQueue queue) {
		return list(stub(user), ListSubsidyClaimsRequest.newBuilder().setQueue(queue).setPageSize(200));
	}

	private static List<SubsidyClaim> list(FundingServiceGrpc.FundingServiceBlockingStub stub,
			ListSubsidyClaimsRequest.Builder request) {
		return stub.listSubsidyClaims(request.build()).getClaimsList();
	}

	private static SubsidyClaim find(List<SubsidyClaim> claims, String id) {
		return claims.stream().filter(c -> c.getClaimId().equals(id)).findFirst().orElseThrow();
	}

	private static List<String> ids(List<SubsidyClaim> claims) {
		return claims.stream().map(SubsidyClaim::getClaimId).toList();
	}

	private SubsidyClaim decide(String user, String id, InstrumentDecision decision, String reason) {
		return stub(user).decideSubsidyPayment(DecideSubsidyPaymentRequest.newBuilder()
			.setIdempotencyKey(key())
			.setClaimId(id)
			.setDecision(decision)
			.setReason(reason)
			.build()).getClaim();
	}

	private GetVoucherAllowanceResponse allowance(String user, String organisation, int year) {
		return stub(user).getVoucherAllowance(
				GetVoucherAllowanceRequest.newBuilder().setOrganisationId(organisation).setFiscalYear(year).build());
	}

	private static void assertDenied(Runnable call) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
				ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}

	private static void assertField(Runnable call, String field) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
				ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly(field));
	}

	private static String key() {
		return "it-" + UUID.randomUUID();
	}

	private FundingServiceGrpc.FundingServiceBlockingStub stub(String user) {
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(this.channel), infra.tokens().accessToken(user));
	}

}
