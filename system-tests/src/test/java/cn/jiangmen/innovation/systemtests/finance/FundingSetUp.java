package cn.jiangmen.innovation.systemtests.finance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.funding.v1.BudgetRaiseDecision;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.DecideBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.OpenBudgetLineRequest;
import cn.jiangmen.innovation.contracts.funding.v1.PrepareBudgetRaiseRequest;
import cn.jiangmen.innovation.contracts.funding.v1.Tranche;
import cn.jiangmen.innovation.systemtests.RunningSuite;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.ManagedChannel;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The set-up the finance browser tests share: a project milestone project-service holds as
 * accepted, a budget line raised under four eyes with an award of one tranche on that milestone
 * (funding's gRPC), the beneficiary's bank account (funding's REST), and what the tests read back.
 */
final class FundingSetUp {

	/** 江门市光电科技有限公司, the realm's demo applicant organisation. */
	static final String ORGANISATION = "7d1c2a8e-0000-4000-8000-000000000001";

	private final RunningSuite suite;

	FundingSetUp(RunningSuite suite) {
		this.suite = suite;
	}

	/** A project of the organisation with one milestone in state ACCEPTED, as project-service stores it. */
	void acceptedMilestone(UUID project, UUID milestone) throws SQLException {
		try (Connection db = DriverManager.getConnection(this.suite.jdbcUrl("project"), this.suite.infra().dbUser(),
				this.suite.infra().dbPassword())) {
			try (PreparedStatement insert = db.prepareStatement("insert into project (id, title, organisation_id) values (?, ?, ?)")) {
				insert.setObject(1, project);
				insert.setString(2, "LED 背光模组产业化 " + project.toString().substring(0, 8));
				insert.setObject(3, UUID.fromString(ORGANISATION));
				insert.executeUpdate();
			}
			try (PreparedStatement insert = db.prepareStatement(
					"insert into milestone (id, project_id, title, state, accepted_at) values (?, ?, '中试线建成', 'ACCEPTED', now())")) {
				insert.setObject(1, milestone);
				insert.setObject(2, project);
				insert.executeUpdate();
			}
		}
	}

	/** A budget line raised under four eyes and an award of one tranche on the milestone; the tranche's id. */
	String committedTranche(UUID project, UUID milestone, long fen) {
		ManagedChannel channel = GrpcChannels.plaintext(this.suite.app("funding-service").grpcPort());
		try {
			String code = "systest-" + UUID.randomUUID().toString().substring(0, 8);
			funding(channel, "officer").openBudgetLine(OpenBudgetLineRequest.newBuilder()
				.setIdempotencyKey(UUID.randomUUID().toString())
				.setProgramCode(code)
				.setFiscalYear(2026)
				.build());
			String raise = funding(channel, "officer").prepareBudgetRaise(PrepareBudgetRaiseRequest.newBuilder()
				.setIdempotencyKey(UUID.randomUUID().toString())
				.setProgramCode(code)
				.setFiscalYear(2026)
				.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(10_000_000_00L))
				.build()).getRaise().getRaiseId();
			funding(channel, "approver").decideBudgetRaise(DecideBudgetRaiseRequest.newBuilder()
				.setIdempotencyKey(UUID.randomUUID().toString())
				.setRaiseId(raise)
				.setDecision(BudgetRaiseDecision.BUDGET_RAISE_DECISION_APPROVE)
				.build());
			return GrpcChannels
				.withToken(FundingServiceGrpc.newBlockingStub(channel), this.suite.infra().tokens().serviceAccountToken())
				.commitAward(CommitAwardRequest.newBuilder()
					.setIdempotencyKey("systest-award-" + UUID.randomUUID())
					.setBudgetCode(code)
					.setFiscalYear(2026)
					.setAwardReference("JM-2026-ZX-" + project.toString().substring(0, 4).toUpperCase())
					.setRecipientOrganisationId(ORGANISATION)
					.setProjectId(project.toString())
					.addTranches(Tranche.newBuilder()
						.setMilestoneId(milestone.toString())
						.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen))
						.setPlannedDate("2026-11-30"))
					.build())
				.getTranches(0)
				.getTrancheId();
		}
		finally {
			GrpcChannels.close(channel);
		}
	}

	/** Where the organisation is paid, entered by a finance officer over funding's REST API (audited there). */
	void bankAccount() throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.suite.app("funding-service").httpPort()
					+ "/api/funding/organisations/" + ORGANISATION + "/bank-account"))
			.timeout(Duration.ofSeconds(20))
			.header("Authorization", "Bearer " + this.suite.infra().tokens().accessToken("officer"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"accountName\":\"江门市光电科技有限公司\","
					+ "\"accountNumber\":\"44001700000000123456\",\"bankName\":\"中国建设银行江门分行\","
					+ "\"bankCode\":\"105589000019\"}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("bank account not entered: " + response.statusCode() + " " + response.body());
		}
	}

	/** The tranche's state as funding stores it. */
	String state(String trancheId) throws SQLException {
		try (Connection db = DriverManager.getConnection(this.suite.jdbcUrl("funding"), this.suite.infra().dbUser(),
				this.suite.infra().dbPassword());
				PreparedStatement query = db.prepareStatement("select state from tranche where id = ?")) {
			query.setObject(1, UUID.fromString(trancheId));
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	static long horizontalOverflow(WebDriver browser) {
		return (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

	private FundingServiceGrpc.FundingServiceBlockingStub funding(ManagedChannel channel, String user) {
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(channel),
				this.suite.infra().tokens().accessToken(user));
	}

}
