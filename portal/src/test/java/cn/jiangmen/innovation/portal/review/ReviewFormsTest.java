package cn.jiangmen.innovation.portal.review;

import java.time.LocalDateTime;
import java.time.ZoneId;

import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;
import cn.jiangmen.innovation.contracts.project.v1.FieldKind;
import cn.jiangmen.innovation.contracts.review.v1.ExpertProfile;
import cn.jiangmen.innovation.portal.config.PortalSecurityConfiguration;
import cn.jiangmen.innovation.portal.project.ProjectPortalClient;
import cn.jiangmen.innovation.portal.web.FakePriorityFields;
import cn.jiangmen.innovation.portal.web.Prg;
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

import static cn.jiangmen.innovation.portal.review.ReviewPagesTest.user;
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
 * The review forms over a real in-process gRPC server standing in for review-service: a manager
 * opens a round (bad input named next to each field, nothing created), changes assignments,
 * conflicts and rapporteurs on the round page (a conflicted assignment refused with its reason);
 * an expert keeps their profile. Others are refused before any call.
 */
@WebMvcTest(controllers = { OpenRoundController.class, ReviewManagerController.class, ExpertProfileController.class })
@Import({ ReviewPagesTest.Config.class, PortalSecurityConfiguration.class, ReviewPortalClient.class,
		ProjectPortalClient.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class ReviewFormsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeReviewService review;

	@Autowired
	FakePriorityFields fields;

	static final JwtRequestPostProcessor MANAGER = user("manager", "program-manager");

	static final JwtRequestPostProcessor AUDITOR = user("auditor", "auditor");

	static final JwtRequestPostProcessor EXPERT = user("expert1", "expert");

	@BeforeEach
	void reset() {
		this.review.reset();
		this.fields.reset();
	}

	@Test
	void theOpenRoundPageListsItemsWaitingForARoundFilteredByProgramInChineseAndEnglish() throws Exception {
		this.mvc.perform(get("/review/rounds/new").with(MANAGER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("开启评审轮次")))
			.andExpect(content().string(containsString("可见光通信创新团队")))
			.andExpect(content().string(containsString("深海勘探装备专项")))
			// the usual rubric, in the manager's language, weights adding up to 100
			.andExpect(content().string(containsString("value=\"创新性\"")))
			.andExpect(content().string(containsString("北京时间（Asia/Shanghai）")))
			.andExpect(content().string(containsString("<legend>评分细则</legend>")))
			.andExpect(content().string(containsString("aria-label=\"第 1 项指标的权重（%）\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		this.mvc.perform(get("/review/rounds/new").param("context", "PROJECT").with(MANAGER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("深海勘探装备专项")))
			.andExpect(content().string(not(containsString("可见光通信创新团队"))));
		this.mvc.perform(get("/review/rounds/new").param("lang", "en").with(MANAGER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Open a review round")))
			.andExpect(content().string(containsString("value=\"Innovation\"")));
		assertThat(this.review.calls).containsExactly("awaiting OWNING_CONTEXT_UNSPECIFIED",
				"awaiting OWNING_CONTEXT_PROJECT", "awaiting OWNING_CONTEXT_UNSPECIFIED");
		this.mvc.perform(get("/review/rounds").with(MANAGER))
			.andExpect(content().string(containsString("href=\"/review/rounds/new\"")));
		this.mvc.perform(get("/review/rounds").with(AUDITOR))
			.andExpect(content().string(not(containsString("href=\"/review/rounds/new\""))));
	}

	@Test
	void badRoundInputIsNamedNextToEachFieldKeptAsTypedAndNothingIsCreated() throws Exception {
		MvcResult failed = this.mvc.perform(round("2026 第二批", "2020-01-01T09:00", "0")
			// rows 0 and 2 typed, row 1 left empty: the bad code is shown on row 2, not row 1
			.param("criteria[0].code", "innovation").param("criteria[0].name", "创新性").param("criteria[0].weight", "50")
			.param("criteria[1].code", "").param("criteria[1].name", "").param("criteria[1].weight", "")
			.param("criteria[2].code", "Team Work").param("criteria[2].name", "团队").param("criteria[2].weight", "30")
			.param("item", "await-t1", "await-p1"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/review/rounds/new"))
			.andReturn();
		// POST-redirect-GET: the form's page shows it as typed with a message next to each field
		this.mvc.perform(Prg.follow(failed).with(MANAGER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请修改以下问题")))
			.andExpect(content().string(containsString("各项指标的权重之和必须为 100%")))
			.andExpect(content().string(containsString("截止时间须晚于当前时间")))
			.andExpect(content().string(containsString("每个项目的评审专家人数须在 1 至 20 之间")))
			.andExpect(content().string(containsString("此项目属于另一计划")))
			.andExpect(content().string(containsString("id=\"error-rubric-criteria-2--code\"")))
			.andExpect(content().string(not(containsString("id=\"error-rubric-criteria-1--code\""))))
			.andExpect(content().string(containsString("aria-describedby=\"error-reviewers_per_item\"")))
			.andExpect(content().string(containsString("aria-describedby=\"deadline-hint error-deadline\"")))
			.andExpect(content().string(containsString("id=\"error-item-await-p1\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			// as typed
			.andExpect(content().string(containsString("value=\"2026 第二批\"")))
			.andExpect(content().string(containsString("value=\"Team Work\"")))
			.andExpect(content().string(containsString("value=\"2020-01-01T09:00\"")));
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(MANAGER))
			.andExpect(content().string(containsString("There is a problem")));
		// a reload: the blank form, nothing posted again
		this.mvc.perform(get("/review/rounds/new").with(MANAGER))
			.andExpect(content().string(not(containsString("data-error-summary"))));
		assertThat(this.review.opened).isEmpty();
		assertThat(this.review.calls.get(0)).contains("criteria=innovation:50/0 Team Work:30/0");
	}

	@Test
	void aGoodRoundOpensInTheBureausZoneAndIsAssignedAutomatically() throws Exception {
		this.mvc.perform(good().param("auto_assign", "on"))
			.andExpect(redirectedUrl("/review/rounds/round-1?conflicts=2&notice=opened-assigned&added=7&missing=1"));
		long deadline = LocalDateTime.of(2030, 1, 15, 17, 0).atZone(ZoneId.of("Asia/Shanghai")).toEpochSecond();
		assertThat(this.review.calls).containsExactly("open 2026 第二批人才评审 OWNING_CONTEXT_TALENT items=[await-t1, await-t2]"
				+ " criteria=innovation:60/3 team:40/0 scale=1-5 overall=6050 blind=true deadline=" + deadline
				+ " N=3 M=10 limit=1500", "auto round-1");
		this.mvc.perform(get("/review/rounds/round-1?conflicts=2&notice=opened-assigned&added=7&missing=1").with(MANAGER))
			.andExpect(content().string(containsString("评审轮次已开启，检测到 2 项利益冲突；已新增 7 项分配，仍有 1 个项目专家人数不足")));

		this.review.reset();
		this.mvc.perform(good()).andExpect(redirectedUrl("/review/rounds/round-1?conflicts=2&notice=opened"));
		assertThat(this.review.calls).hasSize(1).allMatch(c -> c.startsWith("open ") && c.contains("blind=true"));
		this.mvc.perform(get("/review/rounds/round-1?conflicts=2&notice=opened").with(MANAGER))
			.andExpect(content().string(containsString("评审轮次已开启，检测到 2 项利益冲突。请在下方分配专家。")));
	}

	@Test
	void onlyManagersOpenRounds() throws Exception {
		this.mvc.perform(get("/review/rounds/new").with(AUDITOR)).andExpect(status().isForbidden());
		this.mvc.perform(get("/review/rounds/new").with(EXPERT)).andExpect(status().isForbidden());
		this.mvc.perform(good(AUDITOR)).andExpect(status().isForbidden());
		this.mvc.perform(good(EXPERT)).andExpect(status().isForbidden());
		assertThat(this.review.calls).isEmpty();
	}

	@Test
	void onTheRoundPageAManagerAssignsRemovesRecordsConflictsAndNamesRapporteurs() throws Exception {
		this.mvc.perform(get("/review/rounds/round-1").with(MANAGER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("手动分配与利益冲突")))
			.andExpect(content().string(containsString("/review/rounds/round-1/assignments/a-2/remove")))
			// a submitted review cannot be removed: no button
			.andExpect(content().string(not(containsString("/review/rounds/round-1/assignments/a-1/remove"))))
			.andExpect(content().string(containsString("aria-label=\"移除 周专家 对 轨道交通信号团队 的评审分配\"")))
			.andExpect(content().string(containsString("<label class=\"visually-hidden\" for=\"rapporteur-item-1\">LED 背光模组团队 的主审专家</label>")));
		this.mvc.perform(get("/review/rounds/round-1").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("手动分配与利益冲突"))))
			.andExpect(content().string(not(containsString("/remove"))));

		// a conflicted assignment: refused with its reason, the choice kept (POST-redirect-GET)
		MvcResult refused = this.mvc.perform(post("/review/rounds/round-1/assignments").with(MANAGER).with(csrf())
			.param("item_id", "item-1").param("expert", "sub-expert5"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/review/rounds/round-1"))
			.andReturn();
		this.mvc.perform(Prg.follow(refused).with(MANAGER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该专家与此项目存在利益冲突（见下方利益冲突列表），不能分配。")))
			.andExpect(content().string(containsString("<option value=\"sub-expert5\" selected=\"selected\">周专家</option>")));
		MvcResult rejected = this.mvc.perform(post("/review/rounds/round-1/assignments").with(MANAGER).with(csrf())
			.param("item_id", "item-1"))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(rejected).with(MANAGER))
			.andExpect(content().string(containsString("data-error-summary")))
			.andExpect(content().string(containsString("href=\"#assign-expert\"")))
			.andExpect(content().string(containsString("<span class=\"field-error__text\">请选择专家。</span>")))
			.andExpect(content().string(containsString("aria-describedby=\"error-assign-expert\"")));
		this.mvc.perform(Prg.follow(rejected).param("lang", "en").with(MANAGER))
			.andExpect(content().string(containsString("There is a problem")));
		this.mvc.perform(get("/review/rounds/round-1").with(MANAGER))
			.andExpect(content().string(not(containsString("data-error-summary"))));
		this.mvc.perform(post("/review/rounds/round-1/assignments").with(MANAGER).with(csrf())
			.param("item_id", "item-2").param("expert", "sub-expert1"))
			.andExpect(redirectedUrl("/review/rounds/round-1?notice=assigned-one"));
		this.mvc.perform(get("/review/rounds/round-1?notice=assigned-one").with(MANAGER))
			.andExpect(content().string(containsString("已分配该专家。")));

		this.mvc.perform(post("/review/rounds/round-1/assignments/a-2/remove").with(MANAGER).with(csrf()))
			.andExpect(redirectedUrl("/review/rounds/round-1?notice=unassigned"));
		MvcResult submitted = this.mvc.perform(post("/review/rounds/round-1/assignments/a-1/remove").with(MANAGER)
			.with(csrf()))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(submitted).with(MANAGER))
			.andExpect(content().string(containsString("该专家已提交此项目的评审意见")));

		MvcResult noDetail = this.mvc.perform(post("/review/rounds/round-1/conflicts").with(MANAGER).with(csrf())
			.param("item_id", "item-2").param("expert", "sub-expert5").param("detail", " "))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(noDetail).with(MANAGER))
			.andExpect(content().string(containsString("id=\"error-conflict-detail\"")))
			.andExpect(content().string(containsString("请说明原因")));
		this.mvc.perform(post("/review/rounds/round-1/conflicts").with(MANAGER).with(csrf())
			.param("item_id", "item-2").param("expert", "sub-expert5").param("detail", "同一课题组"))
			.andExpect(redirectedUrl("/review/rounds/round-1?notice=conflict-added"));

		this.mvc.perform(post("/review/rounds/round-1/rapporteur").with(MANAGER).with(csrf())
			.param("item_id", "item-2").param("expert", "sub-expert5"))
			.andExpect(redirectedUrl("/review/rounds/round-1?notice=rapporteur-set"));

		assertThat(this.review.calls).containsExactly("assign item-1 sub-expert5", "assign item-1 ",
				"assign item-2 sub-expert1", "remove round-1 a-2", "remove round-1 a-1", "conflict item-2 sub-expert5  ",
				"conflict item-2 sub-expert5 同一课题组", "rapporteur item-2 sub-expert5");
	}

	@Test
	void auditorsAndExpertsChangeNothingOnTheRoundPage() throws Exception {
		for (JwtRequestPostProcessor who : new JwtRequestPostProcessor[] { AUDITOR, EXPERT }) {
			this.mvc.perform(post("/review/rounds/round-1/assignments").with(who).with(csrf())
				.param("item_id", "item-2").param("expert", "sub-expert1")).andExpect(status().isForbidden());
			this.mvc.perform(post("/review/rounds/round-1/assignments/a-2/remove").with(who).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/review/rounds/round-1/conflicts").with(who).with(csrf())
				.param("item_id", "item-2").param("expert", "sub-expert5").param("detail", "x")).andExpect(status().isForbidden());
			this.mvc.perform(post("/review/rounds/round-1/rapporteur").with(who).with(csrf())
				.param("item_id", "item-2").param("expert", "sub-expert5")).andExpect(status().isForbidden());
		}
		assertThat(this.review.calls).isEmpty();
	}

	@Test
	void anExpertKeepsTheirProfileBadRowsNamedWhereTheyWereTyped() throws Exception {
		this.mvc.perform(get("/review/profile").with(EXPERT))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您尚未建立专家档案")))
			.andExpect(content().string(containsString("半导体照明(LED背光源模块化技术)")))
			.andExpect(content().string(containsString("<legend>曾任职单位</legend>")))
			.andExpect(content().string(containsString("aria-label=\"第 1 个曾任职单位的终止年份\"")))
			// organisations are chosen by name from the directory; people by name and organisation: no id, no key typed
			.andExpect(content().string(containsString("<option value=\"五邑大学\"></option>")))
			.andExpect(content().string(containsString("list=\"organisation-names\"")))
			.andExpect(content().string(not(containsString("name=\"current[0].id\""))))
			.andExpect(content().string(containsString("共同申报人姓名")))
			.andExpect(content().string(containsString("aria-label=\"第 1 项共同申报的申报人所在单位\"")))
			.andExpect(content().string(containsString("aria-label=\"第 1 项关系的人员姓名\"")))
			.andExpect(content().string(not(containsString("name=\"joint[0].key\""))))
			.andExpect(content().string(not(containsString("人员标识，或"))))
			// nor a key for the expert themself: their name at their organisations recognises them on a team
			.andExpect(content().string(not(containsString("name=\"person_key\""))))
			.andExpect(content().string(containsString("aria-describedby=\"display-name-hint\"")))
			.andExpect(content().string(containsString("系统据此及下方现任和近年任职单位识别您是否为申报团队成员")))
			.andExpect(content().string(containsString("href=\"/review/profile\" aria-current=\"page\"")));

		// a rejected save is POST-redirect-GET: the page after the redirect shows the form as typed,
		// the summary and each message next to its field; a reload posts nothing again
		MvcResult failed = this.mvc.perform(profile().param("email", "chen.example.org")
			.param("past[0].id", "").param("past[0].name", "").param("past[0].from", "").param("past[0].until", "")
			.param("past[1].name", "江门市光电科技有限公司")
			.param("past[1].from", "2015").param("past[1].until", "2012")
			.param("joint[1].organisation", "五邑大学").param("joint[1].year", "2023"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/review/profile"))
			.andReturn();
		assertThat(this.review.profile).isNull();
		MvcResult page = this.mvc.perform(Prg.follow(failed).with(EXPERT))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-error-summary")))
			.andExpect(content().string(containsString("请填写有效的电子邮箱")))
			.andExpect(content().string(containsString("id=\"error-past-1--until_year\"")))
			.andExpect(content().string(containsString("请填写离职年份：不早于入职年份，不晚于今年。")))
			.andExpect(content().string(containsString("value=\"chen.example.org\"")))
			// the second joint row: a year and an organisation but nobody named
			.andExpect(content().string(containsString("id=\"error-joint-1--person_name\"")))
			.andExpect(content().string(containsString("请填写共同申报人的姓名。")))
			.andExpect(content().string(containsString("name=\"joint[0].person\" value=\"李明\"")))
			.andExpect(content().string(not(containsString("您的专家档案已保存"))))
			.andReturn();
		assertThat(page.getResponse().getContentAsString())
			.containsPattern("name=\"joint\\[1]\\.person\"[^>]*aria-describedby=\"error-joint-1--person_name\"[^>]*aria-invalid=\"true\"");
		// GOV.UK order: label, hint, message, input (the message above the control it belongs to)
		String html = page.getResponse().getContentAsString();
		assertThat(html.indexOf("id=\"display-name-hint\"")).isLessThan(html.indexOf("id=\"display_name\""));
		assertThat(html.indexOf("id=\"error-email\"")).isLessThan(html.indexOf("id=\"email\""));
		assertThat(html.indexOf("id=\"error-joint-1--person_name\"")).isLessThan(html.indexOf("name=\"joint[1].person\""));
		assertThat(html.indexOf("id=\"error-past-1--until_year\"")).isLessThan(html.indexOf("name=\"past[1].until\""));
		this.mvc.perform(get("/review/profile").with(EXPERT))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-error-summary"))));
		assertThat(this.review.calls).containsOnlyOnce("save-profile");

		// the language switch works on the page after the redirect
		MvcResult unknown = this.mvc.perform(profile().param("email", "chen@example.org")
			.param("past[0].name", "光电科技").param("past[0].from", "2008").param("past[0].until", "2014")
			.param("relation[1].kind", "PERSON").param("relation[1].person", "王五").param("relation[1].organisation", "五邑"))
			.andExpect(redirectedUrl("/review/profile"))
			.andReturn();
		assertThat(this.review.calls).as("names the directory does not know: nothing is sent").containsOnlyOnce("save-profile");
		this.mvc.perform(Prg.follow(unknown).param("lang", "en").with(EXPERT))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-past-0--organisation_name\"")))
			.andExpect(content().string(containsString("id=\"error-relation-1--organisation_name\"")))
			.andExpect(content().string(containsString("Choose an organisation the directory knows")))
			.andExpect(content().string(containsString("value=\"光电科技\"")))
			.andExpect(content().string(containsString("value=\"王五\"")));

		this.mvc.perform(profile().param("email", "chen@example.org")
			.param("past[0].name", " 江门市光电科技有限公司 ").param("past[0].from", "2008").param("past[0].until", "2014")
			.param("relation[1].kind", "PERSON").param("relation[1].person", "王五").param("relation[1].organisation", "五邑大学")
			.param("relation[1].note", "我的博士生"))
			.andExpect(redirectedUrl("/review/profile?notice=saved"));
		var saved = this.review.profile;
		assertThat(saved.getFieldCodesList()).containsExactly("semiconductor-lighting", "visible-light-communication",
				"led-packaging");
		assertThat(saved.getDisplayName()).isEqualTo("陈专家");
		assertThat(saved.getPersonKey()).as("no key of the expert's own is sent").isEmpty();
		assertThat(saved.getAffiliationsList()).extracting(a -> a.getOrganisationName() + ":" + a.getFromYear() + "-" + a.getUntilYear())
			.containsExactly("五邑大学:2016-0", "江门市光电科技有限公司:2008-2014");
		assertThat(saved.getAffiliationsList()).extracting(a -> a.getOrganisationId())
			.as("the directory's ids")
			.containsExactly("7d1c2a8e-0000-4000-8000-000000000002", "7d1c2a8e-0000-4000-8000-000000000001");
		assertThat(saved.getCoApplications(0)).satisfies(c -> {
			assertThat(c.getPersonName()).isEqualTo("李明");
			assertThat(c.getOrganisationName()).isEqualTo("江门市光电科技有限公司");
			assertThat(c.getOrganisationId()).isEqualTo("7d1c2a8e-0000-4000-8000-000000000001");
			assertThat(c.getPersonKey()).as("review-service derives the key").isEmpty();
		});
		assertThat(saved.getRelationships(0).getKind().name()).isEqualTo("RELATIONSHIP_KIND_ORGANISATION");
		assertThat(saved.getRelationships(0).getReference()).as("the organisation chosen by name, sent by id")
			.isEqualTo("7d1c2a8e-0000-4000-8000-000000000001");
		assertThat(saved.getRelationships(1)).satisfies(r -> {
			assertThat(r.getKind().name()).isEqualTo("RELATIONSHIP_KIND_PERSON");
			assertThat(r.getPersonName()).isEqualTo("王五");
			assertThat(r.getOrganisationId()).isEqualTo("7d1c2a8e-0000-4000-8000-000000000002");
			assertThat(r.getOrganisationName()).isEqualTo("五邑大学");
			assertThat(r.getReference()).isEmpty();
		});

		this.mvc.perform(get("/review/profile?notice=saved").with(EXPERT))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您的专家档案已保存。")))
			.andExpect(content().string(not(containsString("您尚未建立专家档案"))))
			.andExpect(content().string(containsString("value=\"led-packaging\"")))
			.andExpect(content().string(containsString("name=\"relation[0].organisation\" value=\"江门市光电科技有限公司\"")))
			.andExpect(content().string(containsString("name=\"relation[1].person\" value=\"王五\"")))
			.andExpect(content().string(containsString("value=\"五邑大学\"")));
	}

	@Test
	void theFieldsOfExpertiseAreProjectServicesFieldsWithOneAddedByAnAdminAndARetiredOneOnlyWhereTheExpertHasIt()
			throws Exception {
		// an admin added a field and retired two; the expert has one of the retired ones
		this.fields.add("deep-sea-mining-equipment", FieldKind.FIELD_KIND_CITY, "深海采矿装备", "Deep-sea mining equipment");
		this.fields.retire("motorcycle-power-systems");
		this.fields.retire("marine-engineering-equipment");
		this.review.profile = ExpertProfile.newBuilder()
			.setSubject("sub-expert1")
			.setUsername("expert1")
			.setDisplayName("陈专家")
			.addFieldCodes("marine-engineering-equipment")
			.addFieldCodes("led-packaging")
			.build();
		MvcResult page = this.mvc.perform(get("/review/profile").with(EXPERT))
			.andExpect(status().isOk())
			// the added field is on the last page project-service answers: every page is read
			.andExpect(content().string(containsString("深海采矿装备")))
			.andExpect(content().string(containsString("轨道交通装备")))
			.andExpect(content().string(containsString("海洋工程装备(近海打捞、深海勘探、远洋装备、港口设备)（已停用）")))
			.andExpect(content().string(not(containsString("value=\"motorcycle-power-systems\""))))
			.andExpect(content().string(not(containsString("摩托车尾气排放"))))
			// a code that is no priority field stays typed text
			.andExpect(content().string(containsString("id=\"other_fields\" name=\"other_fields\" maxlength=\"500\" spellcheck=\"false\" value=\"led-packaging\"")))
			.andReturn();
		assertThat(page.getResponse().getContentAsString())
			.containsPattern("name=\"field\" value=\"marine-engineering-equipment\" checked=\"checked\"")
			.containsPattern("name=\"field\" value=\"deep-sea-mining-equipment\">");
		assertThat(this.fields.tokens).containsExactly("", "4", "8");
		this.mvc.perform(get("/review/profile").param("lang", "en").with(EXPERT))
			.andExpect(content().string(containsString("Deep-sea mining equipment")))
			.andExpect(content().string(containsString(
					"Marine engineering equipment (offshore salvage, deep-sea exploration, ocean-going and port equipment) (retired)")))
			.andExpect(content().string(not(containsString("Motorcycle emissions"))));

		// an expert without the retired field is not offered it
		this.review.profile = this.review.profile.toBuilder().clearFieldCodes().addFieldCodes("rail-transit-equipment").build();
		this.mvc.perform(get("/review/profile").with(EXPERT))
			.andExpect(content().string(not(containsString("value=\"marine-engineering-equipment\""))))
			.andExpect(content().string(containsString("深海采矿装备")));

		// a save keeps the retired field the expert left ticked, with the new one
		this.review.profile = null;
		this.mvc.perform(profile().param("email", "chen@example.org")
			.param("field", "marine-engineering-equipment", "deep-sea-mining-equipment"))
			.andExpect(redirectedUrl("/review/profile?notice=saved"));
		assertThat(this.review.profile.getFieldCodesList()).containsExactly("semiconductor-lighting",
				"visible-light-communication", "marine-engineering-equipment", "deep-sea-mining-equipment",
				"led-packaging");
	}

	@Test
	void aProfileSavedWithPersonKeysStaysReadableAndKeepsItsKeysUntilANameIsGiven() throws Exception {
		this.review.profile = cn.jiangmen.innovation.contracts.review.v1.ExpertProfile.newBuilder()
			.setSubject("sub-expert1").setUsername("expert1").setDisplayName("陈专家").setPersonKey("nb:陈专家|1960-05-01")
			.addCoApplications(cn.jiangmen.innovation.contracts.review.v1.ExpertCoApplication.newBuilder()
				.setPersonKey("nb:林涛|1970-02-14").setYear(2019))
			.addRelationships(cn.jiangmen.innovation.contracts.review.v1.ExpertRelationship.newBuilder()
				.setKind(cn.jiangmen.innovation.contracts.review.v1.RelationshipKind.RELATIONSHIP_KIND_PERSON)
				.setReference("pk-cousin").setNote("表兄"))
			.build();
		this.mvc.perform(get("/review/profile").with(EXPERT))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此前以人员标识 nb:林涛|1970-02-14 填写，仍用于回避检查")))
			.andExpect(content().string(containsString("name=\"joint[0].key\" value=\"nb:林涛|1970-02-14\"")))
			.andExpect(content().string(containsString("name=\"relation[0].key\" value=\"pk-cousin\"")))
			// the expert's own old key is not shown (review-service keeps it when a save sends none)
			.andExpect(content().string(not(containsString("nb:陈专家|1960-05-01"))));
		// the key's hint sits above the name input it describes, not under it (GOV.UK order)
		String keyed = this.mvc.perform(get("/review/profile").with(EXPERT)).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(keyed.indexOf("id=\"joint-0-key\"")).isPositive().isLessThan(keyed.indexOf("name=\"joint[0].person\""));
		assertThat(keyed.indexOf("id=\"relation-0-key\"")).isPositive()
			.isLessThan(keyed.indexOf("name=\"relation[0].person\""));
		// saved again untouched: the keys go back as they were; a name given replaces the key
		this.mvc.perform(post("/review/profile").with(EXPERT).with(csrf())
			.param("display_name", "陈专家")
			.param("joint[0].key", "nb:林涛|1970-02-14").param("joint[0].year", "2019")
			.param("relation[0].kind", "PERSON").param("relation[0].key", "pk-cousin").param("relation[0].note", "表兄")
			.param("relation[0].person", "赵六").param("relation[0].organisation", "五邑大学"))
			.andExpect(redirectedUrl("/review/profile?notice=saved"));
		assertThat(this.review.profile.getCoApplications(0).getPersonKey()).isEqualTo("nb:林涛|1970-02-14");
		assertThat(this.review.profile.getPersonKey()).isEmpty();
		assertThat(this.review.profile.getCoApplications(0).getPersonName()).isEmpty();
		assertThat(this.review.profile.getRelationships(0).getReference()).isEmpty();
		assertThat(this.review.profile.getRelationships(0).getPersonName()).isEqualTo("赵六");
	}

	@Test
	void theFlashOfAFailedProfileCarriesOnlyTheProfilesInputs() {
		org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		params.add("_csrf", "token");
		params.add("email", "chen.example.org");
		params.add("field", "semiconductor-lighting");
		params.add("field", "visible-light-communication");
		params.add("joint[0].person", "李明");
		params.add("anything", "else");
		assertThat(FailedProfile.of(params, java.util.List.of()).typed())
			.containsOnlyKeys("email", "field", "joint[0].person")
			.containsEntry("field", java.util.List.of("semiconductor-lighting", "visible-light-communication"));
	}

	@Test
	void onlyExpertsHaveAProfilePage() throws Exception {
		this.mvc.perform(get("/review/profile").with(MANAGER)).andExpect(status().isForbidden());
		this.mvc.perform(profile(MANAGER)).andExpect(status().isForbidden());
		this.mvc.perform(get("/review/profile").with(user("applicant1", "applicant"))).andExpect(status().isForbidden());
		assertThat(this.review.calls).isEmpty();
	}

	private MockHttpServletRequestBuilder round(String name, String deadline, String reviewers) {
		return round(MANAGER, name, deadline, reviewers);
	}

	private MockHttpServletRequestBuilder round(JwtRequestPostProcessor who, String name, String deadline, String reviewers) {
		return post("/review/rounds/new").with(who)
			.with(csrf())
			.param("name", name)
			.param("owning_context", "TALENT")
			.param("blind", "on")
			.param("deadline", deadline)
			.param("scale_min", "1")
			.param("scale_max", "5")
			.param("overall_threshold", "60.5")
			.param("reviewers_per_item", reviewers)
			.param("max_items_per_expert", "10")
			.param("disagreement_limit", "15");
	}

	private MockHttpServletRequestBuilder good() {
		return good(MANAGER);
	}

	private MockHttpServletRequestBuilder good(JwtRequestPostProcessor who) {
		return round(who, "2026 第二批人才评审", "2030-01-15T17:00", "3")
			.param("criteria[0].code", "innovation").param("criteria[0].name", "创新性").param("criteria[0].weight", "60")
			.param("criteria[0].threshold", "3")
			.param("criteria[1].code", "team").param("criteria[1].name", "团队").param("criteria[1].weight", "40")
			.param("criteria[2].code", "").param("criteria[2].name", "").param("criteria[2].weight", "")
			.param("criteria[2].threshold", "")
			.param("item", "await-t1", "await-t2");
	}

	private MockHttpServletRequestBuilder profile() {
		return profile(EXPERT);
	}

	private MockHttpServletRequestBuilder profile(JwtRequestPostProcessor who) {
		return post("/review/profile").with(who)
			.with(csrf())
			.param("display_name", "陈专家")
			.param("field", "semiconductor-lighting", "visible-light-communication")
			.param("other_fields", "led-packaging, semiconductor-lighting")
			.param("current[0].name", "五邑大学")
			.param("current[0].from", "2016")
			.param("joint[0].person", "李明")
			.param("joint[0].organisation", "江门市光电科技有限公司")
			.param("joint[0].year", "2024")
			.param("relation[0].kind", "ORGANISATION")
			.param("relation[0].organisation", "江门市光电科技有限公司")
			.param("relation[0].note", "配偶任职");
	}

}
