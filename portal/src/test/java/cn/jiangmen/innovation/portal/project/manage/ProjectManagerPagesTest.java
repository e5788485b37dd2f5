package cn.jiangmen.innovation.portal.project.manage;

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
 * The manager's and admin's project pages over a real in-process gRPC server standing in for
 * project-service: the admin's fields (add, refusals next to the field, stale rename, retire on a
 * confirmation page), calls (create with topics, publish confirmed), a proposal's formal check and
 * approval (each typed, confirmed, then sent), a project's countersignature, milestone and change
 * decisions with before/after, and the portfolio with its timeline data, table, due lists and
 * exports; zh-CN first and English; the denials of other roles.
 */
@WebMvcTest(controllers = { FieldAdminController.class, CallManagerController.class, ProposalManagerController.class,
		ProjectManagerController.class, PortfolioController.class, ProjectExecutionManagerController.class })
@Import({ ProjectManagerPagesTest.Config.class, PortalSecurityConfiguration.class, ProjectManagerClient.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class ProjectManagerPagesTest {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PortalProperties.class)
	static class Config {

		private final String name = "project-" + UUID.randomUUID();

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

	static JwtRequestPostProcessor user(String username, String... roles) {
		return jwt().jwt(jwt -> jwt.tokenValue(username + "-token")
			.subject("sub-" + username)
			.claim("preferred_username", username)
			.claim("name", username)
			.claim("realm_access", Map.of("roles", List.of(roles))))
			.authorities(new KeycloakRealmRoleConverter());
	}

	static JwtRequestPostProcessor admin() {
		return user("admin", "admin");
	}

	static JwtRequestPostProcessor manager() {
		return user("manager", "program-manager");
	}

	@Test
	void theAdminAddsAFieldAndARefusedOneComesBackWithTheMessageNextToTheField() throws Exception {
		this.mvc.perform(get("/project/manage/fields").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("重点领域")))
			.andExpect(content().string(containsString("轨道交通装备")))
			.andExpect(content().string(containsString("aria-current=\"page\"")))
			.andExpect(content().string(containsString("href=\"/project/manage/fields/rail-transit-equipment/rename\"")));
		this.mvc.perform(post("/project/manage/fields").with(admin()).with(csrf())
			.param("code", "hydrogen-energy").param("kind", "CITY").param("nameZh", "氢能").param("nameEn", "Hydrogen"))
			.andExpect(redirectedUrl("/project/manage/fields?notice=added"));
		assertThat(this.project.fields).containsKey("hydrogen-energy");
		this.mvc.perform(post("/project/manage/fields").with(admin()).with(csrf())
			.param("code", "ocean").param("kind", "CITY").param("nameZh", " ").param("nameEn", "Ocean"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/project/manage/fields"));
		// the refusals after the redirect, as typed, in both languages: ProjectManagerFormsTest
		this.mvc.perform(post("/project/manage/fields").with(admin()).with(csrf())
			.param("code", "hydrogen-energy").param("kind", "CITY").param("nameZh", "氢").param("nameEn", "H"))
			.andExpect(status().isSeeOther());
		assertThat(this.project.fields.get("hydrogen-energy").getNameZh()).isEqualTo("氢能");
	}

	@Test
	void theAdminRenamesWithTheVersionReadAndRetiresOnlyAfterConfirming() throws Exception {
		this.mvc.perform(get("/project/manage/fields/semiconductor-lighting/rename").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"半导体照明\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
		this.mvc.perform(post("/project/manage/fields/semiconductor-lighting/rename").with(admin()).with(csrf())
			.param("nameZh", "半导体照明及显示").param("nameEn", "Semiconductor lighting and displays").param("version", "0"))
			.andExpect(redirectedUrl("/project/manage/fields?notice=renamed"));
		this.mvc.perform(post("/project/manage/fields/semiconductor-lighting/rename").with(admin()).with(csrf())
			.param("nameZh", "旧名").param("nameEn", "Old").param("version", "0"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/project/manage/fields/semiconductor-lighting/rename"));
		this.mvc.perform(get("/project/manage/fields/semiconductor-lighting/rename").with(admin()))
			.andExpect(content().string(containsString("value=\"半导体照明及显示\"")));
		this.mvc.perform(get("/project/manage/fields/rail-transit-equipment/retire").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("停用后该领域不能再发布申报指南")));
		assertThat(this.project.received).noneMatch(r -> r.startsWith("retire"));
		this.mvc.perform(post("/project/manage/fields/rail-transit-equipment/retire").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/project/manage/fields?notice=retired"));
		this.mvc.perform(get("/project/manage/fields?notice=retired").with(admin()))
			.andExpect(content().string(containsString("已于 2026-05-29 停用")))
			.andExpect(content().string(not(containsString("href=\"/project/manage/fields/rail-transit-equipment/retire\""))));
	}

	@Test
	void onlyTheAdminManagesFieldsAndOnlyManagersDecide() throws Exception {
		this.mvc.perform(get("/project/manage/fields").with(manager())).andExpect(status().isForbidden());
		this.mvc.perform(get("/project/manage/portfolio").with(user("applicant1", "applicant")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/project/manage/portfolio").with(admin())).andExpect(status().isForbidden());
		this.mvc.perform(get("/project/manage/portfolio").with(user("auditor", "auditor"))).andExpect(status().isOk());
		this.mvc.perform(get("/project/manage/projects/proj-1").with(user("auditor", "auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/milestones/m-reported/accept"))));
		this.mvc.perform(post("/project/manage/projects/proj-1/milestones/m-reported/accept").with(user("auditor", "auditor"))
			.with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(post("/project/manage/calls/new").with(user("auditor", "auditor")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.project.received).allMatch(r -> r.startsWith("portfolio"));
	}

	@Test
	void aManagerCreatesACallWithTopicsAndPublishesItOnAConfirmationPage() throws Exception {
		this.mvc.perform(get("/project/manage/calls/new").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("产学研：需有高校或科研院所合作")))
			.andExpect(content().string(containsString("<option value=\"semiconductor-lighting\">半导体照明</option>")));
		this.mvc.perform(post("/project/manage/calls/new").with(manager()).with(csrf())
			.param("fieldCode", "semiconductor-lighting").param("year", "2027").param("title", "2027年 LED 专项")
			.param("topicCodes", "T1", "T2", "").param("topicTitles", "背光模组", "驱动芯片", "")
			.param("topicResearch", "1").param("ceiling", "abc").param("maxFiscalShare", "30")
			.param("guideline", "指南").param("opensAt", "2027-01-01T09:00").param("closesAt", ""))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/project/manage/calls/new"));
		assertThat(this.project.received).isEmpty();
		this.mvc.perform(post("/project/manage/calls/new").with(manager()).with(csrf())
			.param("fieldCode", "semiconductor-lighting").param("year", "2027").param("title", "2027年 LED 专项")
			.param("topicCodes", "T1", "T2", "").param("topicTitles", "背光模组", "驱动芯片", "")
			.param("topicResearch", "1").param("ceiling", "5,000,000.00").param("maxFiscalShare", "30")
			.param("documents", "营业执照\n\n审计报告").param("guideline", "指南")
			.param("opensAt", "2027-01-01T09:00").param("closesAt", "2027-03-01T17:00"))
			.andExpect(redirectedUrl("/project/manage/calls?notice=created"));
		assertThat(this.project.received).containsExactly("create call 2027年 LED 专项 topics=2 ceiling=500000000");

		this.mvc.perform(get("/project/manage/calls").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/project/manage/calls/call-draft/publish\"")))
			.andExpect(content().string(containsString("href=\"/project/manage/calls/call-1/close\"")));
		this.mvc.perform(get("/project/manage/calls/call-draft/publish").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("发布后所有申报单位均可看到该指南")))
			.andExpect(content().string(containsString("name=\"version\" value=\"3\"")));
		this.mvc.perform(post("/project/manage/calls/call-draft/publish").with(manager()).with(csrf()).param("version", "3"))
			.andExpect(redirectedUrl("/project/manage/calls?notice=published"));
		this.mvc.perform(post("/project/manage/calls/call-1/publish").with(manager()).with(csrf()).param("version", "3"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/project/manage/calls/call-1/publish"));
	}

	@Test
	void theFormalCheckIsTypedThenConfirmedThenSent() throws Exception {
		this.mvc.perform(get("/project/manage/calls/call-1").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/project/manage/proposals/p-submitted\"")))
			.andExpect(content().string(containsString("排名 1，得分 86.50")));
		this.mvc.perform(get("/project/manage/proposals/p-submitted").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("五邑大学")))
			.andExpect(content().string(containsString("申请发明专利：发明专利，目标 3 件")))
			.andExpect(content().string(containsString("设备费")))
			.andExpect(content().string(containsString("形式审查")));
		this.mvc.perform(post("/project/manage/proposals/p-submitted/formal-check").with(manager()).with(csrf())
			.param("decision", "return").param("reasons", " "))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/project/manage/proposals/p-submitted"));
		String due = FakeProjectService.TODAY.plusDays(10).toString();
		this.mvc.perform(post("/project/manage/proposals/p-submitted/formal-check").with(manager()).with(csrf())
			.param("decision", "return").param("reasons", "缺少审计报告\n合作协议未盖章").param("correctionDue", due))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认退回修改？")))
			.andExpect(content().string(containsString("<li>合作协议未盖章</li>")));
		assertThat(this.project.received).isEmpty();
		this.mvc.perform(post("/project/manage/proposals/p-submitted/formal-check/confirm").with(manager()).with(csrf())
			.param("decision", "return").param("reasons", "缺少审计报告\n合作协议未盖章").param("correctionDue", due))
			.andExpect(redirectedUrl("/project/manage/proposals/p-submitted?notice=checked"));
		assertThat(this.project.received).containsExactly(
				"formal check p-submitted FORMAL_CHECK_DECISION_RETURN [缺少审计报告, 合作协议未盖章] due");
	}

	@Test
	void theApprovalIsConfirmedAndTheServicesRefusalIsShownNextToTheAmount() throws Exception {
		this.mvc.perform(get("/project/manage/proposals/p-reviewed").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("排名 1，综合得分 86.50：达到评审门槛")))
			.andExpect(content().string(containsString("name=\"tranche-1\"")));
		this.mvc.perform(post("/project/manage/proposals/p-reviewed/approval").with(manager()).with(csrf())
			.param("approved", "3000000").param("tranche-0", "1200000").param("tranche-1", "1800000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认立项？")))
			.andExpect(content().string(containsString("name=\"tranche-1\" value=\"1800000\"")));
		this.mvc.perform(post("/project/manage/proposals/p-reviewed/approval/confirm").with(manager()).with(csrf())
			.param("approved", "4000000").param("tranche-0", "2000000").param("tranche-1", "2000000"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/project/manage/proposals/p-reviewed"));
		this.mvc.perform(post("/project/manage/proposals/p-reviewed/approval/confirm").with(manager()).with(csrf())
			.param("approved", "3000000").param("tranche-0", "1200000").param("tranche-1", "1800000").param("note", "同意立项"))
			.andExpect(redirectedUrl("/project/manage/projects/proj-2?notice=approved"));
		assertThat(this.project.received).last().isEqualTo("approve p-reviewed 300000000 [0:120000000, 1:180000000]");
	}

	@Test
	void theTaskBookIsCountersignedAndMilestonesAndChangesDecidedOnConfirmationPages() throws Exception {
		this.mvc.perform(get("/project/manage/projects/proj-2").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("牵头单位已确认，待会签")))
			.andExpect(content().string(containsString("href=\"/project/manage/projects/proj-2/countersign\"")));
		this.mvc.perform(get("/project/manage/projects/proj-2/countersign").with(manager()))
			.andExpect(content().string(containsString("项目将进入执行阶段")));
		this.mvc.perform(post("/project/manage/projects/proj-2/countersign").with(manager()).with(csrf()))
			.andExpect(redirectedUrl("/project/manage/projects/proj-2?notice=countersigned"));
		MvcResult failed = this.mvc.perform(post("/project/manage/projects/proj-2/countersign").with(manager()).with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/project/manage/projects/proj-2/countersign"))
			.andReturn();
		// POST-redirect-GET: the refusal in words on the confirmation page
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("任务书当前不处于待会签状态")));

		this.mvc.perform(get("/project/manage/projects/proj-1").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("两台样机已完成试制并通过检测。")))
			.andExpect(content().string(containsString("发明专利申请：完成 3 件")))
			.andExpect(content().string(containsString("驱动芯片供货延迟")))
			.andExpect(content().string(containsString("href=\"/project/manage/projects/proj-1/milestones/m-reported/accept\"")));
		failed = this.mvc.perform(post("/project/manage/projects/proj-1/milestones/m-reported/return").with(manager())
			.with(csrf())
			.param("reasons", ""))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/project/manage/projects/proj-1/milestones/m-reported/return"))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写理由")));
		this.mvc.perform(get("/project/manage/projects/proj-1/milestones/m-reported/accept").with(manager()))
			.andExpect(content().string(containsString("验收通过后资金系统即可拨付该期资金")));
		this.mvc.perform(post("/project/manage/projects/proj-1/milestones/m-reported/accept").with(manager()).with(csrf()))
			.andExpect(redirectedUrl("/project/manage/projects/proj-1?notice=accepted"));
		failed = this.mvc.perform(post("/project/manage/projects/proj-1/milestones/m-reported/accept").with(manager())
			.with(csrf()))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(content().string(containsString("该里程碑已不在待验收状态")));

		failed = this.mvc.perform(post("/project/manage/projects/proj-1/changes/cr-1/reject").with(manager()).with(csrf())
			.param("note", ""))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/project/manage/projects/proj-1/changes/cr-1/reject"))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写理由")))
			.andExpect(content().string(containsString("href=\"#note\"")))
			.andExpect(content().string(containsString("新到期日: " + FakeProjectService.TODAY.plusMonths(3))));
		// a reload is a plain GET: the message is gone, nothing was posted again
		this.mvc.perform(get("/project/manage/projects/proj-1/changes/cr-1/reject").with(manager()))
			.andExpect(content().string(not(containsString("href=\"#note\""))));
		this.mvc.perform(post("/project/manage/projects/proj-1/changes/cr-1/approve").with(manager()).with(csrf())
			.param("note", "同意"))
			.andExpect(redirectedUrl("/project/manage/projects/proj-1?notice=change-approved"));
		this.mvc.perform(get("/project/manage/projects/proj-1?notice=change-approved").with(manager()))
			.andExpect(content().string(containsString("变更已批准并生效")))
			.andExpect(content().string(containsString("变更前：到期日 " + FakeProjectService.TODAY.minusDays(5))))
			.andExpect(content().string(containsString("变更后：到期日 " + FakeProjectService.TODAY.plusMonths(3))));
	}

	@Test
	void thePortfolioShowsTheTimelineDataTheTableTheDueListsAndExportsWhatItShows() throws Exception {
		this.mvc.perform(get("/project/manage/portfolio").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("项目库")))
			.andExpect(content().string(containsString("data-timeline=")))
			.andExpect(content().string(containsString("/js/project-timeline.js")))
			.andExpect(content().string(containsString("/dist/echarts.min.js")))
			.andExpect(content().string(containsString("&quot;state&quot;:&quot;OVERDUE&quot;")))
			.andExpect(content().string(containsString("id=\"overdue-table\"")))
			.andExpect(content().string(containsString("id=\"dueSoon-table\"")))
			.andExpect(content().string(containsString("2 个中已验收 0 个")))
			.andExpect(content().string(containsString("1,500,000.00")));
		this.mvc.perform(get("/project/manage/portfolio?field=rail-transit-equipment&year=2026&stage=TASK_BOOK&lang=en")
			.with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Project portfolio")))
			.andExpect(content().string(containsString("轨道车辆制动系统")))
			.andExpect(content().string(containsString(
					"href=\"/project/manage/portfolio.csv?field=rail-transit-equipment&amp;year=2026&amp;stage=TASK_BOOK\"")));
		assertThat(this.project.received).last()
			.isEqualTo("portfolio field=rail-transit-equipment year=2026 stage=PROJECT_STAGE_TASK_BOOK");
		String csv = this.mvc.perform(get("/project/manage/portfolio.csv").with(manager()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("portfolio.csv")))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF\"项目\"").contains("\"中试线建设\"").contains("\"900000.00\"")
			.contains("\"半导体照明\"");
		this.mvc.perform(get("/project/manage/portfolio.xlsx?stage=EXECUTION").with(manager()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")));
	}


	// issuing the task book, check rounds, evidence (ProjectExecutionManagerController)

	/** A project approved with its milestones and tranches, no task book yet. */
	private void approvedWithoutTaskBook(String id, long approvedFen, long... tranches) {
		cn.jiangmen.innovation.contracts.project.v1.ProjectSummary.Builder project = cn.jiangmen.innovation.contracts.project.v1.ProjectSummary
			.newBuilder()
			.setProjectId(id)
			.setTitle("船舶压载水处理系统")
			.setFieldCode("rail-transit-equipment")
			.setStage(cn.jiangmen.innovation.contracts.project.v1.ProjectStage.PROJECT_STAGE_TASK_BOOK)
			.setApprovedFiscal(FakeProjectService.fen(approvedFen));
		for (int i = 0; i < tranches.length; i++) {
			project.addMilestones(cn.jiangmen.innovation.contracts.project.v1.PlannedMilestone.newBuilder()
				.setProjectId(id)
				.setMilestoneId(id + "-m" + i)
				.setSequence(i + 1)
				.setTitle(i == 0 ? "样机研制" : "示范应用")
				.setDueDate("2027-0" + (i + 3) + "-31")
				.setDeliverables("交付物 " + (i + 1))
				.setTranche(FakeProjectService.fen(tranches[i]))
				.setState(cn.jiangmen.innovation.contracts.project.v1.MilestoneState.MILESTONE_STATE_PLANNED));
		}
		this.project.projects.put(id, project.build());
	}

	@Test
	void theManagerIssuesTheTaskBookWithKpiTargetsConfirmedFirstAndABadTargetComesBackNextToItsInput() throws Exception {
		approvedWithoutTaskBook("proj-new", 100_000_000L, 40_000_000L, 60_000_000L);
		String base = "/project/manage/projects/proj-new";
		this.mvc.perform(get(base).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + base + "/task-book/issue\"")))
			.andExpect(content().string(containsString("尚未发起任何检查")));
		this.mvc.perform(get(base + "/task-book/issue").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("立项确定的里程碑与拨款")))
			.andExpect(content().string(containsString("样机研制")))
			.andExpect(content().string(containsString("1,000,000.00")))
			.andExpect(content().string(containsString("name=\"kpi-1-2-target\"")))
			.andExpect(content().string(not(containsString("两者一致前不能下达任务书"))));
		this.mvc.perform(post(base + "/task-book/issue/confirm").with(manager()).with(csrf())
			.param("kpi-0-0-name", "发明专利申请").param("kpi-0-0-unit", "件").param("kpi-0-0-target", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认下达此任务书？")))
			.andExpect(content().string(containsString("样机研制：发明专利申请 3 件")))
			.andExpect(content().string(containsString("name=\"kpi-0-0-target\" value=\"3\"")));
		assertThat(this.project.received).isEmpty();

		MvcResult failed = this.mvc.perform(post(base + "/task-book/issue").with(manager()).with(csrf())
			.param("kpi-0-0-name", "发明专利申请").param("kpi-0-0-unit", "件").param("kpi-0-0-target", "3")
			.param("kpi-1-1-name", "样机").param("kpi-1-1-unit", "台").param("kpi-1-1-target", "两台"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(base + "/task-book/issue"))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#kpi-1-1-target\"")))
			.andExpect(content().string(containsString("目标值请填写数字，例如 3 或 12.5。")))
			.andExpect(content().string(containsString("value=\"两台\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		assertThat(this.project.taskBooks).doesNotContainKey("proj-new");

		this.mvc.perform(post(base + "/task-book/issue").with(manager()).with(csrf())
			.param("kpi-0-0-name", "发明专利申请").param("kpi-0-0-unit", "件").param("kpi-0-0-target", "3"))
			.andExpect(redirectedUrl(base + "?notice=task-book-issued"));
		assertThat(this.project.received).last().isEqualTo("issue proj-new [发明专利申请=3件]");
		this.mvc.perform(get(base + "?notice=task-book-issued").with(manager()))
			.andExpect(content().string(containsString("任务书已下达，待牵头单位确认。")))
			.andExpect(content().string(not(containsString("href=\"" + base + "/task-book/issue\""))));
		MvcResult again = this.mvc.perform(post(base + "/task-book/issue").with(manager()).with(csrf()))
			.andExpect(redirectedUrl(base + "/task-book/issue"))
			.andReturn();
		this.mvc.perform(Prg.follow(again).with(manager()))
			.andExpect(content().string(containsString("该项目已有任务书。")));
	}

	@Test
	void tranchesNotAddingUpAreSaidInWordsBeforeAndNextToTheTableAfterTheRefusal() throws Exception {
		approvedWithoutTaskBook("proj-short", 150_000_000L, 60_000_000L, 80_000_000L);
		String base = "/project/manage/projects/proj-short";
		this.mvc.perform(get(base + "/task-book/issue").with(manager()))
			.andExpect(content().string(containsString("两者一致前不能下达任务书")))
			.andExpect(content().string(containsString("100,000.00")));
		MvcResult failed = this.mvc.perform(post(base + "/task-book/issue").with(manager()).with(csrf()))
			.andExpect(redirectedUrl(base + "/task-book/issue"))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(content().string(containsString("href=\"#tranches\"")))
			.andExpect(content().string(containsString("各里程碑拨款合计与立项财政资金不一致（见合计）。")));
	}

	@Test
	void onlyTheManagerIssuesOrOpensRoundsTheAuditorReadsTheRounds() throws Exception {
		approvedWithoutTaskBook("proj-new", 100_000_000L, 100_000_000L);
		JwtRequestPostProcessor auditor = user("auditor", "auditor");
		this.mvc.perform(get("/project/manage/projects/proj-new/task-book/issue").with(auditor)).andExpect(status().isForbidden());
		this.mvc.perform(post("/project/manage/projects/proj-new/task-book/issue").with(auditor).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/project/manage/projects/proj-1/check-rounds/new").with(auditor)).andExpect(status().isForbidden());
		this.mvc.perform(post("/project/manage/projects/proj-1/check-rounds").with(auditor).with(csrf()).param("kind", "MID_TERM"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/project/manage/projects/proj-1/check-rounds").with(user("applicant1", "applicant")).with(csrf())
			.param("kind", "MID_TERM")).andExpect(status().isForbidden());
		assertThat(this.project.received).isEmpty();
		this.mvc.perform(get("/project/manage/projects/proj-1").with(auditor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("中期检查与验收")))
			.andExpect(content().string(not(containsString("发起中期检查"))));
	}

	@Test
	void theManagerOpensAMidTermCheckAfterAConfirmationAndSeesEachRoundsState() throws Exception {
		String base = "/project/manage/projects/proj-1";
		this.mvc.perform(get(base).with(manager()))
			.andExpect(content().string(containsString("href=\"" + base + "/check-rounds/new?kind=MID_TERM\"")));
		this.mvc.perform(get(base + "/check-rounds/new?kind=MID_TERM").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认发起检查？")))
			.andExpect(content().string(containsString("id=\"kind-MID_TERM\" value=\"MID_TERM\" checked")))
			.andExpect(content().string(containsString("中试线建设")));
		MvcResult noKind = this.mvc.perform(post(base + "/check-rounds").with(manager()).with(csrf()))
			.andExpect(redirectedUrl(base + "/check-rounds/new"))
			.andReturn();
		this.mvc.perform(Prg.follow(noKind).with(manager()))
			.andExpect(content().string(containsString("请选择中期检查或验收。")))
			.andExpect(content().string(containsString("href=\"#kind\"")));
		this.mvc.perform(post(base + "/check-rounds").with(manager()).with(csrf()).param("kind", "MID_TERM"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(base + "?notice=round-opened#rounds-title"));
		assertThat(this.project.received).contains("open proj-1 CHECK_ROUND_KIND_MID_TERM");
		this.mvc.perform(get(base + "?notice=round-opened").with(manager()))
			.andExpect(content().string(containsString("已发起评审，项目已交专家组评审。")))
			.andExpect(content().string(containsString("评审中")));
		MvcResult twice = this.mvc.perform(post(base + "/check-rounds").with(manager()).with(csrf()).param("kind", "FINAL_ACCEPTANCE"))
			.andExpect(redirectedUrl(base + "/check-rounds/new"))
			.andReturn();
		this.mvc.perform(Prg.follow(twice).with(manager()))
			.andExpect(content().string(containsString("该项目有尚未结束的检查。")))
			.andExpect(content().string(containsString("id=\"kind-FINAL_ACCEPTANCE\" value=\"FINAL_ACCEPTANCE\" checked")));
	}

	@Test
	void roundsShowRectificationDeadlinesAndARaisedRecoveryInBothLanguages() throws Exception {
		this.project.rounds.put("proj-1", new java.util.concurrent.CopyOnWriteArrayList<>(List.of(
				cn.jiangmen.innovation.contracts.project.v1.CheckRound.newBuilder().setCheckRoundId("r-2").setProjectId("proj-1")
					.setKind(cn.jiangmen.innovation.contracts.project.v1.CheckRoundKind.CHECK_ROUND_KIND_FINAL_ACCEPTANCE)
					.setState(cn.jiangmen.innovation.contracts.project.v1.CheckRoundState.CHECK_ROUND_STATE_FAILED)
					.setOpenedBy("manager").setPanelScore("38.00").setReasons("样机未达到指标").setDecidedBy("review-service (svc)")
					.setRecoveryRaised(true).build(),
				cn.jiangmen.innovation.contracts.project.v1.CheckRound.newBuilder().setCheckRoundId("r-1").setProjectId("proj-1")
					.setKind(cn.jiangmen.innovation.contracts.project.v1.CheckRoundKind.CHECK_ROUND_KIND_MID_TERM)
					.setState(cn.jiangmen.innovation.contracts.project.v1.CheckRoundState.CHECK_ROUND_STATE_RECTIFYING)
					.setOpenedBy("manager").setPanelScore("61.00").setReasons("补充检测报告").setRectifyBy("2027-03-01").build())));
		this.mvc.perform(get("/project/manage/projects/proj-1").with(manager()))
			.andExpect(content().string(containsString("限期整改")))
			.andExpect(content().string(containsString("整改期限 2027-03-01")))
			.andExpect(content().string(containsString("已发起资金追回")))
			.andExpect(content().string(containsString("样机未达到指标")));
		this.mvc.perform(get("/project/manage/projects/proj-1?lang=en").with(manager()))
			.andExpect(content().string(containsString("Rectify by 2027-03-01")))
			.andExpect(content().string(containsString("Recovery of funds raised")))
			.andExpect(content().string(containsString("Final acceptance (验收)")));
	}

	@Test
	void theManagerDecidingAMilestoneSeesItsEvidenceWithDownloadLinks() throws Exception {
		String link = "/project/manage/projects/proj-1/milestones/m-reported/evidence/ev-1";
		this.mvc.perform(get("/project/manage/projects/proj-1/milestones/m-reported/accept").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + link + "\"")))
			.andExpect(content().string(containsString("检测报告.pdf")));
		this.mvc.perform(get("/project/manage/projects/proj-1").with(manager()))
			.andExpect(content().string(containsString("href=\"" + link + "\"")));
		this.mvc.perform(get(link).with(manager()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", "sandbox"));
		this.mvc.perform(get(link).with(user("auditor", "auditor"))).andExpect(status().isOk());
		this.mvc.perform(get(link).with(user("applicant1", "applicant"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/project/manage/projects/proj-1/milestones/m-reported/evidence/nope").with(manager()))
			.andExpect(status().isNotFound());
	}


	/** The new pages as HTML for a look in a browser ({@code -Dportal.snapshots=<dir>}, see the README). */
	@Test
	@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "portal.snapshots", matches = ".+")
	void snapshotsOfTheTaskBookAndRoundPages() throws Exception {
		java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("portal.snapshots"));
		java.nio.file.Files.createDirectories(dir);
		approvedWithoutTaskBook("proj-short", 150_000_000L, 60_000_000L, 80_000_000L);
		MvcResult failed = this.mvc.perform(post("/project/manage/projects/proj-short/task-book/issue").with(manager()).with(csrf())
			.param("kpi-0-0-name", "发明专利申请").param("kpi-0-0-unit", "件").param("kpi-0-0-target", "三")).andReturn();
		snapshot(dir, "task-book-issue.html", this.mvc.perform(Prg.follow(failed).with(manager())).andReturn());
		snapshot(dir, "task-book-issue-confirm.html", this.mvc.perform(post("/project/manage/projects/proj-short/task-book/issue/confirm")
			.with(manager()).with(csrf()).param("kpi-0-0-name", "发明专利申请").param("kpi-0-0-unit", "件").param("kpi-0-0-target", "3"))
			.andReturn());
		this.project.rounds.put("proj-1", new java.util.concurrent.CopyOnWriteArrayList<>(List.of(
				cn.jiangmen.innovation.contracts.project.v1.CheckRound.newBuilder().setCheckRoundId("r-2").setProjectId("proj-1")
					.setKind(cn.jiangmen.innovation.contracts.project.v1.CheckRoundKind.CHECK_ROUND_KIND_MID_TERM)
					.setState(cn.jiangmen.innovation.contracts.project.v1.CheckRoundState.CHECK_ROUND_STATE_RECTIFYING)
					.setOpenedBy("manager").setPanelScore("61.00").setReasons("补充第三方检测报告").setRectifyBy("2027-03-01")
					.setDecidedBy("review-service (svc)").build(),
				cn.jiangmen.innovation.contracts.project.v1.CheckRound.newBuilder().setCheckRoundId("r-1").setProjectId("proj-1")
					.setKind(cn.jiangmen.innovation.contracts.project.v1.CheckRoundKind.CHECK_ROUND_KIND_MID_TERM)
					.setState(cn.jiangmen.innovation.contracts.project.v1.CheckRoundState.CHECK_ROUND_STATE_FAILED)
					.setOpenedBy("manager").setPanelScore("38.00").setReasons("样机未达到指标").setRecoveryRaised(true).build())));
		snapshot(dir, "manager-project.html", this.mvc.perform(get("/project/manage/projects/proj-1").with(manager())).andReturn());
		snapshot(dir, "check-round-confirm.html", this.mvc.perform(get("/project/manage/projects/proj-1/check-rounds/new?kind=MID_TERM")
			.with(manager())).andReturn());
		snapshot(dir, "milestone-accept.html", this.mvc.perform(get("/project/manage/projects/proj-1/milestones/m-reported/accept")
			.with(manager())).andReturn());
	}

	static void snapshot(java.nio.file.Path dir, String file, MvcResult result) throws Exception {
		java.nio.file.Files.writeString(dir.resolve(file), result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

}
