package cn.jiangmen.innovation.portal.project.manage;

import cn.jiangmen.innovation.contracts.project.v1.ProjectCallStatus;
import cn.jiangmen.innovation.contracts.project.v1.ProposalStatus;
import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;
import cn.jiangmen.innovation.portal.config.PortalSecurityConfiguration;
import cn.jiangmen.innovation.portal.web.Prg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static cn.jiangmen.innovation.portal.project.manage.ProjectManagerPagesTest.admin;
import static cn.jiangmen.innovation.portal.project.manage.ProjectManagerPagesTest.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * POST-redirect-GET on every manager and admin form of major projects (web.FailedPost): a refused
 * post (the portal's own checks, project-service's INVALID_ARGUMENT fields or FAILED_PRECONDITION
 * rule) answers 303 to the form's page and changes nothing; the GET after it shows the error summary
 * linked to the field, the message next to it in zh-CN and English, and what was typed; a reload
 * is a plain page again.
 */
@WebMvcTest(controllers = { FieldAdminController.class, CallManagerController.class, ProposalManagerController.class })
@Import({ ProjectManagerPagesTest.Config.class, PortalSecurityConfiguration.class, ProjectManagerClient.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class ProjectManagerFormsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeProjectService project;

	@BeforeEach
	void reset() {
		this.project.reset();
	}

	/** The POST, asserted to be a 303 to {@code page}; what the browser then GETs, with the flash cookie. */
	private MvcResult refused(MockHttpServletRequestBuilder post, String page) throws Exception {
		return this.mvc.perform(post.with(csrf()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(page))
			.andReturn();
	}

	@Test
	void aFieldTheServiceRejectsComesBackAsTypedWithTheMessageNextToItInBothLanguages() throws Exception {
		MvcResult failed = refused(post("/project/manage/fields").with(admin())
			.param("code", "ocean").param("kind", "CITY").param("nameZh", " ").param("nameEn", "Ocean economy")
			.param("planSection", "五(三)"), "/project/manage/fields");
		this.mvc.perform(Prg.follow(failed).with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("href=\"#nameZh\"")))
			.andExpect(content().string(containsString("id=\"error-nameZh\"")))
			.andExpect(content().string(containsString("请填写中文名称")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("value=\"ocean\"")))
			.andExpect(content().string(containsString("value=\"Ocean economy\"")))
			.andExpect(content().string(containsString("value=\"五(三)\"")))
			.andExpect(content().string(containsString("<option value=\"CITY\" selected=\"selected\"")));
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(admin()))
			.andExpect(content().string(containsString("Enter the name in Chinese.")))
			.andExpect(content().string(containsString("value=\"Ocean economy\"")));
		assertThat(this.project.fields).doesNotContainKey("ocean");
		// a reload is a plain GET: the form is empty, no message
		this.mvc.perform(get("/project/manage/fields").with(admin()))
			.andExpect(content().string(not(containsString("id=\"error-summary\""))))
			.andExpect(content().string(not(containsString("value=\"ocean\""))));
	}

	@Test
	void aFieldWithoutKindOrWithATakenCodeIsSaidNextToThatField() throws Exception {
		MvcResult noKind = refused(post("/project/manage/fields").with(admin()).param("code", "ocean")
			.param("nameZh", "海洋经济"), "/project/manage/fields");
		this.mvc.perform(Prg.follow(noKind).with(admin()))
			.andExpect(content().string(containsString("href=\"#kind\"")))
			.andExpect(content().string(containsString("请选择领域类别")))
			.andExpect(content().string(containsString("value=\"海洋经济\"")));
		this.mvc.perform(Prg.follow(noKind).param("lang", "en").with(admin()))
			.andExpect(content().string(containsString("Choose the kind of field.")));
		assertThat(this.project.received).isEmpty();

		MvcResult taken = refused(post("/project/manage/fields").with(admin()).param("code", "semiconductor-lighting")
			.param("kind", "CITY").param("nameZh", "照明").param("nameEn", "Lighting"), "/project/manage/fields");
		this.mvc.perform(Prg.follow(taken).with(admin()))
			.andExpect(content().string(containsString("href=\"#code\"")))
			.andExpect(content().string(containsString("已有使用此代码的领域")))
			.andExpect(content().string(containsString("value=\"照明\"")));
		this.mvc.perform(Prg.follow(taken).param("lang", "en").with(admin()))
			.andExpect(content().string(containsString("A field with this code exists already")));
		assertThat(this.project.fields.get("semiconductor-lighting").getNameZh()).isEqualTo("半导体照明");
	}

	@Test
	void aRejectedRenameKeepsWhatWasTypedAndAStaleOneShowsTheStoredNames() throws Exception {
		String page = "/project/manage/fields/semiconductor-lighting/rename";
		MvcResult blank = refused(post(page).with(admin()).param("nameZh", "").param("nameEn", "Lighting and displays")
			.param("version", "0"), page);
		this.mvc.perform(Prg.follow(blank).with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#nameZh\"")))
			.andExpect(content().string(containsString("请填写中文名称")))
			.andExpect(content().string(containsString("value=\"Lighting and displays\"")))
			.andExpect(content().string(containsString("name=\"version\" value=\"0\"")));
		this.mvc.perform(Prg.follow(blank).param("lang", "en").with(admin()))
			.andExpect(content().string(containsString("Enter the name in Chinese.")));

		MvcResult stale = refused(post(page).with(admin()).param("nameZh", "旧名").param("nameEn", "Old")
			.param("version", "7"), page);
		this.mvc.perform(Prg.follow(stale).with(admin()))
			.andExpect(content().string(containsString("其他人刚刚修改了该领域")))
			.andExpect(content().string(containsString("value=\"半导体照明\"")))
			.andExpect(content().string(not(containsString("value=\"旧名\""))));
		this.mvc.perform(Prg.follow(stale).param("lang", "en").with(admin()))
			.andExpect(content().string(containsString("Someone else changed this field meanwhile")));
		assertThat(this.project.fields.get("semiconductor-lighting").getVersion()).isZero();
	}

	@Test
	void retiringARetiredFieldIsRefusedOnTheConfirmationPage() throws Exception {
		String page = "/project/manage/fields/rail-transit-equipment/retire";
		this.mvc.perform(post(page).with(admin()).with(csrf())).andExpect(redirectedUrl("/project/manage/fields?notice=retired"));
		long version = this.project.fields.get("rail-transit-equipment").getVersion();
		MvcResult again = refused(post(page).with(admin()), page);
		this.mvc.perform(Prg.follow(again).with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该领域已停用，不能再改名或停用。")))
			.andExpect(content().string(containsString("停用后该领域不能再发布申报指南")));
		this.mvc.perform(Prg.follow(again).param("lang", "en").with(admin()))
			.andExpect(content().string(containsString("This field is retired")));
		assertThat(this.project.fields.get("rail-transit-equipment").getVersion()).isEqualTo(version);
	}

	@Test
	void aCallFormThePortalOrTheServiceRefusesComesBackAsTyped() throws Exception {
		MvcResult failed = refused(post("/project/manage/calls/new").with(manager())
			.param("fieldCode", "semiconductor-lighting").param("year", "2027").param("title", "2027年 LED 专项")
			.param("topicCodes", "T1", "T2", "").param("topicTitles", "背光模组", "驱动芯片", "")
			.param("topicResearch", "1").param("ceiling", "abc").param("maxFiscalShare", "30")
			.param("documents", "营业执照\n审计报告").param("guideline", "指南")
			.param("opensAt", "2027-01-01T09:00").param("closesAt", ""), "/project/manage/calls/new");
		assertThat(this.project.received).isEmpty();
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#ceiling\"")))
			.andExpect(content().string(containsString("href=\"#closesAt\"")))
			.andExpect(content().string(containsString("格式不正确")))
			.andExpect(content().string(containsString("请填写截止受理时间")))
			.andExpect(content().string(containsString("value=\"abc\"")))
			.andExpect(content().string(containsString("value=\"驱动芯片\"")))
			.andExpect(content().string(containsString("营业执照\n审计报告</textarea>")))
			.andExpect(content().string(containsString("value=\"2027-01-01T09:00\"")))
			.andExpect(content().string(containsString("<option value=\"semiconductor-lighting\" selected=\"selected\"")))
			.andExpect(content().string(containsString("id=\"topic-research-1\" value=\"1\" checked=\"checked\"")));
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("This is not in the expected form.")))
			.andExpect(content().string(containsString("Enter the closing time.")));

		// the service's INVALID_ARGUMENT (call.title) is said next to the title
		MvcResult untitled = refused(post("/project/manage/calls/new").with(manager())
			.param("fieldCode", "semiconductor-lighting").param("year", "2027").param("title", " ")
			.param("topicCodes", "T1").param("topicTitles", "背光模组").param("ceiling", "5000000")
			.param("maxFiscalShare", "30").param("guideline", "指南")
			.param("opensAt", "2027-01-01T09:00").param("closesAt", "2027-03-01T17:00"), "/project/manage/calls/new");
		this.mvc.perform(Prg.follow(untitled).with(manager()))
			.andExpect(content().string(containsString("href=\"#title\"")))
			.andExpect(content().string(containsString("id=\"error-title\"")))
			.andExpect(content().string(containsString("内容为空或过长")))
			.andExpect(content().string(containsString("value=\"5000000\"")));
		this.mvc.perform(Prg.follow(untitled).param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("This is empty or too long.")));
		assertThat(this.project.calls).doesNotContainKey("call-new");
	}

	@Test
	void aRefusedPublishIsSaidOnItsConfirmationPage() throws Exception {
		String page = "/project/manage/calls/call-1/publish";
		MvcResult failed = refused(post(page).with(manager()).param("version", "3"), page);
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该申报指南当前状态不允许此操作")))
			.andExpect(content().string(containsString("发布后所有申报单位均可看到该指南")));
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("The call cannot make this move from its present status.")));
		assertThat(this.project.calls.get("call-1").getStatus()).isEqualTo(ProjectCallStatus.PROJECT_CALL_STATUS_PUBLISHED);
		this.mvc.perform(get(page).with(manager()))
			.andExpect(content().string(not(containsString("该申报指南当前状态不允许此操作"))));
	}

	@Test
	void aFormalCheckWithoutReasonsComesBackToTheProposalAsTyped() throws Exception {
		String proposal = "/project/manage/proposals/p-submitted";
		MvcResult failed = refused(post(proposal + "/formal-check").with(manager()).param("decision", "return")
			.param("reasons", " ").param("correctionDue", "2020-01-01"), proposal);
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#reasons\"")))
			.andExpect(content().string(containsString("href=\"#correctionDue\"")))
			.andExpect(content().string(containsString("请填写理由")))
			.andExpect(content().string(containsString("日期不能早于今天")))
			.andExpect(content().string(containsString("value=\"2020-01-01\"")))
			.andExpect(content().string(containsString("id=\"decision-return\" value=\"return\" checked=\"checked\"")));
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("Give the reasons.")));
		// the confirmation's POST checks again: a tampered one comes back the same way
		MvcResult confirm = refused(post(proposal + "/formal-check/confirm").with(manager()).param("decision", "maybe"),
				proposal);
		this.mvc.perform(Prg.follow(confirm).with(manager()))
			.andExpect(content().string(containsString("href=\"#decision\"")))
			.andExpect(content().string(containsString("请选择审查结论")));
		this.mvc.perform(Prg.follow(confirm).param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("Choose a decision.")));
		assertThat(this.project.received).isEmpty();
		assertThat(this.project.proposals.get("p-submitted").getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_SUBMITTED);
	}

	@Test
	void aFormalCheckTheServiceRefusesIsSaidOnTheProposal() throws Exception {
		String proposal = "/project/manage/proposals/p-reviewed";
		MvcResult failed = refused(post(proposal + "/formal-check/confirm").with(manager()).param("decision", "reject")
			.param("reasons", "材料不全"), proposal);
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该申报书已不在此环节，请刷新页面。")));
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("The proposal is no longer at this step; reload it.")));
		assertThat(this.project.proposals.get("p-reviewed").getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_REVIEWED);
	}

	@Test
	void anApprovalThePortalOrTheServiceRefusesComesBackWithTheMessageNextToTheAmount() throws Exception {
		String proposal = "/project/manage/proposals/p-reviewed";
		MvcResult malformed = refused(post(proposal + "/approval").with(manager()).param("approved", "三百万")
			.param("tranche-0", "1200000").param("tranche-1", "").param("note", "同意"), proposal);
		this.mvc.perform(Prg.follow(malformed).with(manager()))
			.andExpect(content().string(containsString("href=\"#approved\"")))
			.andExpect(content().string(containsString("href=\"#tranche-1\"")))
			.andExpect(content().string(containsString("value=\"三百万\"")))
			.andExpect(content().string(containsString("name=\"tranche-0\" type=\"text\" value=\"1200000\"")))
			.andExpect(content().string(containsString("同意</textarea>")));
		this.mvc.perform(Prg.follow(malformed).param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("This is not in the expected form.")))
			.andExpect(content().string(containsString("Enter this.")));

		MvcResult over = refused(post(proposal + "/approval/confirm").with(manager()).param("approved", "4000000")
			.param("tranche-0", "2000000").param("tranche-1", "2000000"), proposal);
		this.mvc.perform(Prg.follow(over).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#approved\"")))
			.andExpect(content().string(containsString("id=\"error-approved\"")))
			.andExpect(content().string(containsString("批准金额超过了申请的财政资金")))
			.andExpect(content().string(containsString("value=\"4000000\"")));
		this.mvc.perform(Prg.follow(over).param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("The approved amount is more than the fiscal money asked.")));

		MvcResult uneven = refused(post(proposal + "/approval/confirm").with(manager()).param("approved", "3000000")
			.param("tranche-0", "1000000").param("tranche-1", "1000000"), proposal);
		this.mvc.perform(Prg.follow(uneven).with(manager()))
			.andExpect(content().string(containsString("href=\"#tranches\"")))
			.andExpect(content().string(containsString("各期拨付金额之和不等于批准金额")));
		assertThat(this.project.proposals.get("p-reviewed").getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_REVIEWED);
	}

}
