package cn.jiangmen.innovation.portal.finance;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;
import cn.jiangmen.innovation.platform.security.KeycloakRealmRoleConverter;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.config.PortalSecurityConfiguration;
import cn.jiangmen.innovation.portal.web.InProcessChannels;
import cn.jiangmen.innovation.portal.web.Prg;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessServerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The finance and award pages over a real in-process gRPC server standing in for funding-service:
 * zh-CN first and English, the three queues, each action on a confirmation page, the maker's own
 * tranche shown with the decision disabled and its reason (and refused by the service anyway),
 * the milestone and project-service refusals in words, budgets with chart data and table, exports.
 */
@WebMvcTest(controllers = { FinanceInboxController.class, BudgetPagesController.class, AwardPagesController.class })
@Import({ FinancePagesTest.Config.class, PortalSecurityConfiguration.class, FundingPortalClient.class,
		InstrumentPortalClient.class, Beneficiaries.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class FinancePagesTest {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PortalProperties.class)
	static class Config {

		private final String name = "funding-" + UUID.randomUUID();

		@Bean
		FakeFundingService fakeFundingService() {
			return new FakeFundingService();
		}

		@Bean(destroyMethod = "shutdownNow")
		Server fundingServer(FakeFundingService service) throws IOException {
			return InProcessServerBuilder.forName(this.name)
				.directExecutor()
				.addService(ServerInterceptors.intercept(service, FakeFundingService.IDENTITY))
				.build()
				.start();
		}

		@Bean
		GrpcChannelFactory grpcChannelFactory(Server fundingServer) {
			return InProcessChannels.to(this.name);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeFundingService funding;

	@BeforeEach
	void reset() {
		this.funding.reset();
	}

	static JwtRequestPostProcessor user(String username, String... roles) {
		return jwt().jwt(jwt -> jwt.tokenValue(username + "-token")
			.subject("sub-" + username)
			.claim("preferred_username", username)
			.claim("name", username)
			.claim("realm_access", Map.of("roles", List.of(roles))))
			.authorities(new KeycloakRealmRoleConverter());
	}

	static JwtRequestPostProcessor officer() {
		return user("officer", "finance-officer");
	}

	static JwtRequestPostProcessor approver() {
		return user("approver", "finance-approver");
	}

	@Test
	void theInboxShowsTheQueueToPrepareInChineseWithItsActionsAndExports() throws Exception {
		this.mvc.perform(get("/finance/inbox").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("资金拨付待办")))
			.andExpect(content().string(containsString("aria-current=\"page\">待经办</a>")))
			.andExpect(content().string(containsString("江门市光电科技有限公司")))
			.andExpect(content().string(containsString("1,200,000.00")))
			.andExpect(content().string(containsString("第 1 期（里程碑验收后拨付）")))
			.andExpect(content().string(containsString("href=\"/finance/tranches/t-due/prepare?from=prepare\"")))
			.andExpect(content().string(containsString("href=\"/finance/inbox.csv?tab=prepare\"")))
			.andExpect(content().string(containsString("href=\"/finance/inbox.xlsx?tab=prepare\"")))
			.andExpect(content().string(not(containsString("t-prepared"))));
		this.mvc.perform(get("/finance/inbox?tab=rejected&lang=en").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Payments inbox")))
			.andExpect(content().string(containsString("aria-current=\"page\">Rejected</a>")))
			.andExpect(content().string(containsString("收款账户缺失")))
			.andExpect(content().string(containsString("Prepare again")));
	}

	@Test
	void theMakerSeesTheApproveButtonDisabledWithTheReasonAndTheServiceRefusesAnyway() throws Exception {
		JwtRequestPostProcessor both = user("officer", "finance-officer", "finance-approver");
		this.mvc.perform(get("/finance/inbox?tab=approve").with(both))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-describedby=\"own-t-prepared\"")))
			.andExpect(content().string(containsString("disabled")))
			.andExpect(content().string(containsString("此笔款项由您经办，须由另一位审批人员复核。")))
			.andExpect(content().string(not(containsString("href=\"/finance/tranches/t-prepared/approve\""))));
		this.mvc.perform(get("/finance/inbox?tab=approve&lang=en").with(both))
			.andExpect(content().string(containsString("You prepared this tranche; another approver must decide.")));
		this.mvc.perform(get("/finance/inbox?tab=approve").with(approver()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/finance/tranches/t-prepared/approve\"")))
			.andExpect(content().string(containsString("href=\"/finance/tranches/t-prepared/reject\"")))
			.andExpect(content().string(not(containsString("此笔款项由您经办"))));
		// a hand-made POST by the maker: funding-service says no (PERMISSION_DENIED), the page is a 403
		this.mvc.perform(post("/finance/tranches/t-prepared/approve").with(both).with(csrf()).param("key", "k-self"))
			.andExpect(status().isForbidden());
		assertThat(this.funding.tranches.get("t-prepared").getTranche().getState().name()).endsWith("PREPARED");
	}

	@Test
	void preparingGoesThroughAConfirmationPageAndCarriesOneIdempotencyKey() throws Exception {
		String page = this.mvc.perform(get("/finance/tranches/t-due/prepare").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认经办此笔款项")))
			.andExpect(content().string(containsString("核实该里程碑已通过验收")))
			.andExpect(content().string(containsString("JM-2026-ZX-t-due")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String key = page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
		assertThat(key).hasSize(36);
		this.mvc.perform(post("/finance/tranches/t-due/prepare").with(officer()).with(csrf()).param("key", key))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/finance/inbox?tab=approve&notice=prepared"));
		assertThat(this.funding.calls).contains("prepare t-due key=" + key);
		this.mvc.perform(get("/finance/inbox?tab=approve&notice=prepared").with(officer()))
			.andExpect(content().string(containsString("已经办，等待审批人员复核。")));
	}

	@Test
	void anUnacceptedMilestoneAndASilentProjectServiceAreSaidInWordsAndChangeNothing() throws Exception {
		// POST-redirect-GET: back on the confirmation with the reason and the same idempotency key
		MvcResult refused = this.mvc.perform(post("/finance/tranches/t-open/prepare").with(officer()).with(csrf())
			.param("key", "k1"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/finance/tranches/t-open/prepare?from=prepare"))
			.andReturn();
		this.mvc.perform(Prg.follow(refused).with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该期对应的里程碑尚未通过验收")))
			.andExpect(content().string(containsString("name=\"key\" value=\"k1\"")));
		this.funding.projectDown = true;
		MvcResult silent = this.mvc.perform(post("/finance/tranches/t-due/prepare").with(officer()).with(csrf())
			.param("key", "k2"))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(silent).param("lang", "en").with(officer()))
			.andExpect(content().string(containsString("The project office&#39;s service did not answer")));
		assertThat(this.funding.tranches.get("t-due").getTranche().getState().name()).endsWith("SCHEDULED");
	}

	@Test
	void aRejectionNeedsAReasonOnItsConfirmationPage() throws Exception {
		this.mvc.perform(get("/finance/tranches/t-prepared/reject").with(approver()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("退回此笔款项")))
			.andExpect(content().string(containsString("<textarea class=\"textarea\" id=\"reason\" name=\"reason\"")));
		MvcResult failed = this.mvc.perform(post("/finance/tranches/t-prepared/reject").with(approver()).with(csrf())
			.param("key", "k3")
			.param("reason", " "))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/finance/tranches/t-prepared/reject"))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(approver()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-error-summary")))
			.andExpect(content().string(containsString("请填写退回原因")))
			.andExpect(content().string(containsString("href=\"#reason\"")))
			.andExpect(content().string(containsString("id=\"error-reason\"")))
			.andExpect(content().string(containsString("aria-describedby=\"reason-hint error-reason\"")))
			.andExpect(content().string(containsString("name=\"key\" value=\"k3\"")));
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(approver()))
			.andExpect(content().string(containsString("Enter the reason for rejection")));
		this.mvc.perform(get("/finance/tranches/t-prepared/reject").with(approver()))
			.andExpect(content().string(not(containsString("data-error-summary"))));
		this.mvc.perform(post("/finance/tranches/t-prepared/reject").with(approver()).with(csrf()).param("key", "k4")
			.param("reason", "合同编号有误"))
			.andExpect(redirectedUrl("/finance/inbox?tab=rejected&notice=rejected"));
		assertThat(this.funding.calls).contains("decide t-prepared TRANCHE_DECISION_REJECT 合同编号有误");
		this.mvc.perform(get("/finance/tranches/t-prepared/approve").with(officer())).andExpect(status().isForbidden());
	}

	@Test
	void theInboxExportsAsCsvAndXlsx() throws Exception {
		String csv = this.mvc.perform(get("/finance/inbox.csv?tab=prepare").with(officer()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("finance-prepare.csv")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF\"资助项目\"").contains("\"1200000.00\"").contains("里程碑分期");
		this.mvc.perform(get("/finance/inbox.xlsx?tab=approve").with(approver()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")));
	}

	@Test
	void budgetsShowAChartAndTheSameNumbersInATablePerYear() throws Exception {
		this.mvc.perform(get("/finance/budgets").with(approver()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/dist/echarts.min.js")))
			.andExpect(content().string(not(containsString("cdn"))))
			.andExpect(content().string(containsString("2026 年度")))
			.andExpect(content().string(containsString("2025 年度")))
			.andExpect(content().string(containsString("data-chart=\"{&quot;labels&quot;:[&quot;人才团队&quot;")))
			.andExpect(content().string(containsString("35,000,000.00")))
			.andExpect(content().string(containsString("href=\"/finance/budget-raises/r-1/approve\"")));
		this.mvc.perform(get("/finance/budgets?lang=en").with(user("manager", "program-manager")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Talent teams")))
			.andExpect(content().string(containsString("Available (yuan)")))
			.andExpect(content().string(not(containsString("href=\"/finance/budget-raises/r-1/approve\""))))
			.andExpect(content().string(not(containsString("href=\"/finance/budgets/raise\""))));
		String csv = this.mvc.perform(get("/finance/budgets.csv").with(approver()))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("\"人才团队\",\"2026\",\"50000000.00\",\"12000000.00\",\"3000000.00\",\"35000000.00\"");
	}

	@Test
	void aBudgetRaiseIsPreparedByAnOfficerAndDecidedByAnotherApproverOnAConfirmationPage() throws Exception {
		MvcResult badAmount = this.mvc.perform(post("/finance/budgets/raise").with(officer()).with(csrf())
			.param("program", "talent")
			.param("year", "2026").param("amount", "12.345").param("key", "k5"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/finance/budgets/raise"))
			.andReturn();
		this.mvc.perform(Prg.follow(badAmount).with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#amount\"")))
			.andExpect(content().string(containsString("金额最多保留两位小数（分）")))
			.andExpect(content().string(containsString("aria-describedby=\"amount-hint error-amount\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("value=\"12.345\"")))
			.andExpect(content().string(containsString("name=\"key\" value=\"k5\"")));
		this.mvc.perform(Prg.follow(badAmount).param("lang", "en").with(officer()))
			.andExpect(content().string(containsString("There is a problem")));
		this.mvc.perform(get("/finance/budgets/raise").with(officer()))
			.andExpect(content().string(not(containsString("data-error-summary"))));
		this.mvc.perform(post("/finance/budgets/raise").with(officer()).with(csrf()).param("program", "talent")
			.param("year", "2026").param("amount", "1,234.56").param("key", "k6"))
			.andExpect(redirectedUrl("/finance/budgets?notice=raise-prepared"));
		assertThat(this.funding.calls).contains("prepareRaise talent 2026 123456");
		this.mvc.perform(get("/finance/budget-raises/r-1/approve").with(user("officer", "finance-officer", "finance-approver")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此项追加由您经办，须由另一位审批人员复核。")))
			.andExpect(content().string(containsString("disabled")));
		this.mvc.perform(get("/finance/budget-raises/r-1/approve").with(approver()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认批准追加预算")));
		this.mvc.perform(post("/finance/budget-raises/r-1/approve").with(approver()).with(csrf()).param("key", "k7"))
			.andExpect(redirectedUrl("/finance/budgets?notice=raise-approved"));
		this.mvc.perform(get("/finance/budgets/raise").with(approver())).andExpect(status().isForbidden());
	}

	@Test
	void anApplicantSeesTheirAwardsScheduleAndStatesAndNoFinancePage() throws Exception {
		JwtRequestPostProcessor applicant = jwt().jwt(jwt -> jwt.tokenValue("applicant1-token")
			.subject("sub-applicant1")
			.claim("preferred_username", "applicant1")
			.claim("organisation_id", "7d1c2a8e-0000-4000-8000-000000000001")
			.claim("organisation_name", "江门市光电科技有限公司")
			.claim("realm_access", Map.of("roles", List.of("applicant"))))
			.authorities(new KeycloakRealmRoleConverter());
		this.mvc.perform(get("/funding/awards").with(applicant))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本单位获得的资助")))
			.andExpect(content().string(containsString("JM-2026-RC-0007")))
			.andExpect(content().string(containsString("已批准拨付")))
			.andExpect(content().string(containsString("已排期")))
			.andExpect(content().string(containsString("3,000,000.00")));
		assertThat(this.funding.calls).contains("listAwards ");
		this.mvc.perform(get("/finance/inbox").with(applicant)).andExpect(status().isForbidden());
		this.mvc.perform(get("/finance/budgets").with(applicant)).andExpect(status().isForbidden());
		this.mvc.perform(get("/funding/awards").with(officer())).andExpect(status().isForbidden());
	}

	@Test
	void financeReadsABeneficiaryStatement() throws Exception {
		this.mvc.perform(get("/finance/statements").with(approver()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/finance/statements/7d1c2a8e-0000-4000-8000-000000000001\"")));
		this.mvc.perform(get("/finance/statements/7d1c2a8e-0000-4000-8000-000000000001?lang=en").with(approver()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Beneficiary statement")))
			.andExpect(content().string(containsString("Approved for payment")))
			.andExpect(content().string(containsString("1,000,000.00")));
	}

}
