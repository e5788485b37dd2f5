package cn.jiangmen.innovation.talent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationForm;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.Category;
import cn.jiangmen.innovation.contracts.talent.v1.EligibilityFinding;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.MemberRole;
import cn.jiangmen.innovation.contracts.talent.v1.TeamMemberForm;
import cn.jiangmen.innovation.contracts.talent.v1.CallApplicationsView;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeleteApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.talent.TalentWorkflowIT.Documents;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an applicant meets on the way to a submitted application, against real PostgreSQL and
 * Keycloak tokens with the production attachment limits (10 MB a file, 50 MB an application):
 * the quota holds under concurrent uploads, and lists of a call that does not exist are not found.
 */
@TestPropertySource(properties = { "jiangmen.outbox.relay.enabled=false",
		// a small pool: enough for concurrent requests, light on a PostgreSQL shared by the suite's other contexts
		"spring.datasource.hikari.maximum-pool-size=4" })
class ApplicantJourneyIT extends ServiceIntegrationTest {

	static final int MB = 1024 * 1024;

	static final UUID ORG_1 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "talent_it");
	}

	@Autowired
	JdbcClient jdbc;

	Http api;

	String callId;

	@BeforeEach
	void openACall() throws IOException {
		this.jdbc.sql("delete from talent_application").update();
		this.jdbc.sql("delete from talent_call").update();
		this.api = new Http("http://localhost:" + this.port);
		this.callId = openCall("2026 Pearl River Talent (Jiangmen round)");
	}

	@Test
	void concurrentUploadsNeverTakeAnApplicationOverItsQuota() throws Exception {
		String id = draft("applicant1");
		String path = "/api/talent/applications/" + id + "/attachments";
		String token = token("applicant1");
		byte[] file = Documents.pdfOfSize(MB);
		int uploads = 56;
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Http.Reply>> replies = new ArrayList<>();
		try {
			for (int i = 0; i < uploads; i++) {
				String name = "part-" + i + ".pdf";
				replies.add(pool.submit(() -> {
					start.await();
					return this.api.upload(path, token, "OTHER", name, file);
				}));
			}
			start.countDown();
			int created = 0;
			int refused = 0;
			for (Future<Http.Reply> reply : replies) {
				Http.Reply r = reply.get(120, TimeUnit.SECONDS);
				if (r.status() == 201) {
					created++;
				}
				else {
					assertThat(r.status()).as(r.text()).isEqualTo(400);
					assertThat(r.errors()).containsExactly("file:attachment.application-total");
					refused++;
				}
			}
			long stored = this.jdbc.sql("select coalesce(sum(size_bytes), 0) from talent_attachment"
					+ " where application_id = :id")
				.param("id", UUID.fromString(id))
				.query(Long.class)
				.single();
			assertThat(stored).as("the total stored never exceeds the 50 MB quota").isLessThanOrEqualTo(50L * MB);
			assertThat(created).as("exactly as many 1 MB files as fit").isEqualTo(50);
			assertThat(refused).isEqualTo(uploads - 50);
			assertThat(contents(id)).as("no bytes are left behind for a refused upload").isEqualTo(50);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void listsOfACallThatDoesNotExistAreNotFound() {
		String missing = UUID.randomUUID().toString();
		for (String list : List.of("ranking", "formal-check", "ranking.csv")) {
			Http.Reply reply = this.api.get("/api/talent/calls/" + missing + "/" + list, token("manager"));
			assertThat(reply.status()).as(list + ": " + reply.text()).isEqualTo(404);
			assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
			assertThat(this.api.get("/api/talent/calls/" + this.callId + "/" + list, token("manager")).status())
				.as("an existing call with nothing on the list is still 200")
				.isEqualTo(200);
		}
		for (CallApplicationsView view : List.of(CallApplicationsView.CALL_APPLICATIONS_VIEW_RANKING,
				CallApplicationsView.CALL_APPLICATIONS_VIEW_FORMAL_CHECK)) {
			assertThatThrownBy(() -> stub("manager").listCallApplications(
					ListCallApplicationsRequest.newBuilder().setCallId(missing).setView(view).build()))
				.isInstanceOfSatisfying(StatusRuntimeException.class,
						ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
			assertThat(stub("manager")
				.listCallApplications(
						ListCallApplicationsRequest.newBuilder().setCallId(this.callId).setView(view).build())
				.getApplicationsList()).isEmpty();
		}
		assertThat(this.api.get("/api/talent/calls/" + missing + "/ranking", token("applicant1")).status())
			.as("applicants are refused the list whether or not the call exists")
			.isEqualTo(403);
	}

	@Test
	void formalCheckRowsCarryTheEligibilityFindingsAndTheMissingDocuments() {
		String id = draft("applicant1");
		stub("applicant1").saveApplication(SaveApplicationRequest.newBuilder()
			.setApplicationId(id)
			.setForm(ApplicationForm.newBuilder()
				.setTitle("Visible-light communication team")
				.setCategory(Category.CATEGORY_TEAM_RND_INDUSTRIALISATION)
				.addTeam(TeamMemberForm.newBuilder().setName("李明").setRole(MemberRole.MEMBER_ROLE_LEADER)))
			.build());
		this.jdbc.sql("update talent_application set status = 'SUBMITTED' where id = :id")
			.param("id", UUID.fromString(id))
			.update();

		ApplicationSummary row = stub("manager")
			.listCallApplications(ListCallApplicationsRequest.newBuilder()
				.setCallId(this.callId)
				.setView(CallApplicationsView.CALL_APPLICATIONS_VIEW_FORMAL_CHECK)
				.build())
			.getApplicationsList()
			.stream()
			.filter(a -> a.getApplicationId().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(row.getFindingsList()).extracting(EligibilityFinding::getCode)
			.as("one person where the call asks for five")
			.contains("eligibility.team-too-small");
		assertThat(row.getMissingAttachmentKindsList()).containsExactlyInAnyOrder("PROPOSAL", "CV", "CONTRACT");

		// the applicant's own list stays light: the formal check's flags are for the bureau's queue
		assertThat(stub("applicant1").listApplications(ListApplicationsRequest.getDefaultInstance())
			.getApplicationsList()).filteredOn(a -> a.getApplicationId().equals(id)).singleElement().satisfies(a -> {
				assertThat(a.getFindingsList()).isEmpty();
				assertThat(a.getMissingAttachmentKindsList()).isEmpty();
			});
	}

	@Test
	void aSecondDraftOnTheSameCallIsRefusedNamingTheFirstUnlessAskedFor() throws Exception {
		String first = draft("applicant1");
		Http.Reply again = this.api.post("/api/talent/applications", token("applicant1"),
				Map.of("callId", this.callId, "title", "Second click"));
		assertThat(again.status()).as(again.text()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("application.draft-exists");
		assertThat(again.json().get("detail").asString()).contains(first);
		assertThatThrownBy(() -> stub("applicant1").createApplication(CreateApplicationRequest.newBuilder()
			.setCallId(this.callId)
			.setForm(ApplicationForm.newBuilder().setTitle("Over gRPC"))
			.build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
				assertThat(reason(ex)).isEqualTo("application.draft-exists");
			});

		Map<String, Object> onPurpose = new LinkedHashMap<>(Map.of("callId", this.callId, "title", "A second team"));
		onPurpose.put("anotherDraft", true);
		assertThat(this.api.post("/api/talent/applications", token("applicant1"), onPurpose).status()).isEqualTo(201);
		assertThat(stub("applicant1").createApplication(CreateApplicationRequest.newBuilder()
			.setCallId(this.callId)
			.setForm(ApplicationForm.newBuilder().setTitle("A third team"))
			.setAnotherDraft(true)
			.build()).getApplication().getSummary().getStatus()).isEqualTo(ApplicationStatus.APPLICATION_STATUS_DRAFT);
		assertThat(draft("applicant2")).as("another organisation's draft is its own").isNotBlank();
		assertThat(drafts(ORG_1)).isEqualTo(3);
	}

	@Test
	void twoStartsAtOnceMakeOneDraft() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		String token = token("applicant1");
		try {
			List<Future<Http.Reply>> replies = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				replies.add(pool.submit(() -> {
					start.await();
					return this.api.post("/api/talent/applications", token,
							Map.of("callId", this.callId, "title", "Double click"));
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Http.Reply> reply : replies) {
				statuses.add(reply.get(60, TimeUnit.SECONDS).status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409, 409);
			assertThat(drafts(ORG_1)).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aDraftIsDeletedWithItsAttachmentsAndASubmittedOneIsNot() throws Exception {
		String id = draft("applicant1");
		String path = "/api/talent/applications/" + id;
		assertThat(this.api.upload(path + "/attachments", token("applicant1"), "PROPOSAL", "a.pdf", Documents.pdf())
			.status()).isEqualTo(201);
		assertThat(this.api.delete(path, token("applicant2")).status()).as("another organisation's: not found")
			.isEqualTo(404);
		assertThat(this.api.delete(path, token("manager")).status()).isEqualTo(403);

		Http.Reply deleted = this.api.delete(path, token("applicant1"));
		assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
		assertThat(this.api.get(path, token("applicant1")).status()).isEqualTo(404);
		assertThat(contents(id)).as("their bytes are gone too").isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_log where object_id = :id"
				+ " and action = 'talent.application.deleted'")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);

		String grpcDraft = draft("applicant1");
		stub("applicant1").deleteApplication(DeleteApplicationRequest.newBuilder().setApplicationId(grpcDraft).build());
		assertThat(drafts(ORG_1)).isZero();

		String submitted = draft("applicant1");
		this.jdbc.sql("update talent_application set status = 'SUBMITTED' where id = :id")
			.param("id", UUID.fromString(submitted))
			.update();
		Http.Reply refused = this.api.delete("/api/talent/applications/" + submitted, token("applicant1"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("code").asString()).isEqualTo("application.not-deletable");
		assertThatThrownBy(() -> stub("applicant1")
			.deleteApplication(DeleteApplicationRequest.newBuilder().setApplicationId(submitted).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
	}

	@Test
	void oneBadFieldDoesNotRejectTheSaveItKeepsItsPreviousValueAndIsNamed() {
		String id = draft("applicant1");
		String path = "/api/talent/applications/" + id;
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", "Visible-light communication team");
		form.put("summary", "First summary");
		form.put("host", Map.of("name", "江门市光电科技有限公司", "creditCode", "91440703MA4UJ8K2XW"));
		form.put("team", List.of(Map.of("name", "李明", "role", "LEADER", "birthDate", "1980-05-31",
				"identityDocument", "440703198005311234")));
		assertThat(this.api.put(path, token("applicant1"), form).json().get("fieldErrors").size()).isZero();

		form.put("summary", "A longer summary typed since");
		// an applicant of 江门市光电科技有限公司 claims another organisation: the form's host is not read
		form.put("host", Map.of("name", "五邑大学", "creditCode", "91440703MA4UJ8K2XA", "kind", "UNIVERSITY"));
		form.put("team", List.of(Map.of("name", "李明", "role", "LEADER", "birthDate", "31.05.1980"),
				Map.of("name", "王芳", "role", "CORE_MEMBER", "nationality", "China")));
		Http.Reply saved = this.api.put(path, token("applicant1"), form);
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().has("errors")).isFalse();
		List<String> fieldErrors = new ArrayList<>();
		saved.json().get("fieldErrors").forEach(e -> fieldErrors.add(e.get("field").asString() + ":" + e.get("code").asString()));
		// the typed host is not read at all (the directory names it), so its bad code is no error
		assertThat(fieldErrors).containsExactlyInAnyOrder("team[0].birthDate:date.format",
				"team[1].nationality:nationality.format");
		var application = saved.json().get("application");
		assertThat(application.get("summary").asString()).as("the valid rest is saved").isEqualTo("A longer summary typed since");
		assertThat(application.get("host").get("creditCode").asString()).as("the directory's")
			.isEqualTo("91440703MA4UJM0L1T");
		assertThat(application.get("host").get("name").asString()).isEqualTo("江门市光电科技有限公司");
		assertThat(application.get("host").get("kind").asString()).isEqualTo("ENTERPRISE");
		assertThat(application.get("team").get(0).get("birthDate").asString()).isEqualTo("1980-05-31");
		assertThat(application.get("team").get(0).get("identityDocumentGiven").asBoolean())
			.as("the document number is not sent again, and not forgotten")
			.isTrue();
		assertThat(application.get("team").get(1).get("name").asString()).isEqualTo("王芳");

		SaveApplicationResponse overGrpc = stub("applicant1").saveApplication(SaveApplicationRequest.newBuilder()
			.setApplicationId(id)
			.setForm(ApplicationForm.newBuilder()
				.setTitle("Visible-light communication team")
				.setSummary("Saved over gRPC")
				.setHostCreditCode("not a code"))
			.build());
		assertThat(overGrpc.getFieldErrorsList()).as("the host is not the form's to name").isEmpty();
		assertThat(overGrpc.getApplication().getForm().getSummary()).isEqualTo("Saved over gRPC");
		assertThat(overGrpc.getApplication().getForm().getHostCreditCode()).isEqualTo("91440703MA4UJM0L1T");
		assertThat(overGrpc.getApplication().getMissingFieldsList())
			.as("what submission still needs, for the checklist")
			.extracting(e -> e.getField() + ":" + e.getCode())
			.contains("category:required", "team:team.leader-missing")
			.doesNotContain("summary:required", "host.creditCode:required", "host.kind:required", "host.name:required");
		List<String> missing = new ArrayList<>();
		this.api.get(path, token("applicant1")).json().get("missing").forEach(m -> missing.add(m.get("field").asString()));
		assertThat(missing).contains("category", "priorityField").doesNotContain("summary", "host.kind");
	}

	private String openCall(String title) {
		Instant now = Instant.now();
		Map<String, Object> call = new LinkedHashMap<>();
		call.put("title", title);
		call.put("categories", Map.of("TEAM_RND_INDUSTRIALISATION",
				Map.of("maxLeaderAge", 55, "minTeamSize", 5, "requiredLeaderTitles", List.of("PROFESSOR", "RESEARCHER"),
						"leaderFullTime", true, "fieldMustBeInCall", true),
				"LEADING_TALENT", Map.of("maxLeaderAge", 60, "minTeamSize", 1, "requiredLeaderTitles", List.of(),
						"leaderFullTime", true, "fieldMustBeInCall", true)));
		call.put("priorityFields", List.of("visible-light-communication", "intelligent-industrial-robots"));
		call.put("opensAt", now.minus(1, ChronoUnit.HOURS).toString());
		call.put("closesAt", now.plus(10, ChronoUnit.DAYS).toString());
		Http.Reply created = this.api.post("/api/talent/calls", token("manager"), call);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(this.api.post("/api/talent/calls/" + id + "/open", token("manager"), null).status())
			.isEqualTo(200);
		return id;
	}

	private String draft(String user) {
		Http.Reply draft = this.api.post("/api/talent/applications", token(user),
				Map.of("callId", this.callId, "title", "Visible-light communication team"));
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		return draft.json().get("id").asString();
	}

	private static String reason(StatusRuntimeException ex) {
		return io.grpc.protobuf.StatusProto.fromThrowable(ex)
			.getDetailsList()
			.stream()
			.filter(d -> d.is(com.google.rpc.ErrorInfo.class))
			.map(d -> {
				try {
					return d.unpack(com.google.rpc.ErrorInfo.class).getReason();
				}
				catch (com.google.protobuf.InvalidProtocolBufferException e) {
					throw new IllegalStateException(e);
				}
			})
			.findFirst()
			.orElse("");
	}

	private int drafts(UUID organisation) {
		return this.jdbc.sql("select count(*) from talent_application where organisation_id = :org and status = 'DRAFT'")
			.param("org", organisation)
			.query(Integer.class)
			.single();
	}

	private TalentServiceGrpc.TalentServiceBlockingStub stub(String user) {
		return as(user, TalentServiceGrpc.newBlockingStub(this.channel));
	}

	/** Attachment bytes stored in the database for one application. */
	private long contents(String applicationId) {
		return this.jdbc.sql("select count(*) from talent_attachment_content c join talent_attachment a"
				+ " on a.id = c.attachment_id where a.application_id = :id")
			.param("id", UUID.fromString(applicationId))
			.query(Long.class)
			.single();
	}

}
