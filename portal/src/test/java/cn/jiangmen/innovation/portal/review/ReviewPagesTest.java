package cn.jiangmen.innovation.portal.review;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;
import cn.jiangmen.innovation.platform.organisation.InMemoryOrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;
import cn.jiangmen.innovation.platform.security.KeycloakRealmRoleConverter;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.config.PortalSecurityConfiguration;
import cn.jiangmen.innovation.portal.web.FakePriorityFields;
import cn.jiangmen.innovation.portal.web.InProcessChannels;
import cn.jiangmen.innovation.portal.web.Prg;
import io.grpc.Server;
import io.grpc.inprocess.InProcessServerBuilder;
import jakarta.servlet.http.Cookie;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The expert's review pages over a real in-process gRPC server standing in for review-service:
 * zh-CN first, the declaration before the content, autosaved drafts with the version carried, the
 * service's refusals (not found, stale, bad scores) shown as pages or messages, never a 500.
 */
@WebMvcTest(controllers = { ReviewPagesController.class, ReviewManagerController.class })
@Import({ ReviewPagesTest.Config.class, PortalSecurityConfiguration.class, ReviewPortalClient.class,
		cn.jiangmen.innovation.portal.talent.TalentPortalClient.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class ReviewPagesTest {

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PortalProperties.class)
	static class Config {

		private final String name = "review-" + UUID.randomUUID();

		@Bean
		FakeReviewService fakeReviewService() {
			return new FakeReviewService();
		}

		/** Part of the realm's organisation directory: what an expert chooses organisations from. */
		@Bean
		OrganisationDirectory organisationDirectory() {
			return new InMemoryOrganisationDirectory(List.of(
					new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001"), "江门市光电科技有限公司",
							"91440703MA4UJM0L1T", OrganisationKind.ENTERPRISE, "江门市蓬江区"),
					new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002"), "五邑大学",
							"12440700455870000R", OrganisationKind.UNIVERSITY, "江门市蓬江区")));
		}

		@Bean
		FakeTalentDocuments fakeTalentDocuments() {
			return new FakeTalentDocuments();
		}

		/** project-service's priority fields: the expert's fields of expertise. */
		@Bean
		FakePriorityFields fakePriorityFields() {
			return new FakePriorityFields();
		}

		@Bean(destroyMethod = "shutdownNow")
		Server reviewServer(FakeReviewService service, FakeTalentDocuments talent, FakePriorityFields fields)
				throws IOException {
			return InProcessServerBuilder.forName(this.name)
				.directExecutor()
				.addService(service)
				.addService(talent)
				.addService(fields)
				.build()
				.start();
		}

		@Bean
		GrpcChannelFactory grpcChannelFactory(Server reviewServer) {
			return InProcessChannels.to(this.name);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeReviewService review;

	@Autowired
	FakeTalentDocuments documents;

	@BeforeEach
	void reset() {
		this.review.reset();
		this.documents.failure = null;
	}

	static JwtRequestPostProcessor user(String username, String... roles) {
		return jwt().jwt(jwt -> jwt.tokenValue(username + "-token")
			.subject("sub-" + username)
			.claim("preferred_username", username)
			.claim("name", username)
			.claim("realm_access", Map.of("roles", List.of(roles))))
			.authorities(new KeycloakRealmRoleConverter());
	}

	static JwtRequestPostProcessor expert() {
		return user("expert1", "expert");
	}

	@Test
	void myAssignmentsInChineseWithTheReminder() throws Exception {
		this.mvc.perform(get("/review/assignments").with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("我的评审任务")))
			.andExpect(content().string(containsString("LED 背光模组团队 pending")))
			.andExpect(content().string(containsString("待声明")))
			.andExpect(content().string(containsString("还有 2 份评审意见未提交")))
			.andExpect(content().string(containsString("href=\"/review/assignments\"")));
		this.mvc.perform(get("/review/assignments").with(expert()).cookie(new Cookie("lang", "en")))
			.andExpect(status().isOk());
	}

	@Test
	void onlyExpertsHaveReviewPages() throws Exception {
		this.mvc.perform(get("/review/assignments").with(user("applicant1", "applicant"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/review/assignments/declared").with(user("manager", "program-manager")))
			.andExpect(status().isForbidden());
		assertThat(this.review.calls).isEmpty();
	}

	@Test
	void beforeDeclaringTheExpertSeesTheTitleAndTheDeclarationOnly() throws Exception {
		this.mvc.perform(get("/review/assignments/pending").with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("利益冲突声明")))
			.andExpect(content().string(containsString("江门市光电科技有限公司")))
			.andExpect(content().string(not(containsString("半导体照明"))))
			.andExpect(content().string(not(containsString("7d1c2a8e-0000-4000-8000-000000000001"))))
			.andExpect(content().string(not(containsString("id=\"sheet\""))));
		this.mvc.perform(post("/review/assignments/pending/declaration").with(expert()).with(csrf()).param("conflict", "false"))
			.andExpect(redirectedUrl("/review/assignments/pending"));
		// a conflict takes the item away for good: the first POST only leads to its confirmation
		MvcResult asked = this.mvc.perform(post("/review/assignments/declared/declaration").with(expert()).with(csrf())
			.param("conflict", "true")
			.param("note", "三年内曾在该单位任职"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/review/assignments/declared/conflict"))
			.andReturn();
		assertThat(this.review.calls).containsExactly("declare pending false");
		this.mvc.perform(Prg.follow(asked).with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认声明存在利益冲突？")))
			.andExpect(content().string(containsString("声明后不能撤销")))
			.andExpect(content().string(containsString(">三年内曾在该单位任职</textarea>")))
			.andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")))
			.andExpect(content().string(containsString("aria-describedby=\"conflict-consequence\"")));
		this.mvc.perform(get("/review/assignments/declared/conflict?lang=en").with(expert()))
			.andExpect(content().string(containsString("Declare a conflict of interest?")));
		this.mvc.perform(post("/review/assignments/declared/declaration").with(expert()).with(csrf())
			.param("conflict", "true")
			.param("confirmed", "true"))
			.andExpect(redirectedUrl("/review/assignments?notice=conflict"));
		this.mvc.perform(get("/review/assignments?notice=conflict").with(expert()))
			.andExpect(content().string(containsString("已记录您的利益冲突声明")));
		assertThat(this.review.calls).containsExactly("declare pending false", "declare declared true", "list");
		this.mvc.perform(get("/review/assignments/pending").with(expert()))
			.andExpect(content().string(containsString("半导体照明")))
			.andExpect(content().string(containsString("江门市光电科技有限公司")))
			.andExpect(content().string(containsString("id=\"sheet\"")));
	}

	@Test
	void afterDeclaringTheExpertFindsTheApplicationsDocumentsFromTalentService() throws Exception {
		this.mvc.perform(get("/review/assignments/pending").with(expert()))
			.andExpect(content().string(not(containsString("申报材料"))));
		this.mvc.perform(get("/review/assignments/declared").with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("申报材料")))
			.andExpect(content().string(containsString("href=\"/talent/applications/app-1/attachments/att-1\"")))
			.andExpect(content().string(containsString("申报书.pdf")))
			.andExpect(content().string(containsString("20 KB")));
		this.documents.failure = io.grpc.Status.UNAVAILABLE;
		this.mvc.perform(get("/review/assignments/declared").with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("暂时无法列出申报材料")))
			.andExpect(content().string(containsString("id=\"sheet\"")));
	}

	@Test
	void managersSeeRoundsTheMatrixTheConflictReasonsAndTheSpreadChart() throws Exception {
		JwtRequestPostProcessor manager = user("manager", "program-manager");
		this.mvc.perform(get("/review/rounds").with(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026 第一批创新团队评审")))
			.andExpect(content().string(containsString("每项 5 位专家，每位专家最多 10 项")));
		this.mvc.perform(get("/review/rounds/round-1").with(user("auditor", "auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("所在单位（现任或三年内）")))
			// the rule's detail in the reader's language (by its code), not review-service's English record
			.andExpect(content().string(containsString("现任职于江门市光电科技有限公司")))
			.andExpect(content().string(containsString("已申报与五邑大学的王五存在关联关系：我的博士生")))
			.andExpect(content().string(not(containsString("works at 江门市"))))
			.andExpect(content().string(not(containsString("declared relationship"))))
			// a manager's own words as written, even when they read like a rule's sentence
			.andExpect(content().string(containsString("works at the same lab as the leader")))
			// the matrix says why a pair has no assignment
			.andExpect(content().string(containsString("回避：现任职于江门市光电科技有限公司")))
			.andExpect(content().string(containsString("周专家")))
			.andExpect(content().string(containsString("1.5 小时")))
			.andExpect(content().string(containsString("主审专家")));
		this.mvc.perform(get("/review/rounds/round-1").param("lang", "en").with(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Works at 江门市光电科技有限公司")))
			.andExpect(content().string(containsString("Declared relationship with 王五 (五邑大学): 我的博士生")))
			.andExpect(content().string(containsString("Conflict: Works at 江门市光电科技有限公司")))
			.andExpect(content().string(containsString("works at the same lab as the leader")));
		this.mvc.perform(get("/review/rounds/round-1/results").with(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<svg")))
			.andExpect(content().string(containsString("81.25 ± 4.50")))
			.andExpect(content().string(containsString("专家意见分歧")))
			.andExpect(content().string(containsString("未达最低分：overall")))
			// bar of item 1: mean 81.25 +- 4.5 on a 520 px axis starting at 220 (titles left of it)
			.andExpect(content().string(containsString("x1=\"619.1\"")))
			.andExpect(content().string(containsString("text-anchor=\"end\"")));
		this.mvc.perform(get("/review/rounds/nope").with(manager)).andExpect(status().isNotFound());
		this.mvc.perform(get("/review/rounds").with(expert())).andExpect(status().isForbidden());
	}

	@Test
	void theRapporteurSeesThePanelsReviewsAndWritesTheConsensus() throws Exception {
		this.mvc.perform(get("/review/consensus/round-1/item-1").with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("专家组意见：LED 背光模组团队")))
			.andExpect(content().string(containsString("团队稳定")))
			.andExpect(content().string(containsString("80.00")));
		this.mvc.perform(post("/review/consensus/round-1/item-1").with(expert()).with(csrf())
			.param("version", "0").param("score.innovation", "5").param("score.team", "3").param("report", "一致"))
			.andExpect(redirectedUrl("/review/consensus/round-1/item-1?notice=consensus"));
		// a second tab still holding version 0: refused, and the page after the redirect shows the stored version
		MvcResult stale = this.mvc.perform(post("/review/consensus/round-1/item-1").with(expert()).with(csrf())
			.param("version", "0").param("score.innovation", "4").param("report", "x"))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(stale).with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("暂时无法保存")))
			.andExpect(content().string(containsString("当前最终得分：80.00")));
		this.mvc.perform(get("/review/consensus/round-1/item-2").with(expert())).andExpect(status().isNotFound());
	}

	@Test
	void managersAssignAndConfirmFromTheRoundPageAuditorsOnlyRead() throws Exception {
		JwtRequestPostProcessor manager = user("manager", "program-manager");
		this.mvc.perform(get("/review/rounds/round-1").with(manager))
			.andExpect(content().string(containsString("自动分配评审专家")));
		this.mvc.perform(get("/review/rounds/round-1").with(user("auditor", "auditor")))
			.andExpect(content().string(not(containsString("自动分配评审专家"))));
		this.mvc.perform(post("/review/rounds/round-1/auto-assign").with(user("auditor", "auditor")).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/review/rounds/round-1/auto-assign").with(manager).with(csrf()))
			.andExpect(redirectedUrl("/review/rounds/round-1?notice=assigned-short&added=7&missing=1"));
		this.mvc.perform(get("/review/rounds/round-1?notice=assigned-short&added=7&missing=1").with(manager))
			.andExpect(content().string(containsString("已新增 7 项分配，仍有 1 个项目专家人数不足")));
		this.mvc.perform(get("/review/rounds/round-1?notice=%3Cscript%3E").with(manager))
			.andExpect(content().string(not(containsString("script%3E"))));
		this.mvc.perform(post("/review/rounds/round-1/confirm").with(manager).with(csrf()))
			.andExpect(redirectedUrl("/review/rounds/round-1/results?notice=not-confirmed"));
		this.mvc.perform(get("/review/rounds/round-1/results?notice=not-confirmed").with(manager))
			.andExpect(content().string(containsString("暂不能确认排名")));
		assertThat(this.review.calls).containsExactly("auto round-1", "confirm round-1");
	}

	@Test
	void someoneElsesOrAConflictedAssignmentIsNotFound() throws Exception {
		this.mvc.perform(get("/review/assignments/someone-elses").with(expert())).andExpect(status().isNotFound());
	}

	@Test
	void autosaveCarriesTheVersionAndReportsStaleAndBadScores() throws Exception {
		this.mvc.perform(post("/review/assignments/declared/sheet").with(expert()).with(csrf()).header("HX-Request", "true")
			.param("version", "3")
			.param("score.team", "4")
			.param("score.innovation", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("草稿已保存")))
			.andExpect(content().string(containsString("name=\"version\" value=\"4\"")));
		this.mvc.perform(post("/review/assignments/declared/sheet").with(expert()).with(csrf()).header("HX-Request", "true")
			.param("version", "3")
			.param("score.team", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已在其他页面修改")))
			.andExpect(content().string(containsString("value=\"4\"")));
		this.mvc.perform(post("/review/assignments/declared/sheet").with(expert()).with(csrf()).header("HX-Request", "true")
			.param("version", "4")
			.param("score.team", "9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("团队：请在评分范围内选择分值。")))
			.andExpect(content().string(not(containsString("scores.team"))));
		this.mvc.perform(post("/review/assignments/declared/sheet").with(expert()).with(csrf())
			.param("version", "4")
			.param("score.team", "4")
			.param("score.innovation", "5")
			.param("action", "submit")).andExpect(redirectedUrl("/review/assignments/declared?notice=submitted"));
		assertThat(this.review.calls).containsExactly("save declared v3 {team=4} draft", "save declared v3 {team=5} draft",
				"save declared v4 {team=9} draft", "save declared v4 {team=4, innovation=5} submit");
	}


	@Test
	void theSheetIsATableOfCriteriaInWordsWithWeightThresholdScoreCommentAndThePreviewedTotal() throws Exception {
		this.review.assignments.put("declared", this.review.assignments.get("declared").toBuilder()
			.putScores("innovation", 4).putScores("team", 5).putComments("team", "团队稳定").build());
		this.mvc.perform(get("/review/assignments/declared").with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<th scope=\"row\">创新性</th>")))
			.andExpect(content().string(containsString("data-weight=\"60\"")))
			.andExpect(content().string(containsString("<label class=\"score-sheet__label\" for=\"score-team\">团队的评分</label>")))
			.andExpect(content().string(containsString("<label class=\"score-sheet__label\" for=\"comment-team\">团队的评语</label>")))
			.andExpect(content().string(containsString("团队稳定")))
			// 60 × (4-1)/4 + 40 × (5-1)/4 = 85, review-service's formula
			.andExpect(content().string(containsString("<output id=\"sheet-total\" for=\"sheet\">85.00</output>")))
			.andExpect(content().string(containsString("已评 2/2 项")))
			.andExpect(content().string(containsString("/js/score-sheet.js")))
			.andExpect(content().string(containsString("value=\"check\">检查并提交</button>")));
		this.mvc.perform(get("/review/assignments/declared?lang=en").with(expert()))
			.andExpect(content().string(containsString("Score for 团队")))
			.andExpect(content().string(containsString("Weighted total")));
	}

	@Test
	void checkingAnIncompleteSheetNamesTheUnscoredCriterionInWordsInAFocusedLinkedSummary() throws Exception {
		this.mvc.perform(post("/review/assignments/declared/sheet").with(expert()).with(csrf())
			.param("version", "3")
			.param("score.innovation", "4")
			.param("action", "check"))
			.andExpect(redirectedUrl("/review/assignments/declared?step=confirm"));
		this.mvc.perform(get("/review/assignments/declared?step=confirm").with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("还有指标未评分")))
			.andExpect(content().string(containsString("data-focus-on-load")))
			.andExpect(content().string(containsString("<a href=\"#score-team\">团队：请先评分再提交。</a>")))
			.andExpect(content().string(containsString("aria-describedby=\"error-score-team\" aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("<p class=\"field-error\" id=\"error-score-team\">请先评分再提交。</p>")))
			.andExpect(content().string(not(containsString("scores.team"))))
			.andExpect(content().string(not(containsString("id=\"confirm\""))));
		assertThat(this.review.calls).containsExactly("save declared v3 {innovation=4} draft");
	}

	@Test
	void aCompleteSheetIsConfirmedBeforeItIsSubmittedAndThenReadOnlyWithTheTime() throws Exception {
		this.mvc.perform(post("/review/assignments/declared/sheet").with(expert()).with(csrf())
			.param("version", "3")
			.param("score.innovation", "5")
			.param("score.team", "3")
			.param("comment.team", "团队稳定")
			.param("overall_comment", "建议支持")
			.param("action", "check"))
			.andExpect(redirectedUrl("/review/assignments/declared?step=confirm"));
		// the confirmation is a page of its own (a GET): a reload saves nothing again
		this.mvc.perform(get("/review/assignments/declared?step=confirm").with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提交前请核对评分")))
			.andExpect(content().string(containsString("一经提交即不能撤回或修改")))
			.andExpect(content().string(containsString("name=\"score.team\" value=\"3\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"4\"")))
			.andExpect(content().string(containsString("value=\"submit\">确认提交评审意见</button>")))
			.andExpect(content().string(containsString("80.00")))
			.andExpect(content().string(not(containsString("<select"))));
		assertThat(this.review.calls).containsExactly(
				"save declared v3 {innovation=5, team=3} draft");
		this.mvc.perform(post("/review/assignments/declared/sheet").with(expert()).with(csrf())
			.param("version", "4")
			.param("score.innovation", "5")
			.param("score.team", "3")
			.param("comment.team", "团队稳定")
			.param("overall_comment", "建议支持")
			.param("action", "submit")).andExpect(redirectedUrl("/review/assignments/declared?notice=submitted"));
		this.mvc.perform(get("/review/assignments/declared?notice=submitted").with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("评审意见已提交")))
			.andExpect(content().string(containsString("提交时间：")))
			.andExpect(content().string(containsString("2026年12月1日 12:30")))
			.andExpect(content().string(containsString("<p class=\"score-sheet__overall\">建议支持</p>")))
			.andExpect(content().string(containsString("团队稳定")))
			.andExpect(content().string(containsString("80.00")))
			.andExpect(content().string(not(containsString("<select"))))
			.andExpect(content().string(not(containsString("<textarea"))))
			.andExpect(content().string(not(containsString("hx-post"))));
	}

	@Test
	void aSubmitTheServiceRejectsKeepsWhatWasTypedAndNamesTheCriterionInEnglishToo() throws Exception {
		MvcResult failed = this.mvc.perform(post("/review/assignments/declared/sheet").with(expert()).with(csrf())
			.param("version", "3")
			.param("score.innovation", "4")
			.param("comment.innovation", "novel optics")
			.param("overall_comment", "建议支持")
			.param("action", "submit"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/review/assignments/declared"))
			.andReturn();
		// POST-redirect-GET: the sheet as typed, the message next to the criterion; the language switch works there
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-focus-on-load")))
			.andExpect(content().string(containsString("<a href=\"#score-team\">团队: Choose a score before you submit.</a>")))
			.andExpect(content().string(containsString("id=\"error-score-team\"")))
			.andExpect(content().string(containsString("novel optics")))
			.andExpect(content().string(containsString("建议支持")))
			.andExpect(content().string(containsString("<option value=\"4\" selected=\"selected\">4</option>")));
		// a reload shows the stored sheet; nothing was posted again
		this.mvc.perform(get("/review/assignments/declared").with(expert()))
			.andExpect(content().string(not(containsString("novel optics"))))
			.andExpect(content().string(not(containsString("error-score-team"))));
		assertThat(this.review.calls).hasSize(1);

		// changed in another tab meanwhile: back on the sheet with the stored values and why
		failed = this.mvc.perform(post("/review/assignments/declared/sheet").with(expert()).with(csrf())
			.param("version", "2")
			.param("score.team", "5")
			.param("action", "save"))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(expert()))
			.andExpect(content().string(containsString("已在其他页面修改")));
	}


	@Test
	void aRejectedFinalScoreIsNamedByItsCriterionNotItsPath() throws Exception {
		MvcResult failed = this.mvc.perform(post("/review/consensus/round-1/item-1").with(expert()).with(csrf())
			.param("version", "0")
			.param("score.innovation", "5")
			.param("score.team", "9")
			.param("report", "专家组意见"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/review/consensus/round-1/item-1"))
			.andReturn();
		// POST-redirect-GET: the report as typed, the criterion named in the summary and beside its control
		this.mvc.perform(Prg.follow(failed).with(expert()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("部分最终评分或意见内容有误")))
			.andExpect(content().string(containsString("href=\"#final-team\"")))
			.andExpect(content().string(containsString("团队：数值超出允许范围。")))
			.andExpect(content().string(containsString("id=\"error-final-team\"")))
			.andExpect(content().string(containsString("aria-describedby=\"error-final-team\"")))
			.andExpect(content().string(containsString("专家组意见</textarea>")))
			.andExpect(content().string(not(containsString("final_scores.team"))));
		// the reload is a plain GET: nothing is posted again, the flash is gone
		this.mvc.perform(get("/review/consensus/round-1/item-1").with(expert()))
			.andExpect(content().string(not(containsString("error-final-team"))));
	}

}
