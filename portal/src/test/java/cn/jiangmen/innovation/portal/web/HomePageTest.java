package cn.jiangmen.innovation.portal.web;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicantNotice;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import com.google.protobuf.Timestamp;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebTest
class HomePageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeTalentService talent;

	@org.junit.jupiter.api.BeforeEach
	void reset() {
		this.talent.reset();
	}

	@Test
	void applicantSeesTheirOrganisationAndApplicationsLinkInChineseByDefault() throws Exception {
		this.mvc.perform(get("/").with(TestUsers.applicant()))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("<html lang=\"zh-CN\">")))
			.andExpect(content().string(containsString("江门市科技创新项目管理平台")))
			.andExpect(content().string(containsString("欢迎，李华")))
			.andExpect(content().string(containsString("id=\"applicant\"")))
			.andExpect(content().string(containsString(TestUsers.ORGANISATION)))
			.andExpect(content().string(containsString("href=\"/applications\"")))
			.andExpect(content().string(containsString("申报人")))
			.andExpect(content().string(containsString("开放中的申报指南")))
			.andExpect(content().string(not(containsString("id=\"manager\""))))
			.andExpect(content().string(not(containsString("id=\"expert\""))));
	}

	@Test
	void applicantSeesTheLatestDecisionsOnTheirOrganisationsApplications() throws Exception {
		this.talent.notices(java.util.List.of(ApplicantNotice.newBuilder()
			.setApplicationId("3a1e7a1e-0000-4000-8000-000000000104")
			.setApplicationTitle("新能源汽车电池创新团队")
			.setStatus(ApplicationStatus.APPLICATION_STATUS_RETURNED)
			.setDetail("劳动合同未签字")
			.setAt(Timestamp.newBuilder().setSeconds(1_780_000_000))
			.build()));
		this.mvc.perform(get("/").with(TestUsers.applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("申报结果通知")))
			.andExpect(content().string(containsString("href=\"/talent/applications/3a1e7a1e-0000-4000-8000-000000000104\"")))
			.andExpect(content().string(containsString("新能源汽车电池创新团队")))
			.andExpect(content().string(containsString("已退回修改。")))
			.andExpect(content().string(containsString("劳动合同未签字")))
			.andExpect(content().string(containsString("href=\"/talent/calls\"")));
		this.mvc.perform(get("/").param("lang", "en").with(TestUsers.applicant()))
			.andExpect(content().string(containsString("was returned for correction.")));
	}

	@Test
	void noDecisionsYetAndAnUnreachableTalentServiceAreSaidPlainly() throws Exception {
		this.mvc.perform(get("/").with(TestUsers.applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("暂无通知")));
		this.talent.fail(io.grpc.Status.UNAVAILABLE);
		this.mvc.perform(get("/").with(TestUsers.applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("暂时无法显示通知")))
			.andExpect(content().string(containsString(TestUsers.ORGANISATION)));
	}

	@Test
	void managerSeesTheManagementSectionAndNoApplicantSection() throws Exception {
		this.mvc.perform(get("/").with(TestUsers.manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"manager\"")))
			.andExpect(content().string(containsString("项目主管")))
			.andExpect(content().string(containsString("申报指南")))
			.andExpect(content().string(containsString("href=\"/talent/manage/calls\"")))
			.andExpect(content().string(not(containsString("href=\"/#"))))
			.andExpect(content().string(not(containsString("id=\"applicant\""))))
			.andExpect(content().string(not(containsString("href=\"/applications\""))));
	}

	@Test
	void aUserWithSeveralRolesSeesEachSectionThatLeadsToWorkAndNoCardForWhatIsNotBuilt() throws Exception {
		MvcResult page = this.mvc
			.perform(get("/").with(TestUsers.user("multi", "Multi", "expert", "finance-officer", "finance-approver",
					"auditor", "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"expert\"")))
			.andExpect(content().string(containsString("href=\"/review/assignments\"")))
			.andExpect(content().string(containsString("href=\"/review/rounds\"")))
			.andExpect(content().string(containsString("id=\"auditor\"")))
			.andExpect(content().string(containsString("id=\"finance\"")))
			.andExpect(content().string(containsString("id=\"admin\"")))
			.andExpect(content().string(containsString("href=\"/project/manage/fields\"")))
			.andExpect(content().string(not(containsString("id=\"manager\""))))
			.andReturn();
		String html = page.getResponse().getContentAsString();
		// nothing promises a later release, and every nav entry is a page of its own
		assertThat(html).doesNotContain("后续版本").doesNotContain("class=\"later\"").doesNotContain("href=\"/#");
	}

	@Test
	void financeRolesSeeTheirWorkCountedAndLinkedAndTheirNav() throws Exception {
		this.mvc.perform(get("/").with(TestUsers.user("officer", "F", "finance-officer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"finance\"")))
			.andExpect(content().string(containsString("待经办 2 笔")))
			.andExpect(content().string(containsString("href=\"/finance/inbox?tab=prepare\"")))
			.andExpect(content().string(containsString("href=\"/finance/budgets\"")))
			.andExpect(content().string(containsString("资金拨付待办")))
			.andExpect(content().string(not(containsString("待复核"))))
			.andExpect(content().string(not(containsString("暂无需要您处理的事项"))));
		// the approver's count leaves out what they prepared themselves: they may not decide it
		this.mvc.perform(get("/").with(TestUsers.user("approver", "A", "finance-approver")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("待复核 1 笔")))
			.andExpect(content().string(containsString("待审批预算追加 1 项")));
		this.mvc.perform(get("/?lang=en").with(TestUsers.user("officer", "A", "finance-officer", "finance-approver")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 tranche(s) to prepare")))
			.andExpect(content().string(containsString("0 tranche(s) to approve")))
			.andExpect(content().string(containsString("Payments inbox")));
	}

	@Test
	void theAdminRoleSeesTheReferenceDataCardAndItsNav() throws Exception {
		this.mvc.perform(get("/").with(TestUsers.user("admin", "A", "admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"admin\"")))
			.andExpect(content().string(containsString("重点领域：新增、改名、停用")))
			.andExpect(content().string(containsString("href=\"/project/manage/fields\"")))
			.andExpect(content().string(not(containsString("暂无需要您处理的事项"))))
			.andExpect(content().string(not(containsString("尚未分配角色"))))
			.andExpect(content().string(not(containsString("href=\"/#"))));
	}

	@Test
	void aUserWithoutRolesIsToldWhomToAsk() throws Exception {
		this.mvc.perform(get("/").with(TestUsers.user("nobody", "Nobody")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("尚未分配角色")));
	}

	@Test
	void langParameterSwitchesToEnglishAndRemembersItInACookie() throws Exception {
		MvcResult result = this.mvc.perform(get("/").param("lang", "en").with(TestUsers.applicant()))
			.andExpect(status().isOk())
			.andExpect(cookie().value("JIANGMEN_LANG", "en"))
			.andExpect(cookie().httpOnly("JIANGMEN_LANG", true))
			.andExpect(content().string(containsString("<html lang=\"en\">")))
			.andExpect(content().string(containsString("Jiangmen Innovation Programs")))
			.andExpect(content().string(containsString("Welcome, 李华")))
			.andExpect(content().string(containsString("Applicant")))
			.andExpect(content().string(containsString("My applications")))
			// the switch now offers Chinese
			.andExpect(content().string(containsString("href=\"/?lang=zh-CN\"")))
			.andReturn();
		Cookie remembered = result.getResponse().getCookie("JIANGMEN_LANG");
		this.mvc.perform(get("/").cookie(remembered).with(TestUsers.applicant()))
			.andExpect(content().string(containsString("<html lang=\"en\">")));
		this.mvc.perform(get("/").param("lang", "zh-CN").cookie(remembered).with(TestUsers.applicant()))
			.andExpect(cookie().value("JIANGMEN_LANG", "zh-CN"))
			.andExpect(content().string(containsString("<html lang=\"zh-CN\">")))
			.andExpect(content().string(containsString("href=\"/?lang=en\"")));
	}

	@Test
	void unsupportedLanguagesFallBackToChinese() throws Exception {
		this.mvc.perform(get("/").param("lang", "fr").with(TestUsers.applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"zh-CN\">")));
		this.mvc.perform(get("/").cookie(new Cookie("JIANGMEN_LANG", "de")).with(TestUsers.applicant()))
			.andExpect(content().string(containsString("<html lang=\"zh-CN\">")));
	}

	@Test
	void layoutHasSkipLinkLandmarksLogoutFormWithCsrfFieldAndHtmxHeader() throws Exception {
		String html = this.mvc
			.perform(get("/").cookie(new Cookie("XSRF-TOKEN", "3f2a7c1e-csrf")).with(TestUsers.applicant()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("class=\"skip-link\" href=\"#main\"")
			.contains("<main id=\"main\"")
			.contains("<header")
			.contains("<nav class=\"site-nav\" aria-label=\"主导航\"")
			.contains("<footer")
			.contains("<form class=\"logout\" method=\"post\" action=\"/logout\">")
			.contains("<input type=\"hidden\" name=\"_csrf\" value=\"3f2a7c1e-csrf\">")
			.contains("hx-headers=\"{&quot;X-XSRF-TOKEN&quot;:&quot;3f2a7c1e-csrf&quot;}\"")
			.contains("aria-current=\"page\"")
			.doesNotContain("<script>")
			.doesNotContain("<style");
	}

	@Test
	void withoutATokenTheAnswerIs401() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")));
		this.mvc.perform(get("/applications")).andExpect(status().isUnauthorized());
	}

	@Test
	void staticResourcesAndProbesNeedNoToken() throws Exception {
		this.mvc.perform(get("/css/portal.css")).andExpect(status().isOk());
		this.mvc.perform(get("/js/portal.js")).andExpect(status().isOk());
		this.mvc.perform(get("/images/logo.svg")).andExpect(status().isOk());
		this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
	}

}
