package cn.jiangmen.innovation.funding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.IssueVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListVouchersRequest;
import cn.jiangmen.innovation.contracts.funding.v1.ListVouchersResponse;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareVoucherSettlementRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RedeemVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.Voucher;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherListView;
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
 * {@code ListVouchers} for the portal's voucher pages, against real PostgreSQL and Keycloak tokens:
 * an enterprise sees only the vouchers issued to it, a provider (applicant2's university) only those
 * redeemed with it, bureau staff all; naming another organisation, or having neither role, is denied.
 */
class VoucherListIT extends FundingIntegrationTest {

	static final int YEAR = 2026;

	@Autowired
	InstrumentRules rules;

	/** The vouchers budget line: the base's own line for the test. */
	String program;

	VoucherListIT() {
		super("vouchers", 10_000_000L);
	}

	@BeforeEach
	void setRulesAndProviders() {
		this.clock.set(Instant.parse("2026-06-01T02:00:00Z"));
		this.program = this.code;
		Long version = this.rules.current(Instrument.VOUCHER, YEAR, VoucherRules.class)
			.map(RuleVersion::version)
			.orElse(null);
		assertThat(InstrumentTestSupport.send(this.port, "PUT", "/api/funding/instrument-rules/vouchers/" + YEAR,
				"manager", null,
				"{\"programCode\":\"" + this.program + "\",\"perEnterpriseCap\":\"50000000.00\",\"currency\":\"CNY\","
						+ "\"sharePercent\":50,\"expiresOn\":\"2026-06-30\",\"basedOnVersion\":" + version + "}")
			.statusCode()).isEqualTo(200);
		// both may be registered already by an earlier test on the shared database (409 then)
		for (UUID provider : List.of(InstrumentTestSupport.AGENCY, InstrumentTestSupport.UNIVERSITY)) {
			InstrumentTestSupport.send(this.port, "POST", "/api/funding/voucher-providers", "manager", null,
					"{\"organisationId\":\"" + provider + "\"}");
		}
	}

	@Test
	void anEnterpriseSeesItsVouchersAProviderThoseRedeemedWithItAndFinanceAll() {
		Voucher atUniversity = issue(InstrumentTestSupport.ENTERPRISE);
		redeem(atUniversity, InstrumentTestSupport.UNIVERSITY);
		Voucher atAgency = issue(InstrumentTestSupport.ENTERPRISE);
		redeem(atAgency, InstrumentTestSupport.AGENCY);
		UUID otherEnterprise = InstrumentTestSupport.OTHER_ENTERPRISE;
		Voucher others = issue(otherEnterprise);

		List<Voucher> held = all("applicant1", VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "");
		assertThat(ids(held)).contains(atUniversity.getVoucherId(), atAgency.getVoucherId())
			.doesNotContain(others.getVoucherId());
		assertThat(held).allMatch(v -> v.getEnterpriseId().equals(InstrumentTestSupport.ENTERPRISE.toString()));
		assertThat(ids(all("applicant1", VoucherListView.VOUCHER_LIST_VIEW_UNSPECIFIED, "")))
			.as("unspecified is the holder's view").containsExactlyElementsOf(ids(held));

		List<Voucher> redeemedWithUs = all("applicant2", VoucherListView.VOUCHER_LIST_VIEW_PROVIDER, "");
		assertThat(ids(redeemedWithUs)).contains(atUniversity.getVoucherId())
			.doesNotContain(atAgency.getVoucherId(), others.getVoucherId());
		assertThat(redeemedWithUs)
			.allMatch(v -> v.getProviderId().equals(InstrumentTestSupport.UNIVERSITY.toString()));
		assertThat(ids(all("applicant2", VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "")))
			.as("the university holds none of the enterprise's vouchers")
			.doesNotContain(atUniversity.getVoucherId(), atAgency.getVoucherId(), others.getVoucherId());

		for (String staff : List.of("officer", "approver", "auditor", "manager")) {
			assertThat(ids(all(staff, VoucherListView.VOUCHER_LIST_VIEW_HOLDER, ""))).as(staff)
				.contains(atUniversity.getVoucherId(), atAgency.getVoucherId(), others.getVoucherId());
		}
		// VoucherIT issues to that enterprise too (the shared database): only its own vouchers, this one among them
		List<Voucher> ofOther = all("officer", VoucherListView.VOUCHER_LIST_VIEW_HOLDER, otherEnterprise.toString());
		assertThat(ids(ofOther)).contains(others.getVoucherId()).doesNotContain(atUniversity.getVoucherId());
		assertThat(ofOther).allMatch(v -> v.getEnterpriseId().equals(otherEnterprise.toString()));
		assertThat(ids(all("officer", VoucherListView.VOUCHER_LIST_VIEW_PROVIDER,
				InstrumentTestSupport.AGENCY.toString())))
			.contains(atAgency.getVoucherId())
			.doesNotContain(atUniversity.getVoucherId(), others.getVoucherId());
	}

	@Test
	void theListCarriesTheSettlementMakerSoThePortalCanDisableTheirApproval() {
		Voucher voucher = issue(InstrumentTestSupport.ENTERPRISE);
		redeem(voucher, InstrumentTestSupport.AGENCY);
		stub("officer").prepareVoucherSettlement(PrepareVoucherSettlementRequest.newBuilder()
			.setIdempotencyKey(key())
			.setVoucherId(voucher.getVoucherId())
			.setEvidenceReference("INV-" + UUID.randomUUID())
			.build());
		Voucher listed = all("approver", VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "").stream()
			.filter(v -> v.getVoucherId().equals(voucher.getVoucherId()))
			.findFirst()
			.orElseThrow();
		assertThat(listed.getSettlementPreparedBy()).isEqualTo("officer");
		assertThat(listed.getSettlementPreparedByCaller()).as("the approver did not prepare it").isFalse();
		assertThat(all("officer", VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "").stream()
			.filter(v -> v.getVoucherId().equals(voucher.getVoucherId()))
			.findFirst()
			.orElseThrow()
			.getSettlementPreparedByCaller()).as("the maker sees it is theirs").isTrue();
		assertThat(listed.getIssuedAt()).isNotEmpty();
	}

	@Test
	void anotherOrganisationOrARoleWithoutVouchersIsDenied() {
		assertThatThrownBy(() -> page("applicant1", VoucherListView.VOUCHER_LIST_VIEW_HOLDER,
				InstrumentTestSupport.UNIVERSITY.toString(), 50, ""))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> page("applicant2", VoucherListView.VOUCHER_LIST_VIEW_PROVIDER,
				InstrumentTestSupport.AGENCY.toString(), 50, ""))
			.as("a provider cannot read another provider's redemptions")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> page("expert1", VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "", 50, ""))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}

	@Test
	void pagesFollowTheTokenAndBadInputNamesTheField() {
		issue(InstrumentTestSupport.ENTERPRISE);
		issue(InstrumentTestSupport.ENTERPRISE);
		ListVouchersResponse first = page("applicant1", VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "", 1, "");
		assertThat(first.getVouchersCount()).isEqualTo(1);
		assertThat(first.getNextPageToken()).isNotEmpty();
		ListVouchersResponse second = page("applicant1", VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "", 1,
				first.getNextPageToken());
		assertThat(second.getVouchersCount()).isEqualTo(1);
		assertThat(second.getVouchers(0).getVoucherId()).isNotEqualTo(first.getVouchers(0).getVoucherId());
		assertThatThrownBy(() -> page("officer", VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "", 500, ""))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("page_size"));
		assertThatThrownBy(() -> page("officer", VoucherListView.VOUCHER_LIST_VIEW_HOLDER, "not-a-uuid", 50, ""))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("organisation_id"));
	}

	private List<Voucher> all(String user, VoucherListView view, String organisation) {
		List<Voucher> vouchers = new ArrayList<>();
		String token = "";
		do {
			ListVouchersResponse response = page(user, view, organisation, 200, token);
			vouchers.addAll(response.getVouchersList());
			token = response.getNextPageToken();
		}
		while (!token.isEmpty());
		return vouchers;
	}

	private ListVouchersResponse page(String user, VoucherListView view, String organisation, int size, String token) {
		return stub(user).listVouchers(ListVouchersRequest.newBuilder()
			.setView(view)
			.setOrganisationId(organisation)
			.setPageSize(size)
			.setPageToken(token)
			.build());
	}

	private static List<String> ids(List<Voucher> vouchers) {
		return vouchers.stream().map(Voucher::getVoucherId).toList();
	}

	private Voucher issue(UUID enterprise) {
		return stub("manager").issueVoucher(IssueVoucherRequest.newBuilder()
			.setIdempotencyKey(key())
			.setEnterpriseId(enterprise.toString())
			.setFiscalYear(YEAR)
			.setAmount(cny(100_000L))
			.build()).getVoucher();
	}

	private void redeem(Voucher voucher, UUID provider) {
		stub("applicant1").redeemVoucher(RedeemVoucherRequest.newBuilder()
			.setIdempotencyKey(key())
			.setVoucherId(voucher.getVoucherId())
			.setProviderId(provider.toString())
			.setContractReference("JM-SVC-" + UUID.randomUUID())
			.setContractPrice(cny(500_000L))
			.build());
	}

	private static Money cny(long minor) {
		return Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(minor).build();
	}

	private static String key() {
		return "it-" + UUID.randomUUID();
	}

	private FundingServiceGrpc.FundingServiceBlockingStub stub(String user) {
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(this.channel), FundingIntegrationTest.infra.tokens().accessToken(user));
	}

}
