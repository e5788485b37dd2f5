package cn.jiangmen.innovation.systemtests.finance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
import cn.jiangmen.innovation.systemtests.Chromium;
import cn.jiangmen.innovation.systemtests.RunningSuite;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes in a real headless Chromium through the gateway: {@code officer} prepares a tranche
 * whose milestone project-service says is accepted (seeded in project-service's database), then
 * {@code approver} approves it; the officer's own inbox never offers the decision. Screenshots at
 * 1280 and 390 px, without sideways scrolling.
 */
class FinanceTrancheBrowserIT {

	static final String ORGANISATION = "7d1c2a8e-0000-4000-8000-000000000001";

	static RunningSuite suite;

	static WebDriver officerBrowser;

	static WebDriver approverBrowser;

	@BeforeAll
	static void start() {
		suite = RunningSuite.get();
		officerBrowser = Chromium.start();
		approverBrowser = Chromium.start();
	}

	@AfterAll
	static void stop() {
		for (WebDriver browser : new WebDriver[] { officerBrowser, approverBrowser }) {
			if (browser != null) {
				browser.quit();
			}
		}
	}

	@Test
	void anOfficerPreparesAndADifferentApproverApprovesATrancheOfAnAcceptedMilestone() throws SQLException {
		UUID project = UUID.randomUUID();
		UUID milestone = UUID.randomUUID();
		acceptedMilestone(project, milestone);
		String trancheId = committedTranche(project, milestone);

		WebDriver officer = officerBrowser;
		WebDriverWait wait = new WebDriverWait(officer, Duration.ofSeconds(30));
		officer.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(officer, suite.gatewayUrl(), "officer");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("finance")));
		Chromium.screenshot(officer, "finance-home-officer-1280");
		officer.findElement(By.cssSelector(".site-nav a[href$='/finance/inbox']")).click();
		WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tranche-" + trancheId)));
		((JavascriptExecutor) officer).executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
		Chromium.screenshot(officer, "finance-inbox-prepare-1280");
		row.findElement(By.cssSelector("a[href*='/prepare']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-question")));
		officer.manage().window().setSize(new Dimension(390, 844));
		assertThat(horizontalOverflow(officer)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(officer, "finance-prepare-confirm-390");
		officer.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));
		assertThat(officer.getCurrentUrl()).contains("tab=approve");
		assertThat(officer.findElements(By.cssSelector("a[href$='/finance/tranches/" + trancheId + "/approve']")))
			.as("the officer is never offered the decision").isEmpty();
		assertThat(horizontalOverflow(officer)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(officer, "finance-inbox-approve-officer-390");

		WebDriver approver = approverBrowser;
		WebDriverWait approverWait = new WebDriverWait(approver, Duration.ofSeconds(30));
		approver.manage().window().setSize(new Dimension(1280, 900));
		Chromium.signIn(approver, suite.gatewayUrl(), "approver");
		approver.get(suite.gatewayUrl() + "/finance/inbox?tab=approve");
		WebElement prepared = approverWait.until(ExpectedConditions.presenceOfElementLocated(By.id("tranche-" + trancheId)));
		assertThat(prepared.getText()).contains("officer");
		((JavascriptExecutor) approver).executeScript("arguments[0].scrollIntoView({block: 'center'})", prepared);
		Chromium.screenshot(approver, "finance-inbox-approve-1280");
		prepared.findElement(By.cssSelector("a[href$='/approve']")).click();
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-question")));
		Chromium.screenshot(approver, "finance-approve-confirm-1280");
		approver.findElement(By.cssSelector("form button[type=submit].button--primary")).click();
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner--success")));
		assertThat(approver.findElements(By.id("tranche-" + trancheId))).as("left the queue").isEmpty();

		approver.get(suite.gatewayUrl() + "/finance/budgets");
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart svg")));
		Chromium.screenshot(approver, "finance-budgets-1280");
		approver.manage().window().setSize(new Dimension(390, 844));
		approver.navigate().refresh();
		approverWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart svg")));
		assertThat(horizontalOverflow(approver)).isLessThanOrEqualTo(0L);
		Chromium.screenshot(approver, "finance-budgets-390");
		assertThat(state(trancheId)).isEqualTo("APPROVED");
	}

	private static long horizontalOverflow(WebDriver browser) {
		return (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

	/** A project of the organisation with one milestone in state ACCEPTED, as project-service stores it. */
	private static void acceptedMilestone(UUID project, UUID milestone) throws SQLException {
		try (Connection db = DriverManager.getConnection(suite.jdbcUrl("project"), suite.infra().dbUser(),
				suite.infra().dbPassword())) {
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

	/** A budget line raised under four eyes and an award of one tranche on the milestone, through funding's gRPC. */
	private static String committedTranche(UUID project, UUID milestone) {
		ManagedChannel channel = GrpcChannels.plaintext(suite.app("funding-service").grpcPort());
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
				.withToken(FundingServiceGrpc.newBlockingStub(channel), suite.infra().tokens().serviceAccountToken())
				.commitAward(CommitAwardRequest.newBuilder()
					.setIdempotencyKey("systest-award-" + UUID.randomUUID())
					.setBudgetCode(code)
					.setFiscalYear(2026)
					.setAwardReference("JM-2026-ZX-" + project.toString().substring(0, 4).toUpperCase())
					.setRecipientOrganisationId(ORGANISATION)
					.setProjectId(project.toString())
					.addTranches(Tranche.newBuilder()
						.setMilestoneId(milestone.toString())
						.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(1_500_000_00L))
						.setPlannedDate("2026-11-30"))
					.build())
				.getTranches(0)
				.getTrancheId();
		}
		finally {
			GrpcChannels.close(channel);
		}
	}

	private static FundingServiceGrpc.FundingServiceBlockingStub funding(ManagedChannel channel, String user) {
		return GrpcChannels.withToken(FundingServiceGrpc.newBlockingStub(channel), suite.infra().tokens().accessToken(user));
	}

	private static String state(String trancheId) throws SQLException {
		try (Connection db = DriverManager.getConnection(suite.jdbcUrl("funding"), suite.infra().dbUser(),
				suite.infra().dbPassword());
				PreparedStatement query = db.prepareStatement("select state from tranche where id = ?")) {
			query.setObject(1, UUID.fromString(trancheId));
			var rs = query.executeQuery();
			rs.next();
			return rs.getString(1);
		}
	}

}
