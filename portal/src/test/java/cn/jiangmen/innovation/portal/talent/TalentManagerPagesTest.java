package cn.jiangmen.innovation.portal.talent;

import cn.jiangmen.innovation.portal.web.FakePriorityFields;
import cn.jiangmen.innovation.portal.web.Prg;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.project.v1.FieldKind;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.CallStatus;
import cn.jiangmen.innovation.contracts.talent.v1.Category;
import cn.jiangmen.innovation.contracts.talent.v1.EligibilityFinding;
import cn.jiangmen.innovation.contracts.talent.v1.ProfessionalTitle;
import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;
import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;
import cn.jiangmen.innovation.platform.security.KeycloakRealmRoleConverter;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;

import static cn.jiangmen.innovation.portal.talent.TalentPagesTest.CALL;
import static cn.jiangmen.innovation.portal.talent.TalentPagesTest.applicant;
import static cn.jiangmen.innovation.portal.talent.TalentPagesTest.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bureau's talent pages over an in-process talent-service: the ranking's XLSX export, creating
 * and opening calls, and recording the province's award or decline; bad input is explained at the
 * fields and nothing is created; applicants and auditors cannot change anything.
 */
@WebMvcTest(controllers = { TalentManagerController.class, TalentCallsController.class })
@Import(TalentPagesTestConfiguration.class)
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class TalentManagerPagesTest {

	static final String RECOMMENDED = "11111111-0000-4000-8000-000000000002";

	static final String RANKED = "11111111-0000-4000-8000-000000000003";

	static final String DRAFT_CALL = "22222222-0000-4000-8000-000000000009";

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeTalent talent;

	@Autowired
	FakePriorityFields fields;

	@BeforeEach
	void reset() {
		this.talent.reset();
		this.fields.reset();
		Instant now = Instant.now();
		TalentCall open = TalentPagesTest.call(CALL, "2026年度珠江人才计划", now.minus(1, ChronoUnit.DAYS),
				now.plus(3, ChronoUnit.DAYS), true);
		TalentCall draft = TalentPagesTest
			.call(DRAFT_CALL, "2027年度特支计划", now.plus(30, ChronoUnit.DAYS), now.plus(90, ChronoUnit.DAYS), false)
			.toBuilder()
			.setStatus(CallStatus.CALL_STATUS_DRAFT)
			.build();
		this.talent.calls = List.of(open, draft);
		this.talent.callApplications = List.of(
				ApplicationSummary.newBuilder()
					.setApplicationId(RECOMMENDED)
					.setCallId(CALL)
					.setTitle("=cmd|' /C calc'!A0")
					.setHostName("江门市光电科技有限公司")
					.setLeaderName("李明")
					.setCategory(Category.CATEGORY_LEADING_TALENT)
					.setRank(1)
					.setFinalScoreHundredths(8125)
					.setPassedThresholds(true)
					.setStatus(ApplicationStatus.APPLICATION_STATUS_RECOMMENDED)
					.build(),
				ApplicationSummary.newBuilder()
					.setApplicationId(RANKED)
					.setCallId(CALL)
					.setTitle("海洋工程装备创新团队")
					.setHostName("五邑大学")
					.setCategory(Category.CATEGORY_TEAM_RND_INDUSTRIALISATION)
					.setRank(2)
					.setFinalScoreHundredths(7650)
					.setPassedThresholds(true)
					.setStatus(ApplicationStatus.APPLICATION_STATUS_RANKED)
					.build());
	}

	// --- XLSX export ---

	@Test
	void theRankingPageOffersXlsxNextToCsvAndTheWorkbookReadsBack() throws Exception {
		String ranking = "/talent/manage/calls/" + CALL + "/ranking";
		this.mvc.perform(get(ranking).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + ranking + ".csv\"")))
			.andExpect(content().string(containsString("href=\"" + ranking + ".xlsx\"")))
			.andExpect(content().string(containsString("导出 Excel（XLSX）")));

		MvcResult download = this.mvc.perform(get(ranking + ".xlsx").with(manager()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"ranking-" + CALL + ".xlsx\"; filename*=UTF-8''ranking-" + CALL + ".xlsx"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn();
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(download.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheet("排名");
			assertThat(sheet).isNotNull();
			assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(3);
			Row header = sheet.getRow(0);
			assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
					header.getCell(2).getStringCellValue(), header.getCell(5).getStringCellValue(),
					header.getCell(6).getStringCellValue()))
				.containsExactly("排名", "名称", "类别", "得分", "状态");
			assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

			Row first = sheet.getRow(1);
			assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
			assertThat(first.getCell(1).getCellType()).as("a title like a formula stays text")
				.isEqualTo(CellType.STRING);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("=cmd|' /C calc'!A0");
			assertThat(first.getCell(2).getStringCellValue()).isEqualTo("领军人才");
			assertThat(first.getCell(3).getStringCellValue()).isEqualTo("江门市光电科技有限公司");
			assertThat(first.getCell(4).getStringCellValue()).isEqualTo("李明");
			assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(81.25);
			assertThat(first.getCell(6).getStringCellValue()).isEqualTo("已推荐");
			Row second = sheet.getRow(2);
			assertThat(second.getCell(0).getNumericCellValue()).isEqualTo(2.0);
			assertThat(second.getCell(5).getNumericCellValue()).isEqualTo(76.5);
			assertThat(second.getCell(6).getStringCellValue()).isEqualTo("已排序");
		}

		MvcResult english = this.mvc.perform(get(ranking + ".xlsx").param("lang", "en").with(auditor()))
			.andExpect(status().isOk())
			.andReturn();
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(english.getResponse().getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheet("Ranking");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Rank");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Leading talent");
			assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("Recommended");
		}
	}

	@Test
	void anApplicantGetsNoWorkbook() throws Exception {
		this.mvc.perform(get("/talent/manage/calls/" + CALL + "/ranking.xlsx").with(applicant()))
			.andExpect(status().isForbidden())
			.andExpect(header().doesNotExist("Content-Disposition"));
	}

	// --- calls: create and open ---

	@Test
	void openingIsConfirmedOnAPageOfItsOwnFirst() throws Exception {
		this.mvc.perform(get("/talent/manage/calls/" + DRAFT_CALL + "/open").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("开放申报批次")))
			.andExpect(content().string(containsString("2027年度特支计划")))
			.andExpect(content().string(containsString("开放后不可撤回")))
			.andExpect(content().string(containsString("action=\"/talent/manage/calls/" + DRAFT_CALL + "/open\"")));
		assertThat(this.talent.opened).as("showing the question opens nothing").isEmpty();
		this.mvc.perform(get("/talent/manage/calls/" + CALL + "/open").with(manager()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/manage/calls?refused=call.already-open"));
		this.mvc.perform(get("/talent/manage/calls/no-such-call/open").with(manager())).andExpect(status().isNotFound());
		this.mvc.perform(get("/talent/manage/calls/" + DRAFT_CALL + "/open").with(auditor()))
			.andExpect(status().isForbidden());
	}

	@Test
	void managersSeeEveryCallWithTheOpenActionAuditorsOnlyRead() throws Exception {
		this.mvc.perform(get("/talent/manage/calls").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2027年度特支计划")))
			.andExpect(content().string(containsString("草稿")))
			.andExpect(content().string(containsString("href=\"/talent/manage/calls/" + DRAFT_CALL + "/open\"")))
			.andExpect(content().string(not(containsString("/talent/manage/calls/" + CALL + "/open\""))))
			.andExpect(content().string(containsString("href=\"/talent/manage/calls/new\"")));
		this.mvc.perform(get("/talent/manage/calls").with(auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2027年度特支计划")))
			.andExpect(content().string(not(containsString("/open\""))))
			.andExpect(content().string(not(containsString("href=\"/talent/manage/calls/new\""))));
	}

	@Test
	void aCallPastItsClosingTimeIsShownClosedWithItsApplicationsPerStatus() throws Exception {
		Instant now = Instant.now();
		TalentCall closed = TalentPagesTest
			.call("22222222-0000-4000-8000-000000000007", "2025年度珠江人才计划", now.minus(60, ChronoUnit.DAYS),
					now.minus(1, ChronoUnit.MINUTES), true);
		this.talent.calls = List.of(closed);
		this.mvc.perform(get("/talent/manage/calls").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("status--call-closed")))
			.andExpect(content().string(containsString("已截止")))
			.andExpect(content().string(not(containsString("已开放"))))
			.andExpect(content().string(containsString("已推荐：1")))
			.andExpect(content().string(containsString("已排序：1")));
		this.mvc.perform(get("/talent/manage/calls").param("lang", "en").with(manager()))
			.andExpect(content().string(containsString(">Closed<")))
			.andExpect(content().string(containsString("Recommended: 1")));
	}

	@Test
	void theCallListIsPagedTenAtATime() throws Exception {
		Instant now = Instant.now();
		List<TalentCall> many = new java.util.ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			many.add(TalentPagesTest.call(String.format("22222222-0000-4000-8000-%012d", 100 + i), "批次" + i + "号",
					now.minus(1, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS), true));
		}
		this.talent.calls = many;
		this.mvc.perform(get("/talent/manage/calls").with(manager()))
			.andExpect(content().string(containsString("批次10号")))
			.andExpect(content().string(not(containsString("批次11号"))))
			.andExpect(content().string(containsString("第 1 页，共 2 页（12 个批次）")))
			.andExpect(content().string(containsString("href=\"/talent/manage/calls?page=2\"")));
		this.mvc.perform(get("/talent/manage/calls").param("page", "2").with(manager()))
			.andExpect(content().string(containsString("批次12号")))
			.andExpect(content().string(not(containsString("批次9号"))))
			.andExpect(content().string(containsString("href=\"/talent/manage/calls?page=1\"")));
	}

	@Test
	void formalCheckRowsShowTheEligibilityFlagsAndTheMissingDocuments() throws Exception {
		this.talent.callApplications = List.of(
				this.talent.callApplications.get(1)
					.toBuilder()
					.addFindings(EligibilityFinding.newBuilder()
						.setField("team")
						.setCode("eligibility.team-too-small")
						.setMessage("team too small"))
					.addMissingAttachmentKinds("CV")
					.addMissingAttachmentKinds("CONTRACT")
					.build(),
				this.talent.callApplications.get(0));
		String queue = "/talent/manage/calls/" + CALL + "/formal-check";
		this.mvc.perform(get(queue).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("资格与材料")))
			.andExpect(content().string(containsString("data-code=\"eligibility.team-too-small\"")))
			.andExpect(content().string(containsString("团队人数少于本批次的要求。")))
			.andExpect(content().string(containsString("缺少材料：")))
			.andExpect(content().string(containsString("全职聘用合同")))
			.andExpect(content().string(containsString("符合批次条件，材料齐全")));
		this.mvc.perform(get(queue).param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("The team is smaller than this call requires.")))
			.andExpect(content().string(containsString("Documents missing:")));
	}

	@Test
	void aFormalCheckDecisionIsConfirmedOnAStepOfItsOwnBeforeAnythingIsSent() throws Exception {
		String queue = "/talent/manage/calls/" + CALL + "/formal-check";
		this.mvc.perform(get(queue).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("method=\"get\"")))
			.andExpect(content().string(containsString("action=\"" + queue + "/" + RANKED + "/confirm\"")));
		this.mvc.perform(get(queue + "/" + RANKED + "/confirm").param("decision", "REJECT")
			.param("reason", "劳动合同未签字\n\n社保证明缺失")
			.with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认不予受理？")))
			.andExpect(content().string(containsString("海洋工程装备创新团队")))
			.andExpect(content().string(containsString("<li>劳动合同未签字</li>")))
			.andExpect(content().string(containsString("<li>社保证明缺失</li>")))
			.andExpect(content().string(containsString("method=\"post\"")))
			.andExpect(content().string(containsString("action=\"" + queue + "/" + RANKED + "\"")))
			.andExpect(content().string(containsString("name=\"decision\" value=\"REJECT\"")))
			.andExpect(content().string(not(containsString("disabled"))));
	}

	@Test
	void aReturnWithoutReasonsIsRefusedWithTheButtonDisabledAndTheReasonShown() throws Exception {
		this.mvc.perform(get("/talent/manage/calls/" + CALL + "/formal-check/" + RANKED + "/confirm")
			.param("decision", "RETURN")
			.param("reason", "  ")
			.with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("disabled=\"disabled\"")))
			.andExpect(content().string(containsString("aria-describedby=\"confirm-question confirm-refused\"")))
			.andExpect(content().string(containsString("退回或不予受理须至少填写一条理由")));
		this.mvc.perform(get("/talent/manage/calls/" + CALL + "/formal-check/" + RANKED + "/confirm")
			.param("decision", "PASS")
			.with(auditor()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/talent/manage/calls/" + CALL + "/formal-check/" + RANKED + "/confirm")
			.param("decision", "MAYBE")
			.with(manager()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theCreateFormIsAccessibleAndStartsFromTheUsualRules() throws Exception {
		this.mvc.perform(get("/talent/manage/calls/new").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<label for=\"title\">批次名称</label>")))
			.andExpect(content().string(containsString("type=\"datetime-local\"")))
			.andExpect(content().string(containsString("北京时间（Asia/Shanghai）")))
			.andExpect(content().string(containsString("<legend>领军人才</legend>")))
			.andExpect(content().string(containsString("<legend>申报类别及资格条件</legend>")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(
					matchesPattern("(?s).*id=\"cat-LEADING_TALENT-maxLeaderAge\"[^>]*value=\"60\".*")))
			.andExpect(content().string(
					matchesPattern("(?s).*id=\"cat-OVERSEAS_YOUNG_TALENT-maxLeaderAge\"[^>]*value=\"40\".*")))
			.andExpect(content().string(not(containsString("aria-invalid"))));
		this.mvc.perform(get("/talent/manage/calls/new").param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("Create a call")))
			.andExpect(content().string(containsString("Highest age of the leader on the closing day (Leading talent)")));
	}

	@Test
	void theCallFormOffersProjectServicesCurrentFieldsWithTheProvinceLinkedOnesCheckedAndARetiredOneOnlyWhenTyped()
			throws Exception {
		this.fields.add("deep-sea-mining-equipment", FieldKind.FIELD_KIND_PROVINCE_CITY_LINKED, "深海采矿装备",
				"Deep-sea mining equipment");
		this.fields.retire("additive-manufacturing");
		MvcResult blank = this.mvc.perform(get("/talent/manage/calls/new").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<label for=\"field-rail-transit-equipment\">轨道交通装备</label>")))
			.andExpect(content().string(containsString("<label for=\"field-deep-sea-mining-equipment\">深海采矿装备</label>")))
			.andExpect(content().string(not(containsString("value=\"additive-manufacturing\""))))
			.andReturn();
		// the current province-city linked fields are checked at first, the city-level ones are not
		assertThat(blank.getResponse().getContentAsString())
			.containsPattern("id=\"field-deep-sea-mining-equipment\" value=\"deep-sea-mining-equipment\" checked")
			.containsPattern("id=\"field-visible-light-communication\" value=\"visible-light-communication\" checked")
			.containsPattern("id=\"field-rail-transit-equipment\" value=\"rail-transit-equipment\">");
		this.mvc.perform(get("/talent/manage/calls/new").param("lang", "en").with(manager()))
			.andExpect(content().string(containsString(">Deep-sea mining equipment</label>")));

		// a refused form that had the retired field ticked shows it again, named as retired
		this.talent.failure = FakeTalent.invalid("title", "required");
		MvcResult failed = this.mvc.perform(validCall(post("/talent/manage/calls").with(manager()))
			.param("priorityFields", "additive-manufacturing"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(this.talent.callRequests).singleElement()
			.satisfies(r -> assertThat(r.getPriorityFieldsList()).containsExactly("visible-light-communication",
					"intelligent-industrial-robots", "additive-manufacturing", "海洋工程装备"));
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(content().string(containsString("增材制造(3D打印)（已停用）")));
	}

	@Test
	void aManagerCreatesACallWithTimesInBeijingTimeAndOnlyTheTickedCategories() throws Exception {
		this.mvc.perform(validCall(post("/talent/manage/calls").with(manager())))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/manage/calls?done=created"));
		assertThat(this.talent.createdCalls).singleElement().satisfies(request -> {
			assertThat(request.getTitle()).isEqualTo("2026年度珠江人才计划（第二批）");
			assertThat(Instant.ofEpochSecond(request.getOpensAt().getSeconds()))
				.isEqualTo(Instant.parse("2026-03-01T01:00:00Z"));
			assertThat(Instant.ofEpochSecond(request.getClosesAt().getSeconds()))
				.isEqualTo(Instant.parse("2026-05-31T15:59:00Z"));
			assertThat(request.getPriorityFieldsList()).containsExactly("visible-light-communication",
					"intelligent-industrial-robots", "海洋工程装备");
			assertThat(request.getCategoriesList()).hasSize(2).anySatisfy(c -> {
				assertThat(c.getCategory()).isEqualTo(Category.CATEGORY_TEAM_RND_INDUSTRIALISATION);
				assertThat(c.getMaxLeaderAge()).isEqualTo(55);
				assertThat(c.getMinTeamSize()).isEqualTo(5);
				assertThat(c.getRequiredLeaderTitlesList()).containsExactlyInAnyOrder(
						ProfessionalTitle.PROFESSIONAL_TITLE_PROFESSOR, ProfessionalTitle.PROFESSIONAL_TITLE_RESEARCHER);
				assertThat(c.getLeaderFullTime()).isTrue();
				assertThat(c.getFieldMustBeInCall()).isFalse();
			}).anySatisfy(c -> {
				assertThat(c.getCategory()).isEqualTo(Category.CATEGORY_OVERSEAS_YOUNG_TALENT);
				assertThat(c.getMaxLeaderAge()).as("empty is no age limit").isZero();
				assertThat(c.getRequiredLeaderTitlesList()).isEmpty();
			});
		});
		this.mvc.perform(get("/talent/manage/calls").param("done", "created").with(manager()))
			.andExpect(content().string(containsString("申报批次已创建为草稿。")));
	}

	@Test
	void unreadableTimesAndNumbersAreExplainedAtTheFieldsAndNothingIsSent() throws Exception {
		MvcResult failed = this.mvc.perform(validCallWith(post("/talent/manage/calls").with(manager()), "opensAt",
				"2026-13-01T09:00", "LEADING_TALENT.maxLeaderAge", "sixty").param("categories", "LEADING_TALENT"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/manage/calls/new"))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请修改以下问题")))
			.andExpect(content().string(containsString("data-error-summary")))
			.andExpect(content().string(containsString("href=\"#opensAt\"")))
			.andExpect(content().string(containsString("id=\"error-opensAt\"")))
			.andExpect(content().string(containsString("请填写日期和时间，例如 2026-03-01 09:00。")))
			.andExpect(content().string(containsString("aria-describedby=\"zone-hint error-opensAt\"")))
			.andExpect(content().string(
					containsString("aria-describedby=\"cat-LEADING_TALENT-maxLeaderAge-hint error-cat-LEADING_TALENT-maxLeaderAge\"")))
			.andExpect(content().string(containsString("请填写整数。")))
			.andExpect(content().string(containsString("value=\"2026年度珠江人才计划（第二批）\"")))
			.andExpect(content().string(containsString("value=\"sixty\"")));
		assertThat(this.talent.callRequests).as("nothing is sent while the portal cannot read the form").isEmpty();
	}

	@Test
	void fieldsTalentServiceRefusesAreExplainedNextToThemInBothLanguages() throws Exception {
		this.talent.failure = FakeTalent.invalid("categories[TEAM_RND_INDUSTRIALISATION].maxLeaderAge",
				"age-limit.range", "closesAt", "call.closes-before-opening", "title", "required");
		MvcResult failed = this.mvc.perform(validCallWith(post("/talent/manage/calls").with(manager()), "title", ""))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(content().string(containsString("年龄上限须在 18 至 100 之间（留空表示不限）。")))
			.andExpect(content().string(containsString("截止时间须晚于开始时间。")))
			.andExpect(content().string(containsString("id=\"error-cat-TEAM_RND_INDUSTRIALISATION-maxLeaderAge\"")))
			.andExpect(content().string(containsString("href=\"#cat-TEAM_RND_INDUSTRIALISATION-maxLeaderAge\"")))
			.andExpect(content().string(containsString("截止日带头人最高年龄（创新创业团队（技术研发与产业化））")))
			.andExpect(content().string(containsString("aria-describedby=\"error-title\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("value=\"2026-05-31T23:59\"")));
		this.talent.failure = FakeTalent.invalid("closesAt", "call.closes-before-opening");
		failed = this.mvc.perform(validCall(post("/talent/manage/calls").with(manager())))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		// the page after the redirect is a plain GET: the language switch works on it
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The closing time must be after the opening time.")))
			.andExpect(content().string(containsString("There is a problem")));
		// a reload (the cookie is gone) shows the blank form, and nothing was posted again
		this.mvc.perform(get("/talent/manage/calls/new").with(manager()))
			.andExpect(content().string(not(containsString("data-error-summary"))));
		assertThat(this.talent.callRequests).hasSize(2);
		assertThat(this.talent.createdCalls).isEmpty();
	}

	@Test
	void applicantsAndAuditorsCannotCreateOrOpenCalls() throws Exception {
		this.mvc.perform(get("/talent/manage/calls").with(applicant())).andExpect(status().isForbidden());
		for (JwtRequestPostProcessor user : List.of(applicant(), auditor())) {
			this.mvc.perform(get("/talent/manage/calls/new").with(user)).andExpect(status().isForbidden());
			this.mvc.perform(validCall(post("/talent/manage/calls").with(user))).andExpect(status().isForbidden());
			this.mvc.perform(post("/talent/manage/calls/" + DRAFT_CALL + "/open").with(user))
				.andExpect(status().isForbidden());
		}
		assertThat(this.talent.opened).isEmpty();
	}

	@Test
	void aManagerOpensADraftAndAnAlreadyOpenCallIsExplained() throws Exception {
		this.mvc.perform(post("/talent/manage/calls/" + DRAFT_CALL + "/open").with(manager()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/talent/manage/calls?done=opened"));
		assertThat(this.talent.opened).singleElement()
			.satisfies(request -> assertThat(request.getCallId()).isEqualTo(DRAFT_CALL));
		this.mvc.perform(get("/talent/manage/calls").param("done", "opened").with(manager()))
			.andExpect(content().string(containsString("申报批次已开放，申报单位现可查看并开始申报。")));

		this.talent.failure = FakeTalent.refused("call.already-open");
		this.mvc.perform(post("/talent/manage/calls/" + CALL + "/open").with(manager()))
			.andExpect(header().string("Location", "/talent/manage/calls?refused=call.already-open"));
		this.mvc.perform(get("/talent/manage/calls").param("refused", "call.already-open").param("lang", "en")
			.with(manager())).andExpect(content().string(containsString("This call is already open.")));
	}

	// --- recommendation ---

	@Test
	void recommendingIsConfirmedOnItsOwnPageAndRefusedWithTheReasonBelowAThreshold() throws Exception {
		String ranking = "/talent/manage/calls/" + CALL + "/ranking";
		this.mvc.perform(get(ranking).with(manager()))
			.andExpect(content().string(containsString("href=\"" + ranking + "/" + RANKED + "/recommend\"")))
			.andExpect(content().string(not(containsString("action=\"" + ranking + "/" + RANKED + "/recommend\""))));
		this.mvc.perform(get(ranking + "/" + RANKED + "/recommend").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认将“海洋工程装备创新团队”列入报省推荐名单？")))
			.andExpect(content().string(containsString("method=\"post\"")))
			.andExpect(content().string(containsString("action=\"" + ranking + "/" + RANKED + "/recommend\"")))
			.andExpect(content().string(not(containsString("disabled"))));
		assertThat(this.talent.recommendations).as("the page alone changes nothing").isEmpty();
		this.mvc.perform(post(ranking + "/" + RANKED + "/recommend").with(manager()))
			.andExpect(header().string("Location", ranking + "?done=recommended"));
		assertThat(this.talent.recommendations).singleElement()
			.satisfies(r -> assertThat(r.getApplicationId()).isEqualTo(RANKED));

		// below a threshold: the button is shown disabled with the reason, on the list and on the page
		this.talent.callApplications = List.of(this.talent.callApplications.get(1).toBuilder()
			.setPassedThresholds(false)
			.build());
		this.mvc.perform(get(ranking).with(manager()))
			.andExpect(content().string(containsString("aria-describedby=\"recommend-blocked-" + RANKED + "\"")))
			.andExpect(content().string(containsString("disabled=\"disabled\"")))
			.andExpect(content().string(containsString("专家评审发现有评分项未达门槛，不能推荐。")));
		this.mvc.perform(get(ranking + "/" + RANKED + "/recommend").param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("disabled=\"disabled\"")))
			.andExpect(content().string(containsString("aria-describedby=\"recommend-question recommend-refused\"")))
			.andExpect(content().string(containsString("a scoring threshold failed")));
		this.mvc.perform(get(ranking + "/" + RANKED + "/recommend").with(auditor())).andExpect(status().isForbidden());
	}

	// --- award / decline ---

	@Test
	void recommendedApplicationsOfferAwardAndDeclineBehindAConfirmation() throws Exception {
		String ranking = "/talent/manage/calls/" + CALL + "/ranking";
		this.mvc.perform(get(ranking).with(manager()))
			.andExpect(content().string(containsString(
					"href=\"" + ranking + "/" + RECOMMENDED + "/decision?outcome=award\"")))
			.andExpect(content().string(containsString(
					"href=\"" + ranking + "/" + RECOMMENDED + "/decision?outcome=decline\"")))
			.andExpect(content().string(not(containsString(RANKED + "/decision"))));
		this.mvc.perform(get(ranking).with(auditor()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/decision?outcome="))));

		this.mvc.perform(get(ranking + "/" + RECOMMENDED + "/decision").param("outcome", "award").with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认登记“=cmd|&#39; /C calc&#39;!A0”已获省级立项资助？")))
			.andExpect(content().string(containsString("action=\"" + ranking + "/" + RECOMMENDED + "/award\"")))
			.andExpect(content().string(containsString("for=\"note\"")))
			.andExpect(content().string(containsString("备注（选填）")))
			.andExpect(content().string(containsString("81.25")));
		this.mvc.perform(get(ranking + "/" + RECOMMENDED + "/decision").param("outcome", "delete").with(manager()))
			.andExpect(status().isBadRequest());

		this.mvc.perform(post(ranking + "/" + RECOMMENDED + "/award").param("note", " 粤科函〔2026〕12号 ").with(manager()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", ranking + "?done=awarded"));
		assertThat(this.talent.awards).singleElement().satisfies(award -> {
			assertThat(award.getApplicationId()).isEqualTo(RECOMMENDED);
			assertThat(award.getNote()).isEqualTo("粤科函〔2026〕12号");
		});
		this.mvc.perform(get(ranking).param("done", "awarded").with(manager()))
			.andExpect(content().string(containsString("已登记：该申报获省级立项资助。")));

		this.mvc.perform(post(ranking + "/" + RECOMMENDED + "/decline").with(manager()))
			.andExpect(header().string("Location", ranking + "?done=declined"));
		assertThat(this.talent.declines).singleElement()
			.satisfies(decline -> assertThat(decline.getNote()).isEmpty());
		this.mvc.perform(get(ranking).param("done", "declined").param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("Recorded: the province declined the application.")));
	}

	@Test
	void aRefusedOrRejectedDecisionIsExplained() throws Exception {
		String ranking = "/talent/manage/calls/" + CALL + "/ranking";
		this.talent.failure = FakeTalent.refused("application.transition-not-allowed");
		this.mvc.perform(post(ranking + "/" + RANKED + "/award").with(manager()))
			.andExpect(header().string("Location", ranking + "?refused=application.transition-not-allowed"));
		this.mvc.perform(get(ranking).param("refused", "application.transition-not-allowed").with(manager()))
			.andExpect(content().string(containsString("当前状态下不能进行此操作")));

		// a rejected note: POST-redirect-GET to the confirmation, the note as typed and the message next to it
		this.talent.failure = FakeTalent.invalid("note", "too-long");
		MvcResult failed = this.mvc.perform(post(ranking + "/" + RECOMMENDED + "/decline").param("note", "长".repeat(1001))
			.with(manager()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", ranking + "/" + RECOMMENDED + "/decision?outcome=decline"))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-error-summary")))
			.andExpect(content().string(containsString("href=\"#note\"")))
			.andExpect(content().string(containsString("id=\"error-note\"")))
			.andExpect(content().string(containsString("aria-describedby=\"note-hint error-note\"")))
			.andExpect(content().string(containsString("长".repeat(1001))))
			.andExpect(content().string(containsString("action=\"" + ranking + "/" + RECOMMENDED + "/decline\"")));
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("There is a problem")));
		this.mvc.perform(get(ranking + "/" + RECOMMENDED + "/decision").param("outcome", "decline").with(manager()))
			.andExpect(content().string(not(containsString("data-error-summary"))));
		assertThat(this.talent.awards).isEmpty();
		assertThat(this.talent.declines).isEmpty();
	}

	@Test
	void aRejectedFormalCheckGoesBackToTheQueueWithTheRowsReasonsAsTypedAndTheMessageNextToThem() throws Exception {
		String queue = "/talent/manage/calls/" + CALL + "/formal-check";
		this.talent.failure = FakeTalent.invalid("reasons", "too-long");
		MvcResult failed = this.mvc.perform(post(queue + "/" + RANKED).param("decision", "RETURN")
			.param("reason", "劳动合同未签字")
			.with(manager()))
			.andExpect(status().isSeeOther())
			.andExpect(header().string("Location", queue))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-error-summary")))
			.andExpect(content().string(containsString("href=\"#reason-" + RANKED + "\"")))
			.andExpect(content().string(containsString("每条理由不超过 1000 字。")))
			.andExpect(content().string(containsString("id=\"error-reason-" + RANKED + "\"")))
			.andExpect(content().string(containsString("aria-describedby=\"error-reason-" + RANKED + "\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString(">劳动合同未签字</textarea>")));
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(manager()))
			.andExpect(content().string(containsString("Each reason may have at most 1000 characters.")));
		// a reload is a plain GET: no message, nothing sent again
		this.mvc.perform(get(queue).with(manager()))
			.andExpect(content().string(not(containsString("data-error-summary"))))
			.andExpect(content().string(not(containsString("劳动合同未签字"))));
		assertThat(this.talent.formalChecks).isEmpty();

		this.talent.failure = FakeTalent.refused("application.transition-not-allowed");
		failed = this.mvc.perform(post(queue + "/" + RANKED).param("decision", "PASS").with(manager()))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(manager()))
			.andExpect(content().string(containsString("该申报在当前状态下不能进行此操作。")));

		this.mvc.perform(post(queue + "/" + RANKED).param("decision", "PASS").with(manager()))
			.andExpect(header().string("Location", queue + "?done=PASS"));
		assertThat(this.talent.formalChecks).hasSize(1);
	}

	@Test
	void applicantsAndAuditorsCannotAwardOrDecline() throws Exception {
		String ranking = "/talent/manage/calls/" + CALL + "/ranking";
		for (JwtRequestPostProcessor user : List.of(applicant(), auditor())) {
			this.mvc.perform(get(ranking + "/" + RECOMMENDED + "/decision").param("outcome", "award").with(user))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(ranking + "/" + RECOMMENDED + "/award").with(user)).andExpect(status().isForbidden());
			this.mvc.perform(post(ranking + "/" + RECOMMENDED + "/decline").with(user))
				.andExpect(status().isForbidden());
		}
		assertThat(this.talent.awards).isEmpty();
		assertThat(this.talent.declines).isEmpty();
	}

	/** A complete form as the browser sends it: two categories ticked, one typed field. */
	private static MockHttpServletRequestBuilder validCall(MockHttpServletRequestBuilder request) {
		return request.params(callForm());
	}

	/** The complete form with some values replaced: field, value, field, value... */
	private static MockHttpServletRequestBuilder validCallWith(MockHttpServletRequestBuilder request,
			String... fieldsAndValues) {
		LinkedMultiValueMap<String, String> form = callForm();
		for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
			form.set(fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		return request.params(form);
	}

	private static LinkedMultiValueMap<String, String> callForm() {
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("title", "2026年度珠江人才计划（第二批）");
		form.add("opensAt", "2026-03-01T09:00");
		form.add("closesAt", "2026-05-31T23:59");
		form.addAll("priorityFields", List.of("visible-light-communication", "intelligent-industrial-robots"));
		form.add("otherFields", "海洋工程装备\r\n\r\nintelligent-industrial-robots\r\n");
		form.addAll("categories", List.of("TEAM_RND_INDUSTRIALISATION", "OVERSEAS_YOUNG_TALENT"));
		form.add("TEAM_RND_INDUSTRIALISATION.maxLeaderAge", "55");
		form.add("TEAM_RND_INDUSTRIALISATION.minTeamSize", "5");
		form.addAll("TEAM_RND_INDUSTRIALISATION.titles", List.of("PROFESSOR", "RESEARCHER"));
		form.add("TEAM_RND_INDUSTRIALISATION.leaderFullTime", "true");
		form.add("LEADING_TALENT.maxLeaderAge", "60");
		form.add("LEADING_TALENT.minTeamSize", "1");
		form.add("OVERSEAS_YOUNG_TALENT.maxLeaderAge", "");
		form.add("OVERSEAS_YOUNG_TALENT.minTeamSize", "1");
		form.add("OVERSEAS_YOUNG_TALENT.leaderFullTime", "true");
		form.add("OVERSEAS_YOUNG_TALENT.fieldMustBeInCall", "true");
		return form;
	}

	static JwtRequestPostProcessor auditor() {
		return jwt().jwt(jwt -> jwt.tokenValue("auditor-token")
			.subject("sub-auditor")
			.claim("preferred_username", "auditor")
			.claim("realm_access", Map.of("roles", List.of("auditor"))))
			.authorities(new KeycloakRealmRoleConverter());
	}

}
