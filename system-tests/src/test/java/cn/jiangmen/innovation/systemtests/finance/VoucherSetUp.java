package cn.jiangmen.innovation.systemtests.finance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseDecision;
import cn.jiangmen.innovation.contracts.funding.v1.DecideBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.ListVouchersRequest;
import cn.jiangmen.innovation.contracts.funding.v1.OpenBudgetLineRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RedeemVoucherRequest;
import cn.jiangmen.innovation.contracts.funding.v1.Voucher;
import cn.jiangmen.innovation.contracts.funding.v1.VoucherListView;
import cn.jiangmen.innovation.systemtests.RunningSuite;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.ManagedChannel;

/**
 * What the voucher browser test needs around the pages: a vouchers budget line raised under four
 * eyes (funding's gRPC), the year's voucher rules and a registered provider (funding's REST, as a
 * program manager sets them), and the redemption, which the portal has no page for yet (the
 * enterprise's applicant over funding's gRPC with their own token).
 */
final class VoucherSetUp {

	/** 五邑大学: a registered provider (服务机构), applicant2's organisation. */
	static final String PROVIDER = "7d1c2a8e-0000-4000-8000-000000000002";

	private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

	private final RunningSuite suite;

	VoucherSetUp(RunningSuite suite) {
		this.suite = suite;
	}

	/** A budget line for vouchers, the 2026 voucher rules on it (cap 5,000,000.00, 50 %) and the provider. */
	void vouchersOf2026() throws Exception {
		ManagedChannel channel = channel();
		try {
			String code = "systest-v-" + UUID.randomUUID().toString().substring(0, 8);
			funding(channel, "officer").openBudgetLine(OpenBudgetLineRequest.newBuilder()
				.setIdempotencyKey(UUID.randomUUID().toString())
				.setProgramCode(code)
				.setFiscalYear(2026)
				.build());
			String raise = funding(channel, "officer").prepareBudgetRaise(PrepareBudgetRaiseRequest.newBuilder()
				.setIdempotencyKey(UUID.randomUUID().toString())
				.setProgramCode(code)
				.setFiscalYear(2026)
				.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(1_000_000_00L))
				.build()).getRaise().getRaiseId();
			funding(channel, "approver").decideBudgetRaise(DecideBudgetRaiseRequest.newBuilder()
				.setIdempotencyKey(UUID.randomUUID().toString())
				.setRaiseId(raise)
				.setDecision(BudgetRaiseDecision.BUDGET_RAISE_DECISION_APPROVE)
				.build());
			HttpResponse<String> current = rest("GET", "/api/funding/instrument-rules/vouchers/2026", "manager", null);
			Matcher version = VERSION.matcher(current.body());
			String basedOn = current.statusCode() == 200 && version.find() ? version.group(1) : "null";
			HttpResponse<String> set = rest("PUT", "/api/funding/instrument-rules/vouchers/2026", "manager",
					"{\"programCode\":\"" + code + "\",\"perEnterpriseCap\":\"5000000.00\",\"currency\":\"CNY\","
							+ "\"sharePercent\":50,\"expiresOn\":\"2026-12-31\",\"basedOnVersion\":" + basedOn + "}");
			if (set.statusCode() != 200) {
				throw new IllegalStateException("voucher rules not set: " + set.statusCode() + " " + set.body());
			}
			// 409 when an earlier run registered it already
			rest("POST", "/api/funding/voucher-providers", "manager", "{\"organisationId\":\"" + PROVIDER + "\"}");
		}
		finally {
			GrpcChannels.close(channel);
		}
	}

	/** The enterprise's newest voucher, as its applicant lists it. */
	Voucher newestOf(String applicant) {
		ManagedChannel channel = channel();
		try {
			return funding(channel, applicant)
				.listVouchers(ListVouchersRequest.newBuilder().setView(VoucherListView.VOUCHER_LIST_VIEW_HOLDER).setPageSize(1).build())
				.getVouchers(0);
		}
		finally {
			GrpcChannels.close(channel);
		}
	}

	/** The enterprise's applicant redeems it at the provider against a service contract. */
	Voucher redeem(String applicant, String voucherId, long contractPriceFen) {
		ManagedChannel channel = channel();
		try {
			return funding(channel, applicant).redeemVoucher(RedeemVoucherRequest.newBuilder()
				.setIdempotencyKey(UUID.randomUUID().toString())
				.setVoucherId(voucherId)
				.setProviderId(PROVIDER)
				.setContractReference("JM-SVC-" + UUID.randomUUID().toString().substring(0, 8))
				.setContractPrice(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(contractPriceFen))
				.build()).getVoucher();
		}
		finally {
			GrpcChannels.close(channel);
		}
	}

	private ManagedChannel channel() {
		return GrpcChannels.plaintext(this.suite.app("funding-service").grpcPort());
	}

	private HttpResponse<String> rest(String method, String path, String user, String json) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.suite.app("funding-service").httpPort() + path))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + this.suite.infra().tokens().accessToken(user))
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private FundingServiceGrpc.FundingServiceBlockingStub funding(ManagedChannel channel, String user) {
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(channel),
				this.suite.infra().tokens().accessToken(user));
	}

}
