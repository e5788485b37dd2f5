package cn.jiangmen.innovation.portal.talent;

import cn.jiangmen.innovation.portal.web.Prg;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationDetail;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationForm;
import cn.jiangmen.innovation.contracts.talent.v1.HostKind;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.CallCategory;
import cn.jiangmen.innovation.contracts.talent.v1.CallStatus;
import cn.jiangmen.innovation.contracts.talent.v1.Category;
import cn.jiangmen.innovation.contracts.talent.v1.EligibilityFinding;
import cn.jiangmen.innovation.contracts.talent.v1.FieldError;
import cn.jiangmen.innovation.contracts.talent.v1.TeamMemberForm;
import cn.jiangmen.innovation.contracts.talent.v1.TalentAttachment;
import cn.jiangmen.innovation.contracts.talent.v1.MemberRole;
import cn.jiangmen.innovation.contracts.talent.v1.ProfessionalTitle;
import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;
import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;
import cn.jiangmen.innovation.platform.security.KeycloakRealmRoleConverter;
import com.google.protobuf.Timestamp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = { TalentPagesController.class, TalentManagerController.class })
@Import(TalentPagesTestConfiguration.class)
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class TalentPagesTest {

	static final String APP = "11111111-0000-4000-8000-000000000001";

	static final String CALL = "22222222-0000-4000-8000-000000000001";

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeTalent talent;

	@BeforeEach
	void reset() {
		this.talent.reset();
		Instant now = Instant.now();
		this.talent.calls = List.of(call(CALL, "2026年度珠江人才计划", now.minus(1, ChronoUnit.DAYS),
				now.plus(3, ChronoUnit.DAYS).plus(5, ChronoUnit.HOURS).plusSeconds(90), true),
				call("22222222-0000-4000-8000-000000000002", "2025年度特支计划", now.minus(90, ChronoUnit.DAYS),
						now.minus(30, ChronoUnit.DAYS), false));
		this.talent.application = ApplicationDetail.newBuilder()
			.setSummary(ApplicationSummary.newBuilder()
				.setApplicationId(APP)
				.setCallId(CALL)
				.setTitle("可见光通信创新团队")
				.setStatus(ApplicationStatus.APPLICATION_STATUS_DRAFT))
			.setForm(ApplicationForm.newBuilder()
				.setTitle("可见光通信创新团队")
				.setCategory(Category.CATEGORY_TEAM_RND_INDUSTRIALISATION)
				.setHostCreditCode("91440703MA4UJ8K2XW"))
			.addFindings(EligibilityFinding.newBuilder()
				.setField("team")
				.setCode("eligibility.team-too-small")
				.setMessage("needs at least 5"))
			.addMissingAttachmentKinds("PROPOSAL")
			.build();
	}

	@Test
	void callListShowsTheServerRenderedCountdownAndLetsApplicantsStart() throws Exception {
		this.mvc.perform(get("/talent/calls").with(applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026年度珠江人才计划")))
			.andExpect(content().string(containsString("剩余 3 天 5 小时 1 分钟")))
			.andExpect(content().string(containsString("已截止")))
			.andExpect(content().string(containsString("创新创业团队（技术研发与产业化）")))
			.andExpect(content().string(containsString("action=\"/talent/calls/" + CALL + "/applications\"")))
			.andExpect(content().string(containsString("hx-trigger=\"every 60s\"")))
			.andExpect(content().string(not(containsString("<script>"))));
		this.mvc.perform(get("/talent/calls").param("lang", "en").with(applicant()))
			.andExpect(content().string(containsString("3 days 5 h 1 min left")))
			.andExpect(content().string(containsString("Closed")));
	}

	@Test
	void startingWhereTheOrganisationHasADraftOffersThatDraftInsteadOfASecondOne() throws Exception {
		this.talent.failure = FakeTalent.refused("application.draft-exists");
		this.mvc.perform(post("/talent/calls/" + CALL + "/applications").with(applicant()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/calls?existing=" + CALL + "#call-" + CALL));
		assertThat(this.talent.creates).singleElement().satisfies(c -> assertThat(c.getAnotherDraft()).isFalse());

		this.talent.applications = List.of(ApplicationSummary.newBuilder()
			.setApplicationId(APP)
			.setCallId(CALL)
			.setTitle("可见光通信创新团队")
			.setStatus(ApplicationStatus.APPLICATION_STATUS_DRAFT)
			.setUpdatedAt(Timestamp.newBuilder().setSeconds(Instant.parse("2026-03-01T02:30:00Z").getEpochSecond()))
			.build(),
				ApplicationSummary.newBuilder()
					.setApplicationId("11111111-0000-4000-8000-000000000002")
					.setCallId(CALL)
					.setTitle("已提交的那份")
					.setStatus(ApplicationStatus.APPLICATION_STATUS_SUBMITTED)
					.build());
		String page = this.mvc.perform(get("/talent/calls").param("existing", CALL).with(applicant()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("本单位在本批次已有草稿，请继续填写，不必重新开始。", "本单位在本批次有 1 份草稿：",
				"href=\"/talent/applications/" + APP + "\"", "继续填写「可见光通信创新团队」", "最后修改：2026年3月1日 10:30",
				"name=\"another\" value=\"true\"", "另起一份新申报", "role=\"alert\"")
			.doesNotContain("已提交的那份");

		this.mvc.perform(post("/talent/calls/" + CALL + "/applications").param("another", "true").with(applicant()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/applications/" + APP));
		assertThat(this.talent.creates).last().satisfies(c -> assertThat(c.getAnotherDraft()).isTrue());
	}

	@Test
	void theCallsAreShownEvenWhenTheDraftsCannotBeListed() throws Exception {
		this.talent.applicationsUnavailable = true;
		this.mvc.perform(get("/talent/calls").with(applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026年度珠江人才计划")))
			.andExpect(content().string(containsString("开始申报")));
	}

	@Test
	void theHostOrganisationIsShownFromTheDirectoryAndNobodyTypesIt() throws Exception {
		this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("以下为组织机构目录中登记的本单位信息，无需填写")))
			.andExpect(content().string(containsString("<dd id=\"host-name\">江门市光电科技有限公司</dd>")))
			.andExpect(content().string(containsString("<dd id=\"host-credit-code\">91440703MA4UJM0L1T</dd>")))
			.andExpect(content().string(containsString("<dd id=\"host-kind\">企业</dd>")))
			.andExpect(content().string(not(containsString("name=\"host.name\""))))
			.andExpect(content().string(not(containsString("name=\"host.creditCode\""))))
			.andExpect(content().string(not(containsString("name=\"host.kind\""))));

		// once submitted, the page shows the copy the application kept, even if the directory changed since
		this.talent.application = this.talent.application.toBuilder()
			.setSummary(this.talent.application.getSummary().toBuilder().setStatus(ApplicationStatus.APPLICATION_STATUS_SUBMITTED))
			.setForm(this.talent.application.getForm().toBuilder().setHostName("江门市光电科技有限公司（旧名）")
				.setHostCreditCode("91440703MA4UJM0L1T").setHostKind(HostKind.HOST_KIND_ENTERPRISE))
			.build();
		this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dd id=\"host-name\">江门市光电科技有限公司（旧名）</dd>")));
	}

	@Test
	void aDraftIsDeletedOnlyAfterConfirmation() throws Exception {
		this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andExpect(content().string(containsString("href=\"/talent/applications/" + APP + "/delete\"")));
		this.mvc.perform(get("/talent/applications/" + APP + "/delete").with(applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确定要删除草稿「可见光通信创新团队」吗？")))
			.andExpect(content().string(containsString("action=\"/talent/applications/" + APP + "/delete\"")));
		assertThat(this.talent.deletes).as("showing the question deletes nothing").isEmpty();

		this.mvc.perform(post("/talent/applications/" + APP + "/delete").with(applicant()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/applications?done=deleted"));
		assertThat(this.talent.deletes).singleElement()
			.satisfies(d -> assertThat(d.getApplicationId()).isEqualTo(APP));

		this.talent.failure = FakeTalent.refused("application.not-deletable");
		this.mvc.perform(post("/talent/applications/" + APP + "/delete").with(applicant()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已提交的申报不能删除，如需放弃请撤回。")));

		this.talent.application = this.talent.application.toBuilder()
			.setSummary(this.talent.application.getSummary().toBuilder().setStatus(ApplicationStatus.APPLICATION_STATUS_SUBMITTED))
			.build();
		this.mvc.perform(get("/talent/applications/" + APP + "/delete").with(applicant()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/applications/" + APP));
		this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andExpect(content().string(not(containsString("/delete\""))));
	}

	@Test
	void anUploadCanBeRemovedBeforeSubmissionAfterAQuestion() throws Exception {
		this.talent.application = this.talent.application.toBuilder()
			.addAttachments(TalentAttachment.newBuilder()
				.setAttachmentId("a1")
				.setKind("PROPOSAL")
				.setFilename("申报书.pdf")
				.setSizeBytes(2048)
				.setSha256("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"))
			.build();
		this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andExpect(content().string(containsString("hx-post=\"/talent/applications/" + APP + "/attachments/a1/delete\"")))
			.andExpect(content().string(containsString("hx-confirm=\"确定删除附件「申报书.pdf」吗？\"")));
		this.mvc.perform(post("/talent/applications/" + APP + "/attachments/a1/delete").with(applicant())
			.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"attachments\"")))
			.andExpect(content().string(containsString("已删除：申报书.pdf")));
		assertThat(this.talent.removedAttachments).singleElement().satisfies(r -> {
			assertThat(r.getApplicationId()).isEqualTo(APP);
			assertThat(r.getAttachmentId()).isEqualTo("a1");
		});
	}

	@Test
	void theCallPageStatesTheRulesInWordsTheDocumentsAndAContact() throws Exception {
		this.talent.calls = List.of(call(CALL, "2026年度珠江人才计划", Instant.now().minus(1, ChronoUnit.DAYS),
				Instant.parse("2099-05-31T15:59:59Z"), true).toBuilder()
			.clearCategories()
			.addCategories(CallCategory.newBuilder()
				.setCategory(Category.CATEGORY_TEAM_RND_INDUSTRIALISATION)
				.setMinTeamSize(5)
				.setMaxLeaderAge(55)
				.addRequiredLeaderTitles(ProfessionalTitle.PROFESSIONAL_TITLE_PROFESSOR)
				.addRequiredLeaderTitles(ProfessionalTitle.PROFESSIONAL_TITLE_RESEARCHER)
				.setLeaderFullTime(true)
				.setFieldMustBeInCall(true))
			.build());
		String page = this.mvc.perform(get("/talent/calls").with(applicant()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("本批次申报条件", "团队至少 5 人（含带头人）", "带头人年龄不超过 55 周岁（按截止日 2099-05-31 计算）",
				"带头人职称须为：", "教授、", "研究员", "带头人须全职在依托单位工作", "优先领域须为本批次公布的领域之一：",
				"须提交的材料：", "申报书、", "个人简历、", "全职聘用合同", "咨询：", "江门市科学技术局人才工作科");
		this.mvc.perform(get("/talent/calls").param("lang", "en").with(applicant()))
			.andExpect(content().string(containsString("A team of at least 5 people, the leader included")))
			.andExpect(content().string(containsString("The leader is at most 55 years old (on the closing day, 2099-05-31)")));
	}

	@Test
	void eligibilityMessagesNameTheRulesValueAndTheFormOffersTheRowsTheRuleNeeds() throws Exception {
		this.talent.application = this.talent.application.toBuilder()
			.setForm(this.talent.application.getForm().toBuilder()
				.addTeam(TeamMemberForm.newBuilder()
					.setName("李明")
					.setRole(MemberRole.MEMBER_ROLE_LEADER)
					.setTitle(ProfessionalTitle.PROFESSIONAL_TITLE_ENGINEER)
					.setBirthDate("1950-01-01"))
				.addTeam(TeamMemberForm.newBuilder().setName("张华").setRole(MemberRole.MEMBER_ROLE_CORE_MEMBER)))
			.clearFindings()
			.addFindings(EligibilityFinding.newBuilder().setField("team").setCode("eligibility.team-too-small"))
			.addFindings(EligibilityFinding.newBuilder().setField("team[0].title").setCode("eligibility.leader-title"))
			.build();
		this.talent.calls = List.of(call(CALL, "2026年度珠江人才计划", Instant.now().minus(1, ChronoUnit.DAYS),
				Instant.now().plus(3, ChronoUnit.DAYS), true).toBuilder()
			.clearCategories()
			.addCategories(CallCategory.newBuilder()
				.setCategory(Category.CATEGORY_TEAM_RND_INDUSTRIALISATION)
				.setMinTeamSize(7)
				.addRequiredLeaderTitles(ProfessionalTitle.PROFESSIONAL_TITLE_PROFESSOR))
			.build());
		String page = this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("至少 7 名团队成员（含带头人）；已填写 2 名。", "带头人职称须为：教授；现为：工程师。",
				"name=\"team[6].name\"")
			.as("as many rows as the rule needs: 7, not the two entered plus two")
			.doesNotContain("name=\"team[7].name\"");
		this.mvc.perform(get("/talent/applications/" + APP).param("lang", "en").with(applicant()))
			.andExpect(content().string(containsString("At least 7 team members, the leader included; 2 entered.")));
	}

	@Test
	void theFormHasASectionChecklistAndSubmittingGoesThroughCheckYourAnswers() throws Exception {
		this.talent.application = this.talent.application.toBuilder()
			.addMissingFields(FieldError.newBuilder().setField("summary").setCode("required"))
			.addMissingFields(FieldError.newBuilder().setField("team[0].degree").setCode("required"))
			.build();
		String form = this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("提交前检查清单", "href=\"#section-basics\"", "id=\"section-basics\"",
				"href=\"#attachments\"", "还差 1 项", "href=\"/talent/applications/" + APP + "/review\"", "检查并提交")
			.doesNotContain("action=\"/talent/applications/" + APP + "/submit\"");
		assertThat(form.indexOf("提交前检查清单")).as("the checklist is refreshed with each autosave")
			.isGreaterThan(form.indexOf("id=\"feedback\""));

		String review = this.mvc.perform(get("/talent/applications/" + APP + "/review").with(applicant()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(review).contains("检查您的申报", "可见光通信创新团队", "创新创业团队（技术研发与产业化）", "91440703MA4UJ8K2XW",
				"（未填写）", "第 1 人：学位", "简介", "申报书", "修改",
				"href=\"/talent/applications/" + APP + "#section-host\"", "全部完成后方可提交")
			.as("not ready: no submit button yet")
			.doesNotContain("action=\"/talent/applications/" + APP + "/submit\"");

		this.talent.application = this.talent.application.toBuilder()
			.clearMissingFields()
			.clearMissingAttachmentKinds()
			.clearFindings()
			.build();
		this.mvc.perform(get("/talent/applications/" + APP + "/review").with(applicant()))
			.andExpect(content().string(containsString("action=\"/talent/applications/" + APP + "/submit\"")))
			.andExpect(content().string(containsString("确认提交")));
		this.mvc.perform(post("/talent/applications/" + APP + "/submit").with(applicant()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/applications/" + APP + "/receipt"));
	}

	@Test
	void theReceiptShowsTheSubmissionTimeInBeijingAndAReferenceAndPrints() throws Exception {
		this.mvc.perform(get("/talent/applications/" + APP + "/receipt").with(applicant()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/applications/" + APP));
		this.talent.application = this.talent.application.toBuilder()
			.setSummary(this.talent.application.getSummary()
				.toBuilder()
				.setStatus(ApplicationStatus.APPLICATION_STATUS_SUBMITTED)
				.setSubmittedAt(Timestamp.newBuilder().setSeconds(Instant.parse("2026-04-15T16:30:05Z").getEpochSecond())))
			.addAttachments(TalentAttachment.newBuilder()
				.setAttachmentId("a1")
				.setKind("PROPOSAL")
				.setFilename("申报书.pdf")
				.setSizeBytes(2048)
				.setSha256("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"))
			.build();
		String receipt = this.mvc.perform(get("/talent/applications/" + APP + "/receipt").with(applicant()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// 16:30:05 UTC on 15 April is 00:30:05 on 16 April in Asia/Shanghai: the reference takes that day
		assertThat(receipt).contains("申报提交回执", "JM-20260416-11111111", "2026年4月16日 00:30:05", "（北京时间）",
				"可见光通信创新团队", "2026年度珠江人才计划", "申报书.pdf",
				"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "data-print", "打印回执");
		this.mvc.perform(get("/talent/applications/" + APP + "/receipt").param("lang", "en").with(applicant()))
			.andExpect(content().string(containsString("2026-04-16 00:30:05")))
			.andExpect(content().string(containsString("Submission receipt")));
		this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andExpect(content().string(containsString("href=\"/talent/applications/" + APP + "/receipt\"")));
	}

	@Test
	void applicationFormHasSectionsAutosaveUploadProgressAndTranslatedFindings() throws Exception {
		this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-trigger=\"change delay:1s\"")))
			.andExpect(content().string(containsString("hx-post=\"/talent/applications/" + APP + "\"")))
			.andExpect(content().string(containsString("依托单位")))
			.andExpect(content().string(containsString("<dd id=\"host-credit-code\">91440703MA4UJM0L1T</dd>")))
			// the category arrives as a proto enum and is still the option selected
			.andExpect(content().string(containsString("value=\"TEAM_RND_INDUSTRIALISATION\" selected=\"selected\"")))
			.andExpect(content().string(containsString("至少 5 名团队成员（含带头人）；已填写 0 名。")))
			.andExpect(content().string(containsString("hx-encoding=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("<progress")))
			.andExpect(content().string(containsString("src=\"/js/talent-upload.js\"")))
			.andExpect(content().string(containsString("name=\"team[1].name\"")))
			.andExpect(content().string(not(containsString("<script>"))));
	}

	@Test
	void autosavePostsTheFormAndAnswersTheFeedbackFragment() throws Exception {
		this.mvc.perform(post("/talent/applications/" + APP).with(applicant())
			.header("HX-Request", "true")
			.param("title", " 可见光通信创新团队 ")
			.param("host.creditCode", "91440703MA4UJ8K2XW")
			.param("team[0].name", "李明")
			.param("team[0].role", "LEADER")
			.param("team[0].fullTime", "true")
			.param("team[1].name", "")
			.param("team[1].role", "CORE_MEMBER"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"feedback\"")))
			.andExpect(content().string(containsString("已自动保存于")))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(this.talent.saves).singleElement().satisfies(save -> {
			assertThat(save.getApplicationId()).isEqualTo(APP);
			assertThat(save.getForm().getTitle()).isEqualTo("可见光通信创新团队");
			assertThat(save.getForm().getTeamList()).singleElement().satisfies(m -> {
				assertThat(m.getName()).isEqualTo("李明");
				assertThat(m.getFullTime()).isTrue();
			});
		});
	}

	@Test
	void autosaveSendsTheVersionItWasBuiltOnAndAConcurrentChangeIsExplainedNotOverwritten() throws Exception {
		this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andExpect(content().string(containsString("name=\"version\" form=\"application-form\"")));
		this.mvc.perform(post("/talent/applications/" + APP).with(applicant())
			.header("HX-Request", "true")
			.param("version", "4")
			.param("title", "可见光通信创新团队"))
			.andExpect(status().isOk());
		assertThat(this.talent.saves).singleElement().satisfies(save -> assertThat(save.getVersion()).isEqualTo(4));

		this.talent.failure = FakeTalent.refused("application.changed-concurrently");
		this.mvc.perform(post("/talent/applications/" + APP).with(applicant())
			.header("HX-Request", "true")
			.param("version", "4")
			.param("title", "另一个标题"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该申报已被他人修改，请刷新页面。")))
			.andExpect(content().string(containsString("value=\"4\"")));
	}

	@Test
	void aPartialSaveSaysWhatWasSavedAndNamesTheFieldsThatWereNot() throws Exception {
		this.talent.fieldErrors = List.of(FieldError.newBuilder()
			.setField("team[0].orcid")
			.setCode("orcid.check-digit")
			.build(),
				FieldError.newBuilder().setField("team[0].birthDate").setCode("date.format").build());
		this.mvc.perform(post("/talent/applications/" + APP).with(applicant())
			.header("HX-Request", "true")
			.param("title", "可见光通信创新团队")
			.param("summary", "新的简介")
			.param("team[0].name", "李明")
			.param("team[0].role", "LEADER")
			.param("team[0].orcid", "0000-0002-1825-0098")
			.param("team[0].birthDate", "1980-13-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已自动保存于")))
			.andExpect(content().string(containsString("其余内容已保存；以下内容未能保存，请更正：")))
			.andExpect(content().string(containsString("data-field=\"team[0].orcid\"")))
			.andExpect(content().string(containsString("data-field=\"team[0].birthDate\"")))
			.andExpect(content().string(containsString("第 1 人：出生日期")))
			.andExpect(content().string(containsString("该 ORCID 的校验位不正确。")));

		// without script: POST-redirect-GET; the page after the redirect shows what was typed in the
		// fields to be corrected, the summary linked to them and each message next to its field
		MvcResult failed = this.mvc.perform(post("/talent/applications/" + APP).with(applicant())
			.param("title", "可见光通信创新团队")
			.param("team[0].orcid", "0000-0002-1825-0098")
			.param("team[0].name", "李明")
			.param("team[0].birthDate", "1980-13-01")
			.param("team[0].identityDocument", "440703198001010011"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/applications/" + APP))
			.andReturn();
		assertThat(failed.getResponse().getCookie(Prg.COOKIE).getValue())
			.as("an identity document number never rides in the flash cookie")
			.doesNotContain("440703198001010011");
		// the partial save stored the valid parts: the member's name, not the refused ORCID and birth date
		this.talent.application = this.talent.application.toBuilder()
			.setForm(this.talent.application.getForm().toBuilder().addTeam(TeamMemberForm.newBuilder().setName("李明")))
			.build();
		MvcResult page = this.mvc.perform(Prg.follow(failed).with(applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"0000-0002-1825-0098\"")))
			.andExpect(content().string(containsString("id=\"error-summary\" class=\"error-summary problems\" role=\"alert\" tabindex=\"-1\" data-error-summary")))
			.andExpect(content().string(containsString("href=\"#team-0-orcid\"")))
			.andExpect(content().string(containsString("href=\"#team-0-birthDate\"")))
			.andExpect(content().string(containsString("第 1 人：出生日期")))
			.andExpect(content().string(containsString("id=\"error-team-0-birthDate\"")))
			.andReturn();
		String html = page.getResponse().getContentAsString();
		assertThat(html).containsPattern("id=\"team-0-birthDate\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"error-team-0-birthDate\"");
		assertThat(page.getResponse().getHeader("Set-Cookie")).as("the flash is used once").contains("Max-Age=0");
		// a reload (no cookie any more) shows the stored form and posts nothing again
		int saves = this.talent.saves.size();
		this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-error-summary"))));
		assertThat(this.talent.saves).hasSize(saves);
	}

	@Test
	void aPersonWithOnlyAnOrcidIsSentAndTheRefusedFieldIsNamedByThePagesOwnRow() throws Exception {
		// rows 0 and 1 left empty (their role is preset), row 2 has only an ORCID typed: it goes to
		// talent-service as the first person, and what talent-service names comes back on row 2
		this.talent.fieldErrors = List.of(
				FieldError.newBuilder().setField("team[0].name").setCode("required").build(),
				FieldError.newBuilder().setField("team[0].orcid").setCode("orcid.check-digit").build());
		this.mvc.perform(post("/talent/applications/" + APP).with(applicant())
			.header("HX-Request", "true")
			.param("title", "可见光通信创新团队")
			.param("team[0].role", "LEADER").param("team[0].name", "").param("team[0].orcid", "")
			.param("team[1].role", "CORE_MEMBER").param("team[1].name", "").param("team[1].orcid", "")
			.param("team[2].role", "CORE_MEMBER").param("team[2].name", "").param("team[2].orcid", "0000-0002-1825-0098"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"team[2].orcid\"")))
			.andExpect(content().string(containsString("data-field=\"team[2].name\"")))
			.andExpect(content().string(containsString("href=\"#team-2-orcid\"")))
			.andExpect(content().string(containsString("第 3 人：ORCID")))
			.andExpect(content().string(containsString("该 ORCID 的校验位不正确。")))
			.andExpect(content().string(not(containsString("data-field=\"team[0].orcid\""))));
		assertThat(this.talent.saves).hasSize(1);
		assertThat(this.talent.saves.get(0).getForm().getTeamList()).as("the empty rows are not sent")
			.singleElement()
			.satisfies(m -> assertThat(m.getOrcid()).isEqualTo("0000-0002-1825-0098"));
	}

	@Test
	void aFailedSubmitRedirectsToTheFormWithTheSummaryAndTheLanguageSwitchWorksThere() throws Exception {
		this.talent.failure = FakeTalent.invalid("title", "required");
		MvcResult failed = this.mvc.perform(post("/talent/applications/" + APP + "/submit").with(applicant()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/applications/" + APP))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("href=\"#title\"")))
			.andExpect(content().string(containsString("aria-describedby=\"error-title\"")));
	}

	@Test
	void theFormsControlsHaveLabelsAboveThemAndRequiredFieldsSaySo() throws Exception {
		String html = this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("<label class=\"label\" for=\"title\">", "（必填）", "class=\"team-cards\"",
				"<label class=\"label\" for=\"team-1-employer\">", "novalidate");
		assertThat(html).as("the team is no longer a table wider than the page").doesNotContain("table class=\"data team\"");
		assertThat(html).containsPattern("<input class=\"input\" id=\"title\" name=\"title\" type=\"text\"[^>]*required");
	}

	@Test
	void aMalformedIdInThePathIsTheTranslatedNotFoundPageNotTheErrorPage() throws Exception {
		// what talent-service answers for text that is not an id (platform's Ids.parse)
		this.talent.failure = FakeTalent.invalid("application_id", "id.malformed");
		this.mvc.perform(get("/talent/applications/not-a-uuid").with(applicant()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("lang=\"zh-CN\"")))
			.andExpect(content().string(containsString("class=\"page error-page\"")));
		this.talent.failure = FakeTalent.invalid("application_id", "id.malformed");
		this.mvc.perform(get("/talent/applications/not-a-uuid/receipt").param("lang", "en").with(applicant()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("lang=\"en\"")));
	}

	@Test
	void theFormCarriesWhatTheBrowserNeedsToKeepTypedTextAndExplainAFailedSave() throws Exception {
		this.mvc.perform(get("/talent/applications/" + APP).with(applicant()))
			.andExpect(content().string(containsString("src=\"/js/talent-form.js\"")))
			.andExpect(content().string(containsString("data-application-id=\"" + APP + "\"")))
			.andExpect(content().string(containsString("data-msg-expired=\"登录已过期，最近的修改尚未保存。")))
			.andExpect(content().string(containsString("id=\"autosave-alert\" class=\"banner banner--error\" role=\"alert\" hidden")))
			.andExpect(content().string(containsString("重新登录并回到本草稿")))
			.andExpect(content().string(containsString("href=\"/talent/applications/" + APP + "\"")))
			.andExpect(content().string(containsString("id=\"autosave-restore\"")));
	}

	@Test
	void withoutScriptSavingRedirectsWithANoticeAndKeepsNoSession() throws Exception {
		MvcResult saved = this.mvc.perform(post("/talent/applications/" + APP).with(applicant()).param("title", "x"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/applications/" + APP + "?done=saved"))
			.andReturn();
		assertThat(saved.getRequest().getSession(false)).isNull();
		this.mvc.perform(get("/talent/applications/" + APP).param("done", "saved").with(applicant()))
			.andExpect(content().string(containsString("已保存。")));
		this.mvc.perform(get("/talent/applications/" + APP).param("done", "<script>").with(applicant()))
			.andExpect(content().string(not(containsString("已保存。"))));
	}

	@Test
	void aRejectedFieldIsExplainedInTheUsersLanguage() throws Exception {
		this.talent.failure = FakeTalent.invalid("host.creditCode", "credit-code.check-digit");
		this.mvc.perform(post("/talent/applications/" + APP).with(applicant())
			.header("HX-Request", "true")
			.param("title", "x")
			.param("host.creditCode", "91440703MA4UJ8K2X1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("统一社会信用代码")))
			.andExpect(content().string(containsString("校验码不符")));
		this.talent.failure = FakeTalent.invalid("team[2].orcid", "orcid.check-digit");
		this.mvc.perform(post("/talent/applications/" + APP).param("lang", "en")
			.with(applicant())
			.header("HX-Request", "true")
			.param("title", "x"))
			.andExpect(content().string(containsString("Person 3: ORCID")))
			.andExpect(content().string(containsString("This ORCID has a wrong check digit.")));
	}

	@Test
	void submittingAfterTheDeadlineSaysSoAndKeepsThePage() throws Exception {
		this.talent.failure = FakeTalent.refused("call.deadline-passed");
		this.mvc.perform(post("/talent/applications/" + APP + "/submit").with(applicant()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("本批次已截止，不再接受提交或撤回。")));
	}

	@Test
	void uploadGoesToTalentServiceAndDisguisedFilesAreExplained() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "申报书.pdf", "application/pdf",
				"%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
		this.mvc.perform(multipart("/talent/applications/" + APP + "/attachments").file(file)
			.param("kind", "PROPOSAL")
			.with(applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"attachments\"")))
			.andExpect(content().string(containsString("已上传：申报书.pdf")));
		assertThat(this.talent.uploads).singleElement().satisfies(u -> {
			assertThat(u.getKind()).isEqualTo("PROPOSAL");
			assertThat(u.getContent().toStringUtf8()).isEqualTo("%PDF-1.7");
		});
		this.talent.failure = FakeTalent.invalid("file", "attachment.disguised");
		this.mvc.perform(multipart("/talent/applications/" + APP + "/attachments").file(file)
			.param("kind", "PROPOSAL")
			.with(applicant()))
			.andExpect(content().string(containsString("文件内容与文件名不符")));
	}

	@Test
	void downloadsAreAttachmentsWithTheUtf8NameAndNosniff() throws Exception {
		this.mvc.perform(get("/talent/applications/" + APP + "/attachments/a1").with(applicant()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"___.pdf\"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E4%B9%A6.pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void anotherOrganisationsApplicationIsTheNotFoundPage() throws Exception {
		this.mvc.perform(get("/talent/applications/11111111-0000-4000-8000-000000000099").with(applicant()))
			.andExpect(status().isNotFound());
	}

	@Test
	void managersRankingExportsCsvAndApplicantsMayNotSeeIt() throws Exception {
		this.talent.callApplications = List.of(ApplicationSummary.newBuilder()
			.setApplicationId(APP)
			.setTitle("=cmd|' /C calc'!A0")
			.setHostName("江门市光电科技有限公司")
			.setCategory(Category.CATEGORY_LEADING_TALENT)
			.setRank(1)
			.setFinalScoreHundredths(8125)
			.setPassedThresholds(true)
			.setStatus(ApplicationStatus.APPLICATION_STATUS_RANKED)
			.build());
		this.mvc.perform(get("/talent/manage/calls/" + CALL + "/ranking").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("81.25")))
			.andExpect(content().string(containsString("推荐至省")));
		MvcResult csv = this.mvc.perform(get("/talent/manage/calls/" + CALL + "/ranking.csv").with(manager()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andReturn();
		String body = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFF\"排名\",\"名称\"")
			.contains("\"1\",\"'=cmd|' /C calc'!A0\",\"领军人才\",\"江门市光电科技有限公司\"", "\"81.25\"", "\"已排序\"");
		this.mvc.perform(get("/talent/manage/calls/" + CALL + "/ranking").with(applicant()))
			.andExpect(status().isForbidden());
	}

	static TalentCall call(String id, String title, Instant opens, Instant closes, boolean accepting) {
		return TalentCall.newBuilder()
			.setCallId(id)
			.setTitle(title)
			.setStatus(CallStatus.CALL_STATUS_OPEN)
			.setOpensAt(Timestamp.newBuilder().setSeconds(opens.getEpochSecond()))
			.setClosesAt(Timestamp.newBuilder().setSeconds(closes.getEpochSecond()))
			.setAcceptingSubmissions(accepting)
			.addPriorityFields("visible-light-communication")
			.addCategories(CallCategory.newBuilder().setCategory(Category.CATEGORY_TEAM_RND_INDUSTRIALISATION).setMinTeamSize(5))
			.build();
	}

	static JwtRequestPostProcessor applicant() {
		return jwt().jwt(jwt -> jwt.tokenValue("applicant1-token")
			.subject("sub-applicant1")
			.claim("preferred_username", "applicant1")
			.claim("organization", Map.of("jm-optoelectronics", Map.of("id", "7d1c2a8e-0000-4000-8000-000000000001")))
			.claim("realm_access", Map.of("roles", List.of("applicant"))))
			.authorities(new KeycloakRealmRoleConverter());
	}

	static JwtRequestPostProcessor manager() {
		return jwt().jwt(jwt -> jwt.tokenValue("manager-token")
			.subject("sub-manager")
			.claim("preferred_username", "manager")
			.claim("realm_access", Map.of("roles", List.of("program-manager"))))
			.authorities(new KeycloakRealmRoleConverter());
	}

}
