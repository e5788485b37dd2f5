package cn.jiangmen.innovation.portal.web;

import java.time.Instant;
import java.util.List;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebTest
class ApplicationsPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeTalentService talent;

	@Autowired
	PortalWebTestConfiguration.ReceivedTokens tokens;

	@BeforeEach
	void reset() {
		this.talent.reset();
		this.tokens.values.clear();
	}

	@Test
	void listsTheApplicationsTalentServiceReturnsWithTranslatedStatusAndBeijingTime() throws Exception {
		this.talent.answer(List.of(summary("a1", "海洋工程装备创新团队", ApplicationStatus.APPLICATION_STATUS_SUBMITTED,
				"2026-03-01T02:30:00Z"),
				summary("a2", "LED backlight module team", ApplicationStatus.APPLICATION_STATUS_DRAFT,
						"2026-02-28T16:05:00Z")),
				"");

		this.mvc.perform(get("/applications").with(TestUsers.applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("海洋工程装备创新团队")))
			.andExpect(content().string(containsString("LED backlight module team")))
			.andExpect(content().string(containsString("已提交")))
			.andExpect(content().string(containsString("草稿")))
			// 02:30 UTC is 10:30 in Asia/Shanghai; 16:05 UTC is 00:05 the next day
			.andExpect(content().string(containsString("2026年3月1日 10:30")))
			.andExpect(content().string(containsString("datetime=\"2026-03-01T10:30:00.000+0800\"")))
			.andExpect(content().string(containsString("2026年3月1日 00:05")))
			.andExpect(content().string(containsString("最后更新（北京时间）")))
			.andExpect(content().string(not(containsString("role=\"alert\""))))
			.andExpect(content().string(not(containsString("您还没有申报"))));

		// every call (the applications, the calls they belong to) carries the user's token
		assertThat(this.tokens.values).isNotEmpty().containsOnly("Bearer applicant1-token");
		assertThat(this.talent.requests).singleElement().satisfies(r -> assertThat(r.getPageSize()).isEqualTo(50));
	}

	@Test
	void englishPageShowsEnglishStatusAndDateFormat() throws Exception {
		this.talent.answer(List.of(summary("a1", "Marine engineering team",
				ApplicationStatus.APPLICATION_STATUS_UNDER_REVIEW, "2026-03-01T02:30:00Z")), "");

		this.mvc.perform(get("/applications").param("lang", "en").with(TestUsers.applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Under review")))
			.andExpect(content().string(containsString("2026-03-01 10:30")))
			.andExpect(content().string(containsString("Open “Marine engineering team”")));
	}

	@Test
	void everyApplicationIsListedWithItsCallAndEachRowOpensItADraftIsContinuedOrDeleted() throws Exception {
		this.talent.answer(List.of(summary("a1", "海洋工程装备创新团队", ApplicationStatus.APPLICATION_STATUS_SUBMITTED,
				"2026-03-01T02:30:00Z")), "p2");
		this.talent.page("p2", List.of(summary("a2", "LED 背光模组团队", ApplicationStatus.APPLICATION_STATUS_DRAFT,
				"2026-02-28T16:05:00Z")), "");
		this.talent.calls(List.of(TalentCall.newBuilder().setCallId("call-1").setTitle("2026年度珠江人才计划").build()));

		String page = this.mvc.perform(get("/applications").with(TestUsers.applicant()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(this.talent.requests).extracting(r -> r.getPageToken()).containsExactly("", "p2");
		assertThat(page).contains("申报批次", "2026年度珠江人才计划", "href=\"/talent/applications/a1\"",
				"href=\"/talent/applications/a2\"", "继续填写「LED 背光模组团队」", "查看「海洋工程装备创新团队」",
				"href=\"/talent/applications/a2/delete\"")
			.doesNotContain("href=\"/talent/applications/a1/delete\"")
			.doesNotContain("仅显示最近");

		this.mvc.perform(get("/applications").param("done", "deleted").with(TestUsers.applicant()))
			.andExpect(content().string(containsString("草稿已删除。")));
	}

	@Test
	void showsTheEmptyStateWhenThereAreNoApplications() throws Exception {
		this.mvc.perform(get("/applications").with(TestUsers.applicant()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您还没有申报。")))
			.andExpect(content().string(not(containsString("<table"))))
			.andExpect(content().string(not(containsString("role=\"alert\""))));
	}

	@Test
	void showsAnErrorBannerWith503WhenTalentServiceIsUnavailable() throws Exception {
		this.talent.fail(Status.UNAVAILABLE);

		this.mvc.perform(get("/applications").with(TestUsers.applicant()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(containsString("暂时无法显示申报")))
			// still the full page: header, navigation, language switch
			.andExpect(content().string(containsString("江门市科技创新项目管理平台")))
			.andExpect(content().string(containsString("href=\"/applications?lang=en\"")))
			.andExpect(content().string(not(containsString("您还没有申报"))));
	}

	@Test
	void internalErrorsOfTalentServiceAlsoGiveTheBannerNotA500() throws Exception {
		this.talent.fail(Status.INTERNAL);

		this.mvc.perform(get("/applications").with(TestUsers.applicant()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("暂时无法显示申报")));
	}

	@Test
	void permissionDeniedByTalentServiceIsTheTranslated403Page() throws Exception {
		this.talent.fail(Status.PERMISSION_DENIED);

		this.mvc.perform(get("/applications").with(TestUsers.applicant()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("无权访问")));
	}

	@Test
	void usersWithoutTheApplicantRoleGetTheTranslated403Page() throws Exception {
		this.mvc.perform(get("/applications").param("lang", "en").with(TestUsers.manager()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Access denied")))
			.andExpect(content().string(containsString("<html lang=\"en\">")));
		assertThat(this.talent.requests).isEmpty();
	}

	static ApplicationSummary summary(String id, String title, ApplicationStatus status, String updatedAt) {
		Instant instant = Instant.parse(updatedAt);
		return ApplicationSummary.newBuilder()
			.setApplicationId(id)
			.setCallId("call-1")
			.setOrganisationId("7d1c2a8e-0000-4000-8000-000000000001")
			.setTitle(title)
			.setStatus(status)
			.setUpdatedAt(Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()))
			.build();
	}

}
