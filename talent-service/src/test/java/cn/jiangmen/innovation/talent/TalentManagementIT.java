package cn.jiangmen.innovation.talent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.AwardApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.CallCategory;
import cn.jiangmen.innovation.contracts.talent.v1.CallStatus;
import cn.jiangmen.innovation.contracts.talent.v1.Category;
import cn.jiangmen.innovation.contracts.talent.v1.CreateCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeclineApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.OpenCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ProfessionalTitle;
import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.talent.TalentWorkflowIT.Documents;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bureau's side against real PostgreSQL and Keycloak tokens: calls created and opened over gRPC
 * (as the portal does), award and decline of recommended applications over gRPC, and the ranking
 * exported as XLSX over REST and read back with POI. Applicants are refused every one of these.
 */
class TalentManagementIT extends ServiceIntegrationTest {

	static final Path ATTACHMENTS = Path.of("target", "it-attachments-" + UUID.randomUUID());

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "talent_it");
		registry.add("talent.attachments.old-folder", ATTACHMENTS::toString);
	}

	@Autowired
	JdbcClient jdbc;

	Http api;

	@BeforeEach
	void clean() {
		this.jdbc.sql("delete from talent_application").update();
		this.jdbc.sql("delete from talent_call").update();
		this.api = new Http("http://localhost:" + this.port);
	}

	@Test
	void aManagerCreatesAndOpensACallOverGrpcAndTheCallIsAudited() {
		Instant opens = Instant.parse("2026-03-01T00:00:00Z");
		Instant closes = Instant.parse("2026-05-31T15:59:59Z");
		TalentCall created = stub("manager").createCall(CreateCallRequest.newBuilder()
			.setTitle(" 2026年度珠江人才计划（江门） ")
			.addCategories(CallCategory.newBuilder()
				.setCategory(Category.CATEGORY_TEAM_RND_INDUSTRIALISATION)
				.setMaxLeaderAge(55)
				.setMinTeamSize(5)
				.addRequiredLeaderTitles(ProfessionalTitle.PROFESSIONAL_TITLE_PROFESSOR)
				.addRequiredLeaderTitles(ProfessionalTitle.PROFESSIONAL_TITLE_RESEARCHER)
				.setLeaderFullTime(true)
				.setFieldMustBeInCall(true))
			.addCategories(CallCategory.newBuilder().setCategory(Category.CATEGORY_OVERSEAS_YOUNG_TALENT).setMinTeamSize(1))
			.addPriorityFields("visible-light-communication")
			.addPriorityFields("marine-engineering-equipment")
			.setOpensAt(timestamp(opens))
			.setClosesAt(timestamp(closes))
			.build()).getCall();
		assertThat(created.getStatus()).isEqualTo(CallStatus.CALL_STATUS_DRAFT);
		assertThat(created.getTitle()).isEqualTo("2026年度珠江人才计划（江门）");
		assertThat(created.getClosesAt()).isEqualTo(timestamp(closes));
		assertThat(created.getPriorityFieldsList()).containsExactly("visible-light-communication",
				"marine-engineering-equipment");
		assertThat(created.getCategoriesList()).hasSize(2).anySatisfy(c -> {
			assertThat(c.getCategory()).isEqualTo(Category.CATEGORY_TEAM_RND_INDUSTRIALISATION);
			assertThat(c.getMaxLeaderAge()).isEqualTo(55);
			assertThat(c.getMinTeamSize()).isEqualTo(5);
			assertThat(c.getRequiredLeaderTitlesList()).containsExactly(ProfessionalTitle.PROFESSIONAL_TITLE_PROFESSOR,
					ProfessionalTitle.PROFESSIONAL_TITLE_RESEARCHER);
		}).anySatisfy(c -> {
			assertThat(c.getCategory()).isEqualTo(Category.CATEGORY_OVERSEAS_YOUNG_TALENT);
			assertThat(c.getMaxLeaderAge()).as("0 is no age limit").isZero();
			assertThat(c.getLeaderFullTime()).isFalse();
		});
		assertThat(stub("applicant1").listCalls(ListCallsRequest.getDefaultInstance()).getCallsList())
			.as("a draft is not shown to applicants")
			.isEmpty();

		TalentCall opened = stub("manager")
			.openCall(OpenCallRequest.newBuilder().setCallId(created.getCallId()).build())
			.getCall();
		assertThat(opened.getStatus()).isEqualTo(CallStatus.CALL_STATUS_OPEN);
		assertThat(stub("applicant1").listCalls(ListCallsRequest.getDefaultInstance()).getCallsList())
			.extracting(TalentCall::getCallId)
			.containsExactly(created.getCallId());
		assertThatThrownBy(
				() -> stub("manager").openCall(OpenCallRequest.newBuilder().setCallId(created.getCallId()).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
		assertThat(this.jdbc.sql("select action from audit_log where object_type = 'talent_call' and object_id = :id"
				+ " order by occurred_at")
			.param("id", created.getCallId())
			.query(String.class)
			.list()).containsExactly("talent.call.created", "talent.call.opened");
	}

	@Test
	void badCallInputIsNamedFieldByFieldAndNothingIsCreated() {
		long audits = callAudits();
		CreateCallRequest bad = CreateCallRequest.newBuilder()
			.setTitle(" ")
			.addCategories(CallCategory.newBuilder().setCategory(Category.CATEGORY_LEADING_TALENT).setMaxLeaderAge(12).setMinTeamSize(0))
			.addCategories(CallCategory.newBuilder()
				.setCategory(Category.CATEGORY_TEAM_APPLIED_BASIC_RESEARCH)
				.setMinTeamSize(3)
				.addRequiredLeaderTitlesValue(99))
			.addCategories(CallCategory.newBuilder().setCategoryValue(99).setMinTeamSize(1))
			.addPriorityFields("intelligent-industrial-robots")
			.addPriorityFields("海洋工程装备")
			.setOpensAt(timestamp(Instant.parse("2026-05-01T00:00:00Z")))
			.setClosesAt(timestamp(Instant.parse("2026-04-01T00:00:00Z")))
			.build();
		assertThatThrownBy(() -> stub("manager").createCall(bad)).isInstanceOfSatisfying(StatusRuntimeException.class,
				ex -> {
					assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
					assertThat(GrpcChannels.fieldViolations(ex)).containsExactlyInAnyOrder(
							"categories[LEADING_TALENT].maxLeaderAge", "categories[LEADING_TALENT].minTeamSize",
							"categories[TEAM_APPLIED_BASIC_RESEARCH].requiredLeaderTitles", "categories[99]",
							"title", "closesAt", "priorityFields[1]");
				});
		assertThatThrownBy(() -> stub("manager").createCall(CreateCallRequest.newBuilder().setTitle("x").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> assertThat(GrpcChannels.fieldViolations(ex))
				.containsExactlyInAnyOrder("categories", "priorityFields", "opensAt", "closesAt"));
		assertThat(calls()).isZero();
		assertThat(callAudits()).isEqualTo(audits);
	}

	@Test
	void applicantsAndAuditorsCannotCreateOrOpenCalls() {
		String draft = createCall(false);
		CreateCallRequest good = callRequest();
		for (String user : List.of("applicant1", "auditor")) {
			assertThatThrownBy(() -> stub(user).createCall(good)).isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
			assertThatThrownBy(() -> stub(user).createCall(CreateCallRequest.getDefaultInstance()))
				.as("refused before the input is looked at")
				.isInstanceOfSatisfying(StatusRuntimeException.class,
						ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
			assertThatThrownBy(() -> stub(user).openCall(OpenCallRequest.newBuilder().setCallId(draft).build()))
				.isInstanceOfSatisfying(StatusRuntimeException.class,
						ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
		assertThat(calls()).isEqualTo(1);
		assertThat(this.api.get("/api/talent/calls/" + draft, token("manager")).json().get("status").asString())
			.isEqualTo("DRAFT");
	}

	@Test
	void recommendedApplicationsAreAwardedOrDeclinedByManagersOnly() {
		String callId = createCall(true);
		String first = ranked(callId, "applicant1", "Visible-light communication team", 1, 8125);
		String second = ranked(callId, "applicant2", "Robot arm team", 2, 7650);
		for (String id : List.of(first, second)) {
			assertThat(this.api.post("/api/talent/applications/" + id + "/recommend", token("manager"), null)
				.json()
				.get("status")
				.asString()).isEqualTo("RECOMMENDED");
		}
		assertThatThrownBy(() -> stub("applicant1")
			.awardApplication(AwardApplicationRequest.newBuilder().setApplicationId(first).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> stub("auditor")
			.declineApplication(DeclineApplicationRequest.newBuilder().setApplicationId(second).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> stub("manager").awardApplication(
				AwardApplicationRequest.newBuilder().setApplicationId(first).setNote("x".repeat(1001)).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("note");
			});
		assertThat(status(first)).isEqualTo("RECOMMENDED");

		assertThat(stub("manager")
			.awardApplication(
					AwardApplicationRequest.newBuilder().setApplicationId(first).setNote("粤科函〔2026〕12号").build())
			.getApplication()
			.getStatus()).isEqualTo(ApplicationStatus.APPLICATION_STATUS_AWARDED);
		assertThat(stub("manager")
			.declineApplication(DeclineApplicationRequest.newBuilder().setApplicationId(second).build())
			.getApplication()
			.getStatus()).isEqualTo(ApplicationStatus.APPLICATION_STATUS_DECLINED);
		assertThat(this.api.get("/api/talent/applications/" + first, token("manager"))
			.json()
			.get("application")
			.get("decisionNote")
			.asString()).isEqualTo("粤科函〔2026〕12号");
		assertThatThrownBy(() -> stub("manager")
			.declineApplication(DeclineApplicationRequest.newBuilder().setApplicationId(first).build()))
			.as("an awarded application is decided")
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
		assertThat(actions(first)).endsWith("talent.application.recommended", "talent.application.awarded");
		assertThat(actions(second)).endsWith("talent.application.recommended", "talent.application.declined");
	}

	@Test
	void theRankingDownloadsAsAWorkbookWithNumbersAsNumbersAndTextNeverAsFormula() throws IOException {
		String callId = createCall(true);
		String first = ranked(callId, "applicant1", "=HYPERLINK(\"http://evil.example\",\"可见光通信\")", 1, 8125);
		String second = ranked(callId, "applicant2", "Robot arm team", 2, 7650);
		this.api.post("/api/talent/applications/" + first + "/recommend", token("manager"), null);

		Http.Reply download = this.api.get("/api/talent/calls/" + callId + "/ranking.xlsx", token("auditor"));
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		assertThat(download.header("Content-Type")).isEqualTo(XLSX);
		assertThat(download.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"ranking-" + callId + ".xlsx\"; filename*=UTF-8''ranking-" + callId
					+ ".xlsx");
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(3);
			Row header = sheet.getRow(0);
			List<String> names = new ArrayList<>();
			header.forEach(cell -> names.add(cell.getStringCellValue()));
			assertThat(names).containsExactly("rank", "application_id", "title", "category", "host", "credit_code",
					"leader", "score", "passed_thresholds", "status");
			assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
			assertThat(sheet.getPaneInformation()).isNotNull().satisfies(pane -> {
				assertThat(pane.isFreezePane()).isTrue();
				assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
			});
			assertThat(sheet.getColumnWidth(2)).as("the title column is wider than the rank column")
				.isGreaterThan(sheet.getColumnWidth(0));

			Row top = sheet.getRow(1);
			assertThat(top.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(top.getCell(0).getNumericCellValue()).isEqualTo(1.0);
			assertThat(top.getCell(1).getStringCellValue()).isEqualTo(first);
			Cell title = top.getCell(2);
			assertThat(title.getCellType()).as("typed text stays text").isEqualTo(CellType.STRING);
			assertThat(title.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"可见光通信\")");
			assertThat(top.getCell(3).getStringCellValue()).isEqualTo("TEAM_RND_INDUSTRIALISATION");
			assertThat(top.getCell(5).getStringCellValue()).isEqualTo("91440703MA4UJM0L1T");
			assertThat(top.getCell(6).getStringCellValue()).isEqualTo("李明");
			assertThat(top.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(top.getCell(7).getNumericCellValue()).isEqualTo(81.25);
			assertThat(top.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.00");
			assertThat(top.getCell(8).getCellType()).isEqualTo(CellType.BOOLEAN);
			assertThat(top.getCell(8).getBooleanCellValue()).isTrue();
			assertThat(top.getCell(9).getStringCellValue()).isEqualTo("RECOMMENDED");

			Row next = sheet.getRow(2);
			assertThat(next.getCell(0).getNumericCellValue()).isEqualTo(2.0);
			assertThat(next.getCell(1).getStringCellValue()).isEqualTo(second);
			assertThat(next.getCell(7).getNumericCellValue()).isEqualTo(76.5);
			assertThat(next.getCell(9).getStringCellValue()).isEqualTo("RANKED");
			for (Row row : sheet) {
				row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
			}
		}
		assertThat(this.api.get("/api/talent/calls/" + callId + "/ranking.xlsx", token("manager")).status())
			.isEqualTo(200);
	}

	@Test
	void anApplicantGetsAProblemDetailInsteadOfTheWorkbook() {
		String callId = createCall(true);
		Http.Reply refused = this.api.get("/api/talent/calls/" + callId + "/ranking.xlsx", token("applicant1"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("status").asInt()).isEqualTo(403);
		assertThat(refused.header("Content-Disposition")).isNull();
		assertThat(this.api.get("/api/talent/calls/" + callId + "/ranking.xlsx", null).status()).isEqualTo(401);
	}

	// --- helpers ---

	private CreateCallRequest callRequest() {
		Instant now = Instant.now();
		return CreateCallRequest.newBuilder()
			.setTitle("2026 Pearl River Talent (Jiangmen round)")
			.addCategories(CallCategory.newBuilder()
				.setCategory(Category.CATEGORY_TEAM_RND_INDUSTRIALISATION)
				.setMaxLeaderAge(55)
				.setMinTeamSize(3)
				.addRequiredLeaderTitles(ProfessionalTitle.PROFESSIONAL_TITLE_PROFESSOR)
				.setLeaderFullTime(true)
				.setFieldMustBeInCall(true))
			.addPriorityFields("visible-light-communication")
			.setOpensAt(timestamp(now.minus(1, ChronoUnit.HOURS)))
			.setClosesAt(timestamp(now.plus(10, ChronoUnit.DAYS)))
			.build();
	}

	private String createCall(boolean open) {
		String id = stub("manager").createCall(callRequest()).getCall().getCallId();
		if (open) {
			stub("manager").openCall(OpenCallRequest.newBuilder().setCallId(id).build());
		}
		return id;
	}

	/** An application taken through submission, formal check and the panel's outcome to RANKED. */
	private String ranked(String callId, String user, String title, int rank, int scoreHundredths) {
		Http.Reply draft = this.api.post("/api/talent/applications", token(user),
				Map.of("callId", callId, "title", title));
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		String id = draft.json().get("id").asString();
		Http.Reply saved = this.api.put("/api/talent/applications/" + id, token(user), form(title));
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		String path = "/api/talent/applications/" + id + "/attachments";
		assertThat(this.api.upload(path, token(user), "PROPOSAL", "申报书.pdf", Documents.pdf()).status()).isEqualTo(201);
		assertThat(this.api.upload(path, token(user), "CV", "cv.docx", Documents.docx()).status()).isEqualTo(201);
		assertThat(this.api.upload(path, token(user), "CONTRACT", "contract.png", Documents.png()).status())
			.isEqualTo(201);
		Http.Reply submitted = this.api.post("/api/talent/applications/" + id + "/submit", token(user), null);
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		assertThat(this.api.post("/api/talent/applications/" + id + "/formal-check/pass", token("manager"), null)
			.status()).isEqualTo(200);
		var service = GrpcChannels.withToken(TalentServiceGrpc.newBlockingStub(this.channel),
				infra.tokens().serviceAccountToken());
		assertThat(service.recordReviewOutcome(RecordReviewOutcomeRequest.newBuilder()
			.setIdempotencyKey("review-" + id)
			.setApplicationId(id)
			.setReviewItemId(UUID.randomUUID().toString())
			.setRank(rank)
			.setFinalScoreHundredths(scoreHundredths)
			.setPassedThresholds(true)
			.setConfirmedAt(timestamp(Instant.now()))
			.build()).getStatus()).isEqualTo(ApplicationStatus.APPLICATION_STATUS_RANKED);
		return id;
	}

	private static Map<String, Object> form(String title) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", title);
		form.put("category", "TEAM_RND_INDUSTRIALISATION");
		form.put("priorityField", "visible-light-communication");
		form.put("summary", "LED-based optical wireless links for factories");
		form.put("host", Map.of("name", "江门市光电科技有限公司", "creditCode", "91440703MA4UJ8K2XW", "kind", "ENTERPRISE"));
		List<Object> team = new ArrayList<>();
		team.add(Map.of("name", "李明", "role", "LEADER", "title", "PROFESSOR", "degree", "DOCTORATE", "birthDate",
				"1980-05-31", "nationality", "CN", "employer", "江门市光电科技有限公司", "fullTime", true));
		for (int i = 1; i <= 2; i++) {
			team.add(Map.of("name", "Member " + i, "role", "CORE_MEMBER", "title", "ENGINEER", "degree", "MASTER",
					"birthDate", "1990-01-0" + i, "nationality", "CN", "employer", "Wuyi University", "fullTime", true));
		}
		form.put("team", team);
		return form;
	}

	private long calls() {
		return this.jdbc.sql("select count(*) from talent_call").query(Long.class).single();
	}

	private long callAudits() {
		return this.jdbc.sql("select count(*) from audit_log where object_type = 'talent_call'")
			.query(Long.class)
			.single();
	}

	private String status(String id) {
		return this.api.get("/api/talent/applications/" + id, token("manager"))
			.json()
			.get("application")
			.get("status")
			.asString();
	}

	private List<String> actions(String id) {
		return this.jdbc.sql("select action from audit_log where object_type = 'talent_application'"
				+ " and object_id = :id order by occurred_at, action")
			.param("id", id)
			.query(String.class)
			.list();
	}

	private TalentServiceGrpc.TalentServiceBlockingStub stub(String user) {
		return as(user, TalentServiceGrpc.newBlockingStub(this.channel));
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

}
