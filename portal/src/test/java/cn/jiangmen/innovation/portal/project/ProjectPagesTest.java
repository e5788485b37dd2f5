package cn.jiangmen.innovation.portal.project;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.project.v1.ProposalContent;
import cn.jiangmen.innovation.contracts.project.v1.ProposalStatus;
import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;
import cn.jiangmen.innovation.platform.organisation.InMemoryOrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The applicant's major-project pages over a real in-process gRPC server standing in for
 * project-service (with its per-organisation rules): the field and call browser, the proposal form
 * with its consortium, KPI, work-plan and budget editors (sums computed on the server too), partial
 * autosave, POST-redirect-GET after a failed save, check your answers and submit, withdraw after a
 * confirmation, the partner's read-only view and confirmation, the denials (a partner cannot edit,
 * another organisation gets 404), and the project page with task book, reports and change requests.
 */
@WebMvcTest(controllers = { ProjectCallsController.class, ProposalPagesController.class, ProjectPagesController.class,
		MilestoneEvidencePagesController.class })
@Import({ ProjectPagesTest.Config.class, PortalSecurityConfiguration.class, ProjectPortalClient.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class ProjectPagesTest {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PortalProperties.class)
	static class Config {

		private final String name = "project-" + UUID.randomUUID();

		@Bean
		OrganisationDirectory organisationDirectory() {
			return new InMemoryOrganisationDirectory(List.of(
					new Organisation(UUID.fromString(FakeProjectService.LEAD_ORG), "江门市光电科技有限公司",
							"91440703MA4UJM0L1T", OrganisationKind.ENTERPRISE, "江门市蓬江区"),
					new Organisation(UUID.fromString(FakeProjectService.PARTNER_ORG), "五邑大学", "12440700455870000R",
							OrganisationKind.UNIVERSITY, "江门市蓬江区")));
		}

		@Bean
		FakeProjectService fakeProjectService() {
			return new FakeProjectService();
		}

		@Bean(destroyMethod = "shutdownNow")
		Server projectServer(FakeProjectService service) throws IOException {
			return InProcessServerBuilder.forName(this.name)
				.directExecutor()
				.addService(ServerInterceptors.intercept(service, FakeProjectService.IDENTITY))
				.build()
				.start();
		}

		@Bean
		GrpcChannelFactory grpcChannelFactory(Server projectServer) {
			return InProcessChannels.to(this.name);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeProjectService project;

	@BeforeEach
	void reset() {
		this.project.reset();
	}

	static JwtRequestPostProcessor user(String username, String organisation) {
		return jwt().jwt(jwt -> jwt.tokenValue(username + "-token")
			.subject("sub-" + username)
			.claim("preferred_username", username)
			.claim("name", username)
			.claim("organization", Map.of("org", Map.of("id", organisation)))
			.claim("realm_access", Map.of("roles", List.of("applicant"))))
			.authorities(new KeycloakRealmRoleConverter());
	}

	static JwtRequestPostProcessor lead() {
		return user("applicant1", FakeProjectService.LEAD_ORG);
	}

	static JwtRequestPostProcessor partner() {
		return user("partner", FakeProjectService.PARTNER_ORG);
	}

	static JwtRequestPostProcessor stranger() {
		return user("stranger", "00000000-0000-4000-8000-00000000dead");
	}

	@Test
	void theCallBrowserListsTheFieldsWithTheirCallsByYearInChineseAndEnglish() throws Exception {
		this.mvc.perform(get("/projects/calls").with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("重大科技专项申报指南")))
			.andExpect(content().string(containsString("轨道交通装备")))
			.andExpect(content().string(containsString("2026 年度指南")))
			.andExpect(content().string(containsString("href=\"/projects/calls/" + FakeProjectService.OPEN_CALL + "\"")))
			.andExpect(content().string(containsString("正在受理")))
			.andExpect(content().string(containsString("增材制造")))
			.andExpect(content().string(containsString("已截止")))
			.andExpect(content().string(containsString("省市联动领域")))
			.andExpect(content().string(containsString("href=\"/projects/calls\" aria-current=\"page\"")));
		this.mvc.perform(get("/projects/calls").param("field", "additive-manufacturing").param("lang", "en").with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Additive manufacturing")))
			.andExpect(content().string(containsString("Calls of 2025")))
			.andExpect(content().string(not(containsString("Rail transit equipment</span>"))));
		assertThat(this.project.calls).contains("ListCalls:additive-manufacturing");
	}

	@Test
	void theCallPageStatesItsGuidelineTopicsAndRulesInWords() throws Exception {
		this.mvc.perform(get("/projects/calls/" + FakeProjectService.OPEN_CALL).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026 年轨道交通装备重大专项")))
			.andExpect(content().string(containsString("支持轨道交通装备关键部件攻关。")))
			.andExpect(content().string(containsString("3,000,000.00 元")))
			.andExpect(content().string(containsString("不超过 30%")))
			.andExpect(content().string(containsString("牵头单位须为在江门注册的企业")))
			.andExpect(content().string(containsString("须有高校或科研院所合作（产学研）")))
			.andExpect(content().string(containsString("营业执照")))
			.andExpect(content().string(containsString("江门市科学技术局重大专项科")))
			.andExpect(content().string(containsString("开始填写申报书")))
			.andExpect(content().string(containsString("href=\"/projects/proposals/" + FakeProjectService.DRAFT + "\"")));
		this.mvc.perform(get("/projects/calls/" + FakeProjectService.CLOSED_CALL).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该指南当前不受理申报。")))
			.andExpect(content().string(not(containsString("开始填写申报书"))));
		this.mvc.perform(get("/projects/calls/c0000000-0000-4000-8000-00000000ffff").with(lead()))
			.andExpect(status().isNotFound());
	}

	@Test
	void startingAProposalOpensItsFormAndAClosedCallIsRefusedInWords() throws Exception {
		MvcResult started = this.mvc.perform(post("/projects/calls/" + FakeProjectService.OPEN_CALL + "/proposals")
			.with(lead()).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(started.getResponse().getRedirectedUrl()).startsWith("/projects/proposals/d0000000-");
		this.mvc.perform(post("/projects/calls/" + FakeProjectService.CLOSED_CALL + "/proposals").with(lead()).with(csrf()))
			.andExpect(redirectedUrl("/projects/calls/" + FakeProjectService.CLOSED_CALL + "?refused=call.not-open"));
		this.mvc.perform(get("/projects/calls/" + FakeProjectService.CLOSED_CALL).param("refused", "call.not-open").with(lead()))
			.andExpect(content().string(containsString("该指南当前不受理申报。")));
	}

	@Test
	void theLeadSeesTheFormWithItsEditorsTotalsComputedOnTheServerAndTheRulesInWords() throws Exception {
		this.mvc.perform(get("/projects/proposals/" + FakeProjectService.DRAFT).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"proposal-form\"")))
			.andExpect(content().string(containsString("/js/project-proposal.js")))
			// consortium: the lead from the token's organisation, a partner chosen by its directory name
			.andExpect(content().string(containsString("牵头单位：江门市光电科技有限公司")))
			.andExpect(content().string(containsString("name=\"partners[0].organisationName\"")))
			.andExpect(content().string(containsString("value=\"五邑大学\"")))
			.andExpect(content().string(containsString("<option value=\"五邑大学\"></option>")))
			// KPI and work-plan editors, with spare rows
			.andExpect(content().string(containsString("name=\"kpis[1].kind\"")))
			.andExpect(content().string(containsString("name=\"workPlan[0].dueDate\"")))
			// the budget grid by category and source, sums and shares computed by the server
			.andExpect(content().string(containsString("name=\"budget.EQUIPMENT.FISCAL\"")))
			.andExpect(content().string(containsString("value=\"600000.00\"")))
			.andExpect(content().string(containsString(">1,000,000.00</td>")))
			.andExpect(content().string(containsString("data-fiscal-share>60.00</strong>")))
			.andExpect(content().string(containsString("财政资金占比超过指南规定的 30%")))
			// the call's rules as findings in words, with their values
			.andExpect(content().string(containsString("财政资金 600,000.00 元占总预算 1,000,000.00 元的 60.00%，指南规定不超过 30%。")))
			.andExpect(content().string(containsString("data-share-sum=\"work\">100</strong>")));
		this.mvc.perform(get("/projects/proposals/" + FakeProjectService.DRAFT).param("lang", "en").with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fiscal money of 600,000.00 yuan is 60.00% of the total budget of 1,000,000.00 yuan; the call allows at most 30%.")))
			.andExpect(content().string(containsString("Self-raised (自筹资金)")));
	}

	@Test
	void autosaveStoresTheFormAndNamesWhatWasNotTaken() throws Exception {
		this.mvc.perform(post("/projects/proposals/" + FakeProjectService.DRAFT).with(lead()).with(csrf())
			.header("HX-Request", "true")
			.param("version", "3")
			.param("title", "轨道交通牵引变流器（修订）")
			.param("topicCode", "T1")
			.param("objectives", "研制")
			.param("leadRole", "总体设计")
			.param("leadWorkSharePercent", "70")
			.param("leadBudgetSharePercent", "80")
			.param("partners[0].organisationName", "五邑大学")
			.param("partners[0].role", "测试")
			.param("partners[0].workSharePercent", "30")
			.param("partners[0].budgetSharePercent", "20")
			.param("kpis[0].kind", "STANDARDS")
			.param("kpis[0].unit", "项")
			.param("kpis[0].target", "0")
			.param("workPlan[0].title", "样机")
			.param("workPlan[0].dueDate", "2027-12-31")
			.param("budget.EQUIPMENT.FISCAL", "200,000")
			.param("budget.EQUIPMENT.SELF_RAISED", "600000.00")
			.param("budget.TESTING.OTHER", "200000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"feedback\"")))
			.andExpect(content().string(containsString("已保存于")))
			.andExpect(content().string(containsString("已保存，但下列字段未被接受")))
			.andExpect(content().string(containsString("href=\"#kpis-0-target\"")))
			.andExpect(content().string(not(containsString("budget.fiscal-share-over-limit"))));
		ProposalContent sent = this.project.saved.get(0);
		assertThat(sent.getPartners(0).getOrganisationId()).isEqualTo(FakeProjectService.PARTNER_ORG);
		assertThat(sent.getBudgetList()).hasSize(3);
		assertThat(sent.getBudgetList().stream().mapToLong(b -> b.getAmount().getMinorUnits()).sum()).isEqualTo(100_000_000L);
		assertThat(this.project.proposals.get(FakeProjectService.DRAFT).getTitle()).isEqualTo("轨道交通牵引变流器（修订）");
	}

	@Test
	void aNoScriptSaveWithAnUnknownPartnerRedirectsAndNamesTheFieldNextToIt() throws Exception {
		MvcResult failed = this.mvc.perform(post("/projects/proposals/" + FakeProjectService.DRAFT).with(lead()).with(csrf())
			.param("version", "3")
			.param("title", "轨道交通牵引变流器")
			.param("partners[0].organisationName", "不存在的研究院")
			.param("partners[0].workSharePercent", "30")
			.param("budget.EQUIPMENT.FISCAL", "12.345"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/projects/proposals/" + FakeProjectService.DRAFT))
			.andReturn();
		// the partners and the budget kept their stored value; the rest was saved
		ProposalContent sent = this.project.saved.get(0);
		assertThat(sent.getPartnersList()).extracting(m -> m.getOrganisationName()).containsExactly("五邑大学");
		assertThat(sent.getBudgetList()).hasSize(2);
		this.mvc.perform(Prg.follow(failed).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"不存在的研究院\"")))
			.andExpect(content().string(containsString("单位名录中没有该名称的单位")))
			.andExpect(content().string(containsString("id=\"error-partners-0-organisationName\"")))
			.andExpect(content().string(containsString("aria-describedby=\"partners-0-organisationName-hint error-partners-0-organisationName\"")))
			.andExpect(content().string(containsString("href=\"#budget-EQUIPMENT-FISCAL\"")))
			.andExpect(content().string(containsString("请输入以元为单位的金额")));
	}

	@Test
	void submittingNeedsTheConfirmationAndEveryPartnerAndTheRulesEachSaidInWords() throws Exception {
		this.mvc.perform(get("/projects/proposals/" + FakeProjectService.DRAFT + "/review").with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("检查并提交")))
			.andExpect(content().string(containsString("五邑大学")))
			.andExpect(content().string(containsString("尚未确认")))
			.andExpect(content().string(containsString("name=\"confirm\"")));
		this.mvc.perform(post("/projects/proposals/" + FakeProjectService.DRAFT + "/submit").with(lead()).with(csrf()))
			.andExpect(redirectedUrl("/projects/proposals/" + FakeProjectService.DRAFT + "/review?refused=confirm-required"));
		this.mvc.perform(post("/projects/proposals/" + FakeProjectService.DRAFT + "/submit").param("confirm", "yes")
			.with(lead()).with(csrf()))
			.andExpect(redirectedUrl("/projects/proposals/" + FakeProjectService.DRAFT
					+ "/review?refused=proposal.partners-unconfirmed"));
		this.mvc.perform(get("/projects/proposals/" + FakeProjectService.DRAFT + "/review")
			.param("refused", "proposal.partners-unconfirmed").with(lead()))
			.andExpect(content().string(containsString("提交前，每个合作单位须确认参与。")));

		// the partner confirms; now the rules refuse, each named in words on the form (POST-redirect-GET)
		this.mvc.perform(post("/projects/proposals/" + FakeProjectService.DRAFT + "/confirmation").param("confirm", "yes")
			.with(partner()).with(csrf()))
			.andExpect(redirectedUrl("/projects/proposals/" + FakeProjectService.DRAFT + "?done=confirmed"));
		MvcResult refused = this.mvc.perform(post("/projects/proposals/" + FakeProjectService.DRAFT + "/submit")
			.param("confirm", "yes").with(lead()).with(csrf()))
			.andExpect(redirectedUrl("/projects/proposals/" + FakeProjectService.DRAFT))
			.andReturn();
		this.mvc.perform(Prg.follow(refused).with(lead()))
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("href=\"#section-budget\"")))
			.andExpect(content().string(containsString("财政资金占比超过指南上限。")));
		assertThat(this.project.proposals.get(FakeProjectService.DRAFT).getStatus())
			.isEqualTo(ProposalStatus.PROPOSAL_STATUS_DRAFT);
	}

	@Test
	void aSubmittedProposalIsWithdrawnAfterAConfirmationPage() throws Exception {
		this.project.proposals.computeIfPresent(FakeProjectService.DRAFT,
				(id, p) -> p.toBuilder().setStatus(ProposalStatus.PROPOSAL_STATUS_SUBMITTED).build());
		this.mvc.perform(get("/projects/proposals/" + FakeProjectService.DRAFT).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"proposal-form\""))))
			.andExpect(content().string(containsString("href=\"/projects/proposals/" + FakeProjectService.DRAFT + "/withdraw\"")));
		this.mvc.perform(get("/projects/proposals/" + FakeProjectService.DRAFT + "/withdraw").with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确定撤回申报书吗？")))
			.andExpect(content().string(containsString("此操作不可撤销")));
		this.mvc.perform(post("/projects/proposals/" + FakeProjectService.DRAFT + "/withdraw").with(lead()).with(csrf()))
			.andExpect(redirectedUrl("/projects/proposals/" + FakeProjectService.DRAFT + "?done=withdrawn"));
		assertThat(this.project.proposals.get(FakeProjectService.DRAFT).getStatus())
			.isEqualTo(ProposalStatus.PROPOSAL_STATUS_WITHDRAWN);
	}

	@Test
	void aPartnerReadsAndConfirmsButCannotEditAndAnotherOrganisationSeesNothing() throws Exception {
		this.mvc.perform(get("/projects/proposals/" + FakeProjectService.DRAFT).with(partner()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"proposal-form\""))))
			.andExpect(content().string(containsString("轨道交通牵引变流器")))
			.andExpect(content().string(containsString("确认本单位参与")))
			.andExpect(content().string(containsString("五邑大学 按申报书当前内容承担 30% 的任务、分配 20% 的预算。")));
		this.mvc.perform(get("/projects/proposals/" + FakeProjectService.DRAFT + "/review").with(partner()))
			.andExpect(redirectedUrl("/projects/proposals/" + FakeProjectService.DRAFT));
		// project-service refuses a partner's save: the page is the 403 page, nothing stored
		this.mvc.perform(post("/projects/proposals/" + FakeProjectService.DRAFT).with(partner()).with(csrf())
			.param("title", "改名"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/projects/proposals/" + FakeProjectService.DRAFT + "/submit").param("confirm", "yes")
			.with(partner()).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.project.saved).isEmpty();
		this.mvc.perform(get("/projects/proposals").with(partner()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("江门市光电科技有限公司 的合作单位")));

		this.mvc.perform(get("/projects/proposals/" + FakeProjectService.DRAFT).with(stranger()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/projects/proposals").with(stranger()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本单位尚无申报书。")));
		this.mvc.perform(get("/projects/" + FakeProjectService.PROJECT).with(stranger()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/projects/calls").with(jwt().jwt(j -> j.claim("preferred_username", "expert1")
			.claim("realm_access", Map.of("roles", List.of("expert")))).authorities(new KeycloakRealmRoleConverter())))
			.andExpect(status().isForbidden());
	}

	@Test
	void theProjectPageShowsMilestonesAndTheTaskBookWhichTheLeadAcceptsAfterAConfirmation() throws Exception {
		this.project.approvedDateChange();
		this.mvc.perform(get("/projects/" + FakeProjectService.PROJECT).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("LED 背光模组产业化")))
			.andExpect(content().string(containsString("执行中")))
			.andExpect(content().string(containsString("里程碑 1：样机")))
			.andExpect(content().string(containsString("600,000.00 元")))
			.andExpect(content().string(containsString("发明专利申请：3 件")))
			.andExpect(content().string(containsString("已下达，等待本单位确认")))
			.andExpect(content().string(containsString("href=\"/projects/" + FakeProjectService.PROJECT + "/task-book.pdf\"")))
			.andExpect(content().string(containsString("href=\"/projects/" + FakeProjectService.PROJECT
					+ "/milestones/" + FakeProjectService.MILESTONE_1 + "/report\"")))
			.andExpect(content().string(not(containsString("/milestones/" + FakeProjectService.MILESTONE_2 + "/report"))))
			// change requests with before and after
			.andExpect(content().string(containsString("驱动芯片供应商延期交货")))
			.andExpect(content().string(containsString("已批准并生效")))
			.andExpect(content().string(containsString("完成日期: 2027-03-31")))
			.andExpect(content().string(containsString("完成日期: 2027-06-30")));
		this.mvc.perform(get("/projects/" + FakeProjectService.PROJECT + "/task-book/acceptance").with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确定确认任务书吗？")))
			.andExpect(content().string(containsString("1,500,000.00")));
		this.mvc.perform(post("/projects/" + FakeProjectService.PROJECT + "/task-book/acceptance").with(lead()).with(csrf()))
			.andExpect(redirectedUrl("/projects/" + FakeProjectService.PROJECT + "?done=accepted"));
		this.mvc.perform(get("/projects/" + FakeProjectService.PROJECT).param("done", "accepted").with(lead()))
			.andExpect(content().string(containsString("任务书已确认")))
			.andExpect(content().string(containsString("本单位已确认，等待科技局会签")));
		this.mvc.perform(post("/projects/" + FakeProjectService.PROJECT + "/task-book/acceptance").with(lead()).with(csrf()))
			.andExpect(redirectedUrl("/projects/" + FakeProjectService.PROJECT + "?refused=task-book.state"));
		this.mvc.perform(get("/projects/" + FakeProjectService.PROJECT + "/task-book.pdf").with(lead()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("task-book-" + FakeProjectService.PROJECT + ".pdf")));
	}

	@Test
	void aProgressReportIsSubmittedWithKpiValuesAndABadValueIsNamedAfterTheRedirect() throws Exception {
		String form = "/projects/" + FakeProjectService.PROJECT + "/milestones/" + FakeProjectService.MILESTONE_1 + "/report";
		this.mvc.perform(get(form).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("里程碑 1 的进展报告：样机")))
			.andExpect(content().string(containsString("name=\"kpi." + FakeProjectService.KPI_TARGET + "\"")))
			.andExpect(content().string(containsString("目标值：3 件")));
		MvcResult failed = this.mvc.perform(post(form).with(lead()).with(csrf())
			.param("summary", "")
			.param("kpi." + FakeProjectService.KPI_TARGET, "三"))
			.andExpect(redirectedUrl(form))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("href=\"#kpi-" + FakeProjectService.KPI_TARGET + "\"")))
			.andExpect(content().string(containsString("请输入数值，例如 3 或 12.5。")))
			.andExpect(content().string(containsString("value=\"三\"")));
		this.mvc.perform(post(form).with(lead()).with(csrf())
			.param("summary", "样机已完成，通过第三方检测")
			.param("kpi." + FakeProjectService.KPI_TARGET, "2"))
			.andExpect(redirectedUrl("/projects/" + FakeProjectService.PROJECT + "?done=reported#milestone-"
					+ FakeProjectService.MILESTONE_1));
		assertThat(this.project.reports).hasSize(1);
		assertThat(this.project.reports.get(0).getKpiValues(0).getReached()).isEqualTo("2");
		this.mvc.perform(get("/projects/" + FakeProjectService.PROJECT).with(lead()))
			.andExpect(content().string(containsString("样机已完成，通过第三方检测")))
			.andExpect(content().string(containsString("发明专利申请：2 件")));
	}

	@Test
	void aChangeRequestIsSubmittedWithItsReasonAndRefusalsAreNamed() throws Exception {
		String base = "/projects/" + FakeProjectService.PROJECT;
		this.mvc.perform(get(base + "/changes/new").with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("申请变更")))
			.andExpect(content().string(containsString("里程碑完成日期")))
			.andExpect(content().string(containsString("1. 样机（2027-03-31 完成）")));
		MvcResult failed = this.mvc.perform(post(base + "/changes").with(lead()).with(csrf())
			.param("kind", "MILESTONE_DATE")
			.param("milestoneId", FakeProjectService.MILESTONE_1)
			.param("reason", ""))
			.andExpect(redirectedUrl(base + "/changes/new"))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(lead()))
			.andExpect(content().string(containsString("href=\"#reason\"")))
			.andExpect(content().string(containsString("href=\"#newDueDate\"")))
			.andExpect(content().string(containsString("请按 年-月-日 输入日期。")));
		MvcResult badAmount = this.mvc.perform(post(base + "/changes").with(lead()).with(csrf())
			.param("kind", "BUDGET_REALLOCATION").param("reason", "检测费用超支").param("amount", "很多"))
			.andExpect(redirectedUrl(base + "/changes/new"))
			.andReturn();
		this.mvc.perform(Prg.follow(badAmount).with(lead()))
			.andExpect(content().string(containsString("href=\"#amount\"")));
		this.mvc.perform(post(base + "/changes").with(lead()).with(csrf())
			.param("kind", "MILESTONE_DATE")
			.param("milestoneId", FakeProjectService.MILESTONE_1)
			.param("newDueDate", "2027-09-30")
			.param("reason", "驱动芯片供应商延期交货"))
			.andExpect(redirectedUrl(base + "?done=changed#changes"));
		assertThat(this.project.changes).hasSize(1);
		assertThat(this.project.changes.get(0).getChange().getNewDueDate()).isEqualTo("2027-09-30");
		this.mvc.perform(get(base).with(lead()))
			.andExpect(content().string(containsString("等待科技局决定")))
			.andExpect(content().string(containsString("样机：2027-09-30 完成")));
	}

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("file", name, "application/octet-stream", content);
	}

	@Test
	void theLeadUploadsTheRequiredDocumentsDownloadsAndRemovesOneAfterAConfirmation() throws Exception {
		String page = "/projects/proposals/" + FakeProjectService.DRAFT;
		this.mvc.perform(get(page).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("申报材料")))
			.andExpect(content().string(containsString("营业执照")))
			.andExpect(content().string(containsString("未上传")))
			.andExpect(content().string(containsString("id=\"documents-0\"")))
			.andExpect(content().string(containsString("id=\"documents-1\"")));
		this.mvc.perform(multipart(page + "/documents").file(file("营业执照.pdf", PDF)).param("requirement", "0")
			.with(lead()).with(csrf()))
			.andExpect(redirectedUrl(page + "?done=uploaded#section-documents"));
		assertThat(this.project.missing(this.project.proposals.get(FakeProjectService.DRAFT)))
			.extracting(m -> m.getRequirement()).containsExactly("审计报告");
		String shown = this.mvc.perform(get(page).param("done", "uploaded").with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("材料已上传。")))
			.andExpect(content().string(containsString("营业执照.pdf")))
			.andExpect(content().string(containsString("已上传")))
			.andExpect(content().string(containsString("2026年12月1日 10:30")))
			.andReturn().getResponse().getContentAsString();
		String documentId = this.project.documents.get(FakeProjectService.DRAFT).get(0).getDocument().getDocumentId();
		assertThat(shown).contains("href=\"" + page + "/documents/" + documentId + "\"");

		// the download is an attachment the browser does not sniff or run
		this.mvc.perform(get(page + "/documents/" + documentId).with(partner()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", "sandbox"))
			.andExpect(content().bytes(PDF));

		// check your answers names the document still missing as a problem
		this.mvc.perform(get(page + "/review").with(lead()))
			.andExpect(content().string(containsString("尚缺申报材料")))
			.andExpect(content().string(containsString("请上传审计报告")))
			.andExpect(content().string(containsString("href=\"" + page + "#documents-1\"")))
			.andExpect(content().string(not(containsString("请上传营业执照"))));

		// removing asks first
		this.mvc.perform(get(page + "/documents/" + documentId + "/remove").with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确定删除该材料吗？")))
			.andExpect(content().string(containsString("此操作不可撤销")));
		this.mvc.perform(post(page + "/documents/" + documentId + "/remove").with(lead()).with(csrf()))
			.andExpect(redirectedUrl(page + "?done=document-removed#section-documents"));
		assertThat(this.project.documents.get(FakeProjectService.DRAFT)).isEmpty();
	}

	@Test
	void aRefusedUploadLandsBackWithTheReasonNextToItsFileInput() throws Exception {
		String page = "/projects/proposals/" + FakeProjectService.DRAFT;
		MvcResult disguised = this.mvc.perform(multipart(page + "/documents").file(file("审计报告.docx", PDF))
			.param("requirement", "1").with(lead()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(page))
			.andReturn();
		this.mvc.perform(Prg.follow(disguised).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("href=\"#documents-1\"")))
			.andExpect(content().string(containsString("id=\"error-documents-1\"")))
			.andExpect(content().string(containsString("文件内容与文件名不符")))
			.andExpect(content().string(containsString("aria-describedby=\"documents-1-hint error-documents-1\"")));
		MvcResult wrongType = this.mvc.perform(multipart(page + "/documents")
			.file(file("审计报告.pdf", "plain text".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.param("requirement", "1").with(lead()).with(csrf()))
			.andExpect(redirectedUrl(page))
			.andReturn();
		this.mvc.perform(Prg.follow(wrongType).param("lang", "en").with(lead()))
			.andExpect(content().string(containsString("Only PDF, Word (docx), Excel (xlsx), PNG and JPEG files are accepted.")));
		MvcResult empty = this.mvc.perform(multipart(page + "/documents").file(file("审计报告.pdf", new byte[0]))
			.param("requirement", "0").with(lead()).with(csrf()))
			.andExpect(redirectedUrl(page))
			.andReturn();
		this.mvc.perform(Prg.follow(empty).with(lead()))
			.andExpect(content().string(containsString("id=\"error-documents-0\"")))
			.andExpect(content().string(containsString("请选择文件，空文件无法使用。")));
		assertThat(this.project.documents).isEmpty();

		// submitting without them names each missing document next to its input
		this.project.proposals.computeIfPresent(FakeProjectService.DRAFT, (id, p) -> p.toBuilder()
			.setConsortium(1, p.getConsortium(1).toBuilder().setConfirmedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(1)))
			.build());
		MvcResult refused = this.mvc.perform(post(page + "/submit").param("confirm", "yes").with(lead()).with(csrf()))
			.andExpect(redirectedUrl(page))
			.andReturn();
		this.mvc.perform(Prg.follow(refused).with(lead()))
			.andExpect(content().string(containsString("href=\"#documents-0\"")))
			.andExpect(content().string(containsString("请上传此材料：指南要求提交前上传。")));
	}

	@Test
	void aPartnerSeesTheDocumentsButNoUploadFormAndItsUploadIsRefused() throws Exception {
		String page = "/projects/proposals/" + FakeProjectService.DRAFT;
		this.mvc.perform(multipart(page + "/documents").file(file("营业执照.pdf", PDF)).param("requirement", "0")
			.with(lead()).with(csrf()))
			.andExpect(redirectedUrl(page + "?done=uploaded#section-documents"));
		this.mvc.perform(get(page).with(partner()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("营业执照.pdf")))
			.andExpect(content().string(not(containsString("name=\"file\""))))
			.andExpect(content().string(not(containsString("/remove\""))));
		this.mvc.perform(multipart(page + "/documents").file(file("审计报告.pdf", PDF)).param("requirement", "1")
			.with(partner()).with(csrf()))
			.andExpect(status().isForbidden());
		String documentId = this.project.documents.get(FakeProjectService.DRAFT).get(0).getDocument().getDocumentId();
		this.mvc.perform(post(page + "/documents/" + documentId + "/remove").with(partner()).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get(page + "/documents/" + documentId).with(stranger()))
			.andExpect(status().isNotFound());
		assertThat(this.project.documents.get(FakeProjectService.DRAFT)).hasSize(1);
	}

	@Test
	void myProposalsListsTheOrganisationsProposalsAndProjectsAndTheNavLeadsThere() throws Exception {
		this.project.proposals.computeIfPresent(FakeProjectService.DRAFT, (id, p) -> p.toBuilder()
			.setStatus(ProposalStatus.PROPOSAL_STATUS_APPROVED).setProjectId(FakeProjectService.PROJECT).build());
		this.mvc.perform(get("/projects/proposals").with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("我的申报书与项目")))
			.andExpect(content().string(containsString("已立项")))
			.andExpect(content().string(containsString("href=\"/projects/" + FakeProjectService.PROJECT + "\"")))
			.andExpect(content().string(containsString("href=\"/projects/calls\"")))
			.andExpect(content().string(containsString("href=\"/projects/proposals\" aria-current=\"page\"")))
			.andExpect(content().string(containsString("1,000,000.00")));
	}


	// check rounds and milestone evidence

	@Test
	void theProjectPageShowsEachRoundWithWhatToDoForARectificationAndARaisedRecovery() throws Exception {
		String page = "/projects/" + FakeProjectService.PROJECT;
		this.mvc.perform(get(page).with(lead()))
			.andExpect(content().string(containsString("本项目尚未进行中期检查或验收。")));
		this.project.rounds.add(cn.jiangmen.innovation.contracts.project.v1.CheckRound.newBuilder()
			.setCheckRoundId("r-2")
			.setKind(cn.jiangmen.innovation.contracts.project.v1.CheckRoundKind.CHECK_ROUND_KIND_MID_TERM)
			.setState(cn.jiangmen.innovation.contracts.project.v1.CheckRoundState.CHECK_ROUND_STATE_RECTIFYING)
			.setPanelScore("61.00")
			.setReasons("补充第三方检测报告")
			.setRectifyBy("2027-03-01")
			.build());
		this.project.rounds.add(cn.jiangmen.innovation.contracts.project.v1.CheckRound.newBuilder()
			.setCheckRoundId("r-1")
			.setKind(cn.jiangmen.innovation.contracts.project.v1.CheckRoundKind.CHECK_ROUND_KIND_FINAL_ACCEPTANCE)
			.setState(cn.jiangmen.innovation.contracts.project.v1.CheckRoundState.CHECK_ROUND_STATE_FAILED)
			.setPanelScore("38.00")
			.setRecoveryRaised(true)
			.build());
		this.mvc.perform(get(page).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("限期整改")))
			.andExpect(content().string(containsString("整改期限：2027-03-01")))
			.andExpect(content().string(containsString("请在此日期前按上述专家意见完成整改")))
			.andExpect(content().string(containsString("补充第三方检测报告")))
			.andExpect(content().string(containsString("专家组评分：61.00")))
			.andExpect(content().string(containsString("科技局已发起已拨资金的追回")));
		this.mvc.perform(get(page + "?lang=en").with(lead()))
			.andExpect(content().string(containsString("Rectify by 2027-03-01")))
			.andExpect(content().string(containsString("raised a recovery of the funds paid")));
		this.mvc.perform(get(page).with(stranger())).andExpect(status().isNotFound());
	}

	@Test
	void theLeadUploadsEvidenceFromTheReportFormNamesItInTheReportAndItIsLinkedForDownload() throws Exception {
		String form = "/projects/" + FakeProjectService.PROJECT + "/milestones/" + FakeProjectService.MILESTONE_1 + "/report";
		String evidence = "/projects/" + FakeProjectService.PROJECT + "/milestones/" + FakeProjectService.MILESTONE_1 + "/evidence";
		this.mvc.perform(get(form).with(lead()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该里程碑尚未上传佐证材料。")))
			.andExpect(content().string(containsString("hx-post=\"" + evidence + "\"")));
		this.mvc.perform(multipart(evidence).file(file("检测报告.pdf", PDF)).with(lead()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(form + "?uploaded=1#evidence"));
		String id = this.project.evidence.get(FakeProjectService.MILESTONE_1).get(0).getDocument().getDocumentId();
		this.mvc.perform(get(form).with(lead()))
			.andExpect(content().string(containsString("name=\"evidence." + id + "\"")))
			.andExpect(content().string(containsString("form=\"report-form\"")))
			.andExpect(content().string(containsString("checked")))
			.andExpect(content().string(containsString("href=\"" + evidence + "/" + id + "\"")));

		MvcResult refused = this.mvc.perform(multipart(evidence).file(file("setup.exe", new byte[] { 'M', 'Z', 1, 2 }))
			.with(lead()).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(form))
			.andReturn();
		this.mvc.perform(Prg.follow(refused).with(lead()))
			.andExpect(content().string(containsString("id=\"error-evidence-file\"")))
			.andExpect(content().string(containsString("只接受 PDF、Word（docx）、Excel（xlsx）、PNG 和 JPEG 文件。")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		assertThat(this.project.evidence.get(FakeProjectService.MILESTONE_1)).hasSize(1);

		this.mvc.perform(post(form).with(lead()).with(csrf())
			.param("summary", "样机已完成，附第三方检测报告")
			.param("evidence." + id, "on"))
			.andExpect(redirectedUrl("/projects/" + FakeProjectService.PROJECT + "?done=reported#milestone-"
					+ FakeProjectService.MILESTONE_1));
		assertThat(this.project.reports.get(0).getDocumentsList()).singleElement().satisfies(d -> {
			assertThat(d.getName()).isEqualTo("检测报告.pdf");
			assertThat(d.getSha256()).hasSize(64);
		});
		this.mvc.perform(get("/projects/" + FakeProjectService.PROJECT).with(lead()))
			.andExpect(content().string(containsString("佐证材料：")))
			.andExpect(content().string(containsString("href=\"" + evidence + "/" + id + "\"")));
		this.mvc.perform(get(evidence + "/" + id).with(lead()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", "sandbox"));
	}

	@Test
	void anotherOrganisationCannotUploadOrDownloadEvidenceAndAReportWithoutChoiceNamesNoEvidence() throws Exception {
		String evidence = "/projects/" + FakeProjectService.PROJECT + "/milestones/" + FakeProjectService.MILESTONE_1 + "/evidence";
		this.mvc.perform(multipart(evidence).file(file("检测报告.pdf", PDF)).with(stranger()).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.project.evidence).isEmpty();
		this.mvc.perform(multipart(evidence).file(file("检测报告.pdf", PDF)).with(lead()).with(csrf()));
		String id = this.project.evidence.get(FakeProjectService.MILESTONE_1).get(0).getDocument().getDocumentId();
		this.mvc.perform(get(evidence + "/" + id).with(stranger())).andExpect(status().isNotFound());
		this.mvc.perform(get(evidence + "/" + id).with(partner())).andExpect(status().isNotFound());
		this.mvc.perform(post("/projects/" + FakeProjectService.PROJECT + "/milestones/" + FakeProjectService.MILESTONE_1 + "/report")
			.with(lead()).with(csrf()).param("summary", "未勾选佐证材料"));
		assertThat(this.project.reports.get(0).getDocumentsList()).isEmpty();
	}


	/** The new parts of the applicant's pages as HTML for a look in a browser ({@code -Dportal.snapshots=<dir>}). */
	@Test
	@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "portal.snapshots", matches = ".+")
	void snapshotsOfTheRoundsAndTheEvidenceForm() throws Exception {
		java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("portal.snapshots"));
		java.nio.file.Files.createDirectories(dir);
		String form = "/projects/" + FakeProjectService.PROJECT + "/milestones/" + FakeProjectService.MILESTONE_1 + "/report";
		String evidence = "/projects/" + FakeProjectService.PROJECT + "/milestones/" + FakeProjectService.MILESTONE_1 + "/evidence";
		this.mvc.perform(multipart(evidence).file(file("第三方检测报告.pdf", PDF)).with(lead()).with(csrf()));
		MvcResult refused = this.mvc.perform(multipart(evidence).file(file("setup.exe", new byte[] { 'M', 'Z', 1, 2 }))
			.with(lead()).with(csrf())).andReturn();
		snapshot(dir, "report-form.html", this.mvc.perform(Prg.follow(refused).with(lead())).andReturn());
		String id = this.project.evidence.get(FakeProjectService.MILESTONE_1).get(0).getDocument().getDocumentId();
		this.mvc.perform(post(form).with(lead()).with(csrf()).param("summary", "样机已完成").param("evidence." + id, "on"));
		this.project.rounds.add(cn.jiangmen.innovation.contracts.project.v1.CheckRound.newBuilder().setCheckRoundId("r-2")
			.setKind(cn.jiangmen.innovation.contracts.project.v1.CheckRoundKind.CHECK_ROUND_KIND_MID_TERM)
			.setState(cn.jiangmen.innovation.contracts.project.v1.CheckRoundState.CHECK_ROUND_STATE_RECTIFYING)
			.setPanelScore("61.00").setReasons("补充第三方检测报告").setRectifyBy("2027-03-01").build());
		snapshot(dir, "applicant-project.html",
				this.mvc.perform(get("/projects/" + FakeProjectService.PROJECT).with(lead())).andReturn());
	}


	private static void snapshot(java.nio.file.Path dir, String file, MvcResult result) throws Exception {
		java.nio.file.Files.writeString(dir.resolve(file), result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

}
