package cn.jiangmen.innovation.talent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationForm;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.CallApplicationsView;
import cn.jiangmen.innovation.contracts.talent.v1.Category;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListAttachmentsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesRequest;
import cn.jiangmen.innovation.contracts.talent.v1.MemberRole;
import cn.jiangmen.innovation.contracts.talent.v1.RecordReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SubmitApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.contracts.talent.v1.TeamMemberForm;
import cn.jiangmen.innovation.contracts.talent.v1.UploadAttachmentRequest;
import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.platform.outbox.OutboxRelay;
import cn.jiangmen.innovation.platform.domain.PersonNameKey;
import cn.jiangmen.innovation.talent.domain.IdentityFingerprint;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
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
 * The talent workflow against real PostgreSQL and Keycloak tokens: calls, drafts, attachments,
 * deadline, formal check, review outcome from the service account, ranking; per-organisation access
 * over REST and gRPC; bad input answered field by field with nothing stored.
 */
@TestPropertySource(properties = { "jiangmen.outbox.relay.enabled=false",
		"talent.attachments.max-file-size=64KB",
		"talent.attachments.max-application-size=256KB" })
class TalentWorkflowIT extends ServiceIntegrationTest {

	static final Path ATTACHMENTS = Path.of("target", "it-attachments-" + UUID.randomUUID());

	/** A stand-in review-service over real gRPC, recording what the outbox relay sends it. */
	static final ReviewStandIn review = ReviewStandIn.start();

	@AfterAll
	static void stopReview() {
		review.stop();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "talent_it");
		registry.add("talent.attachments.old-folder", ATTACHMENTS::toString);
		registry.add("spring.grpc.client.channel.review.target", review::target);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxRelay relay;

	@Autowired
	IdentityFingerprint fingerprint;

	@Autowired
	PersonNameKey personKeys;

	Http api;

	String callId;

	@BeforeEach
	void openACall() throws IOException {
		if (Files.isDirectory(ATTACHMENTS)) {
			try (var files = Files.list(ATTACHMENTS)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
		}
		this.jdbc.sql("delete from outbox").update();
		review.clear();
		this.jdbc.sql("delete from talent_application").update();
		this.jdbc.sql("delete from talent_call").update();
		this.api = new Http("http://localhost:" + this.port);
		this.callId = openCall("2026 Pearl River Talent (Jiangmen round)");
	}

	private String openCall(String title) {
		Instant now = Instant.now();
		Map<String, Object> call = new LinkedHashMap<>();
		call.put("title", title);
		call.put("categories", Map.of("TEAM_RND_INDUSTRIALISATION",
				Map.of("maxLeaderAge", 55, "minTeamSize", 3, "requiredLeaderTitles", List.of("PROFESSOR", "RESEARCHER"),
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

	@Test
	void applicantDraftsUploadsAndSubmitsBeforeTheDeadline() throws Exception {
		Http.Reply draft = this.api.post("/api/talent/applications", token("applicant1"),
				Map.of("callId", this.callId, "title", "Visible-light communication team"));
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		String id = draft.json().get("id").asString();
		assertThat(draft.header("Location")).endsWith("/api/talent/applications/" + id);
		assertThat(draft.json().get("organisationId").asString()).isEqualTo("7d1c2a8e-0000-4000-8000-000000000001");

		Http.Reply saved = this.api.put("/api/talent/applications/" + id, token("applicant1"), fullForm(0));
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		assertThat(saved.json().get("eligibility").size()).isZero();
		// the host organisation is the applicant's entry in the directory, whatever the form says
		assertThat(saved.json().get("application").get("host").get("creditCode").asString())
			.isEqualTo("91440703MA4UJM0L1T");
		assertThat(saved.json().get("application").get("host").get("name").asString()).isEqualTo("江门市光电科技有限公司");
		assertThat(saved.json().get("application").get("team").get(0).has("identityDocument")).isFalse();
		assertThat(saved.json().get("application").get("team").get(0).get("identityDocumentGiven").asBoolean())
			.isTrue();

		Http.Reply missingDocs = this.api.post("/api/talent/applications/" + id + "/submit", token("applicant1"), null);
		assertThat(missingDocs.status()).isEqualTo(400);
		assertThat(missingDocs.errors()).containsExactlyInAnyOrder("attachments.PROPOSAL:attachment.required",
				"attachments.CV:attachment.required", "attachments.CONTRACT:attachment.required");

		String pdf = uploadAll(id, "applicant1");
		Http.Reply download = this.api.get("/api/talent/applications/" + id + "/attachments/" + pdf,
				token("applicant1"));
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(Documents.pdf());
		assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(download.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"___.pdf\"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E4%B9%A6.pdf");
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(this.api.get("/api/talent/applications/" + id + "/attachments/" + pdf, token("auditor")).status())
			.isEqualTo(200);

		// experts read documents only when review-service confirms their assignment (asked with their token)
		String documents = "/api/talent/applications/" + id + "/attachments";
		assertThat(this.api.get(documents, token("expert1")).status()).isEqualTo(404);
		review.allowReviewer("expert1");
		assertThat(this.api.get(documents, token("expert1")).json().size()).isEqualTo(3);
		assertThat(this.api.get(documents + "/" + pdf, token("expert1")).body()).isEqualTo(Documents.pdf());
		assertThat(review.lastTokenPayload()).contains("\"preferred_username\":\"expert1\"");
		assertThat(this.api.get(documents + "/" + pdf, token("expert2")).status()).isEqualTo(404);
		assertThat(stub("expert1").listAttachments(ListAttachmentsRequest.newBuilder().setApplicationId(id).build())
			.getAttachmentsList()).hasSize(3);
		assertThatThrownBy(() -> stub("expert2")
			.listAttachments(ListAttachmentsRequest.newBuilder().setApplicationId(id).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThat(this.api.get("/api/talent/applications/" + id, token("expert1")).status())
			.as("the application itself stays with its organisation and the bureau")
			.isEqualTo(404);
		review.failNext(1);
		assertThat(this.api.get(documents, token("expert1")).status())
			.as("no answer from review-service: refused, never guessed")
			.isEqualTo(404);

		Http.Reply submitted = this.api.post("/api/talent/applications/" + id + "/submit", token("applicant1"), null);
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
		assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(actions(id)).containsExactly("talent.application.created", "talent.application.updated",
				"talent.application.submitted");
		assertThat(this.api.put("/api/talent/applications/" + id, token("applicant1"), fullForm(0)).json()
			.get("code")
			.asString()).isEqualTo("application.not-editable");
	}

	@Test
	void submitAfterTheDeadlineIsRefusedWithAClearCodeAndTheDraftKept() {
		String id = readyApplication("applicant1");
		this.jdbc.sql("update talent_call set closes_at = now() - interval '1 second' where id = :id")
			.param("id", UUID.fromString(this.callId))
			.update();
		Http.Reply late = this.api.post("/api/talent/applications/" + id + "/submit", token("applicant1"), null);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("code").asString()).isEqualTo("call.deadline-passed");
		assertThat(status(id)).isEqualTo("DRAFT");
		assertThatThrownBy(() -> stub("applicant1")
			.submitApplication(SubmitApplicationRequest.newBuilder().setApplicationId(id).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
	}

	@Test
	void anAcceptedSubmissionSurvivesTheDeadlineAndCannotBeWithdrawnAfterIt() {
		String id = readyApplication("applicant1");
		assertThat(this.api.post("/api/talent/applications/" + id + "/submit", token("applicant1"), null).status())
			.isEqualTo(200);
		this.jdbc.sql("update talent_call set closes_at = now() - interval '1 second' where id = :id")
			.param("id", UUID.fromString(this.callId))
			.update();
		Http.Reply withdraw = this.api.post("/api/talent/applications/" + id + "/withdraw", token("applicant1"), null);
		assertThat(withdraw.status()).isEqualTo(409);
		assertThat(status(id)).isEqualTo("SUBMITTED");
	}

	@Test
	void aSecondOrganisationCannotReadOrChangeTheFirstOnesApplicationOverRestOrGrpc() {
		String id = readyApplication("applicant1");
		String other = token("applicant2");
		String base = "/api/talent/applications/" + id;
		assertThat(this.api.get(base, other).status()).isEqualTo(404);
		assertThat(this.api.put(base, other, fullForm(0)).status()).isEqualTo(404);
		assertThat(this.api.post(base + "/submit", other, null).status()).isEqualTo(404);
		assertThat(this.api.post(base + "/withdraw", other, null).status()).isEqualTo(404);
		assertThat(this.api.get(base + "/attachments", other).status()).isEqualTo(404);
		assertThat(this.api.upload(base + "/attachments", other, "OTHER", "x.pdf", Documents.pdf()).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/talent/applications", other).json().get("items").size()).isZero();
		assertThat(this.api.get(base, token("expert1")).status()).isEqualTo(404);
		assertThat(this.api.put(base, token("manager"), fullForm(0)).status()).isEqualTo(403);
		assertThat(this.api.put(base, token("auditor"), fullForm(0)).status()).isEqualTo(403);

		TalentServiceGrpc.TalentServiceBlockingStub stub = stub("applicant2");
		for (Runnable call : List.<Runnable>of(
				() -> stub.getApplication(GetApplicationRequest.newBuilder().setApplicationId(id).build()),
				() -> stub.saveApplication(SaveApplicationRequest.newBuilder()
					.setApplicationId(id)
					.setForm(ApplicationForm.newBuilder().setTitle("Taken over"))
					.build()),
				() -> stub.submitApplication(SubmitApplicationRequest.newBuilder().setApplicationId(id).build()),
				() -> stub.uploadAttachment(UploadAttachmentRequest.newBuilder()
					.setApplicationId(id)
					.setKind("OTHER")
					.setFilename("x.pdf")
					.setContent(ByteString.copyFrom(Documents.pdf()))
					.build()))) {
			assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		}
		assertThat(this.api.get(base, token("applicant1")).json().get("application").get("title").asString())
			.isEqualTo("Visible-light communication team");
		assertThat(this.api.get(base + "/attachments", token("applicant1")).json().size()).isEqualTo(3);
	}

	@Test
	void badInputIsAnsweredFieldByFieldAndNothingBadIsStored() throws IOException {
		String id = readyApplication("applicant1");
		String base = "/api/talent/applications/" + id;
		int audits = actions(id).size();

		Map<String, Object> bad = fullForm(0);
		bad.put("host", Map.of("name", "江门市光电科技有限公司", "creditCode", "91440703MA4UJ8K2X1", "kind", "ENTERPRISE"));
		@SuppressWarnings("unchecked")
		Map<String, Object> leader = (Map<String, Object>) ((List<Object>) bad.get("team")).get(0);
		leader.put("orcid", "0000-0002-1825-0098");
		leader.put("birthDate", "31/05/1980");
		// a save is never rejected whole: the bad fields keep what was stored and are named
		Http.Reply partial = this.api.put(base, token("applicant1"), bad);
		assertThat(partial.status()).as(partial.text()).isEqualTo(200);
		assertThat(fieldErrors(partial)).containsExactlyInAnyOrder("team[0].orcid:orcid.check-digit",
				"team[0].birthDate:date.format");

		Http.Reply noCall = this.api.post("/api/talent/applications", token("applicant1"), Map.of("title", "x"));
		assertThat(noCall.status()).isEqualTo(400);
		assertThat(noCall.errors()).containsExactly("callId:required");
		Map<String, Object> longTitle = fullForm(0);
		longTitle.put("title", "x".repeat(201));
		Http.Reply tooLong = this.api.put(base, token("applicant1"), longTitle);
		assertThat(tooLong.status()).as(tooLong.text()).isEqualTo(200);
		assertThat(fieldErrors(tooLong)).containsExactly("title:too-long");

		Http.Reply oversize = this.api.upload(base + "/attachments", token("applicant1"), "OTHER", "big.pdf",
				Documents.pdfOfSize(65 * 1024));
		assertThat(oversize.status()).isEqualTo(400);
		assertThat(oversize.errors()).containsExactly("file:attachment.too-large");
		Http.Reply disguised = this.api.upload(base + "/attachments", token("applicant1"), "OTHER", "report.docx",
				Documents.pdf());
		assertThat(disguised.errors()).containsExactly("file:attachment.disguised");
		Http.Reply executable = this.api.upload(base + "/attachments", token("applicant1"), "OTHER", "cv.pdf",
				"MZ\u0090\u0000fake executable".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(executable.errors()).containsExactly("file:attachment.type");
		Http.Reply badKind = this.api.upload(base + "/attachments", token("applicant1"), "SELFIE", "me.png",
				Documents.png());
		assertThat(badKind.errors()).containsExactly("kind:code.unknown");

		Http.Reply current = this.api.get(base, token("applicant1"));
		assertThat(current.json().get("application").get("host").get("creditCode").asString())
			.isEqualTo("91440703MA4UJM0L1T");
		assertThat(current.json().get("application").get("title").asString())
			.isEqualTo("Visible-light communication team");
		assertThat(current.json().get("application").get("team").get(0).get("orcid").asString())
			.isEqualTo("0000-0002-1825-0097");
		assertThat(current.json().get("application").get("team").get(0).get("birthDate").asString())
			.isEqualTo("1980-05-31");
		assertThat(this.api.get(base + "/attachments", token("applicant1")).json().size()).isEqualTo(3);
		assertThat(this.jdbc.sql("select count(*) from talent_attachment_content c join talent_attachment a"
				+ " on a.id = c.attachment_id where a.application_id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single()).as("only the three accepted files are stored").isEqualTo(3);
		assertThat(actions(id)).as("the two partial saves, nothing for the refused uploads").hasSize(audits + 2);

		Map<String, Object> stale = fullForm(0);
		stale.put("version", 0);
		assertThat(this.api.put(base, token("applicant1"), stale).json().get("code").asString())
			.isEqualTo("application.changed-concurrently");
	}

	@Test
	void submittingIncompleteOrIneligibleContentNamesEveryProblem() {
		String id = this.api.post("/api/talent/applications", token("applicant2"),
				Map.of("callId", this.callId, "title", "Marine salvage robots", "category", "TEAM_RND_INDUSTRIALISATION",
						"priorityField", "MARINE_ENGINEERING", "team",
						List.of(Map.of("name", "Old Leader", "role", "LEADER", "title", "ENGINEER", "birthDate",
								"1950-01-01", "fullTime", false))))
			.json()
			.get("id")
			.asString();
		Http.Reply details = this.api.get("/api/talent/applications/" + id, token("applicant2"));
		List<String> findings = new ArrayList<>();
		details.json().get("eligibility").forEach(f -> findings.add(f.get("code").asString()));
		assertThat(findings).containsExactlyInAnyOrder("eligibility.field-not-in-call", "eligibility.team-too-small",
				"eligibility.leader-too-old", "eligibility.leader-title", "eligibility.leader-not-full-time");
		Http.Reply refused = this.api.post("/api/talent/applications/" + id + "/submit", token("applicant2"), null);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errors()).contains("summary:required", "team[0].degree:required", "team[0].birthDate:eligibility.leader-too-old");
		assertThat(status(id)).isEqualTo("DRAFT");
	}

	@Test
	void formalCheckReviewOutcomeAndRecommendation() {
		String id = readyApplication("applicant1");
		String base = "/api/talent/applications/" + id;
		assertThat(this.api.post(base + "/submit", token("applicant1"), null).status()).isEqualTo(200);
		assertThat(this.api.post(base + "/formal-check/pass", token("applicant1"), null).status()).isEqualTo(403);
		assertThat(outboxRows()).as("a refused formal check hands nothing to review").isZero();

		Http.Reply returned = this.api.post(base + "/formal-check/return", token("manager"),
				Map.of("reasons", List.of("The employment contract is not signed")));
		assertThat(returned.status()).as(returned.text()).isEqualTo(200);
		assertThat(returned.json().get("returnReasons").get(0).asString())
			.isEqualTo("The employment contract is not signed");
		Http.Reply notices = this.api.get("/api/talent/notices", token("applicant1"));
		assertThat(notices.status()).as(notices.text()).isEqualTo(200);
		assertThat(notices.json().get(0).get("status").asString()).isEqualTo("RETURNED");
		assertThat(notices.json().get(0).get("detail").asString()).isEqualTo("The employment contract is not signed");
		assertThat(notices.json().get(0).get("applicationId").asString()).isEqualTo(id);
		assertThat(this.api.get("/api/talent/notices", token("applicant2")).json().size())
			.as("another organisation hears nothing of it")
			.isZero();
		assertThat(this.api.get("/api/talent/notices", token("manager")).status()).isEqualTo(403);
		assertThat(this.api.get("/api/talent/notices?limit=0", token("applicant1")).json().get("errors").get(0)
			.get("field").asString()).isEqualTo("limit");
		assertThat(this.api.put(base, token("applicant1"), fullForm(returned.json().get("version").asLong()))
			.status()).isEqualTo(200);
		assertThat(this.api.post(base + "/submit", token("applicant1"), null).json().get("status").asString())
			.isEqualTo("SUBMITTED");
		assertThat(this.api.get("/api/talent/calls/" + this.callId + "/formal-check", token("auditor")).json().size())
			.isEqualTo(1);
		assertThat(this.api.post(base + "/formal-check/pass", token("manager"), null).json().get("status").asString())
			.isEqualTo("UNDER_REVIEW");
		assertThat(this.api.post(base + "/formal-check/pass", token("manager"), null).status())
			.as("passing twice is refused by the state machine")
			.isEqualTo(409);
		assertThat(outboxRows()).as("the hand-off is written with the formal check, once").isEqualTo(1);

		// the relay opens the review with the service account's token; a failure is retried later
		review.failNext(1);
		assertThat(this.relay.relayDue(10)).isZero();
		this.jdbc.sql("update outbox set next_attempt_at = now() - interval '1 second'").update();
		assertThat(this.relay.relayDue(10)).isEqualTo(1);
		assertThat(this.relay.relayDue(10)).isZero();
		assertThat(review.received()).singleElement().satisfies(open -> {
			assertThat(open.getIdempotencyKey()).isEqualTo("talent-application-" + id);
			assertThat(open.getOwningContext()).isEqualTo(OwningContext.OWNING_CONTEXT_TALENT);
			assertThat(open.getItemId()).isEqualTo(id);
			assertThat(open.getTitle()).isEqualTo("Visible-light communication team");
			assertThat(open.getFieldCodesList()).containsExactly("visible-light-communication");
			assertThat(open.getOrganisationsList()).extracting(o -> o.getId(), o -> o.getName())
				.containsExactly(org.assertj.core.groups.Tuple.tuple("7d1c2a8e-0000-4000-8000-000000000001", "江门市光电科技有限公司"));
			assertThat(open.getLeaderPersonKey()).isEqualTo("id:" + this.fingerprint.of("440703198005311234"));
			// each person also by name at the host and at the employer typed, keyed: review-service derives
			// the same keys from an expert who names the person and the organisation
			assertThat(open.getMemberPersonKeysList()).containsExactly("nb:member1|1990-01-01", "nb:member2|1990-01-02",
					name("Member 1", "江门市光电科技有限公司"), name("Member 1", "Wuyi University"),
					name("Member 2", "江门市光电科技有限公司"), name("Member 2", "Wuyi University"));
			assertThat(open.getLeaderNameKeysList()).containsExactly(name("李明", "江门市光电科技有限公司"));
			assertThat(open.hasSubmittedAt()).isTrue();
			assertThat(open.toString()).doesNotContain("440703198005311234", "李明");
		});
		assertThat(review.lastTokenPayload()).contains("jiangmen-services");

		RecordReviewOutcomeRequest outcome = RecordReviewOutcomeRequest.newBuilder()
			.setIdempotencyKey("review-" + id)
			.setApplicationId(id)
			.setReviewItemId(UUID.randomUUID().toString())
			.setRank(1)
			.setFinalScoreHundredths(8125)
			.setPassedThresholds(true)
			.setConfirmedAt(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()).setNanos(123456789))
			.build();
		assertThatThrownBy(() -> stub("manager").recordReviewOutcome(outcome))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		TalentServiceGrpc.TalentServiceBlockingStub service = GrpcChannels
			.withToken(TalentServiceGrpc.newBlockingStub(this.channel), infra.tokens().serviceAccountToken());
		assertThat(service.recordReviewOutcome(outcome).getStatus()).isEqualTo(ApplicationStatus.APPLICATION_STATUS_RANKED);
		assertThat(service.recordReviewOutcome(outcome).getStatus())
			.as("a retry gets the first answer")
			.isEqualTo(ApplicationStatus.APPLICATION_STATUS_RANKED);
		assertThatThrownBy(() -> service.recordReviewOutcome(outcome.toBuilder().setRank(2).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("idempotency_key");
			});
		assertThat(actions(id)).filteredOn("talent.application.ranked"::equals).hasSize(1);

		var ranking = stub("manager").listCallApplications(ListCallApplicationsRequest.newBuilder()
			.setCallId(this.callId)
			.setView(CallApplicationsView.CALL_APPLICATIONS_VIEW_RANKING)
			.build());
		assertThat(ranking.getApplicationsList()).singleElement().satisfies(a -> {
			assertThat(a.getRank()).isEqualTo(1);
			assertThat(a.getFinalScoreHundredths()).isEqualTo(8125);
		});
		assertThat(this.api.post(base + "/recommend", token("manager"), null).json().get("status").asString())
			.isEqualTo("RECOMMENDED");
		Http.Reply csv = this.api.get("/api/talent/calls/" + this.callId + "/ranking.csv", token("auditor"));
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.text()).startsWith("\uFEFF\"rank\"").contains("\"81.25\"", "\"RECOMMENDED\"");
		assertThat(this.api.get("/api/talent/calls/" + this.callId + "/ranking", token("applicant1")).status())
			.isEqualTo(403);

		// the same people applying in another call are flagged as already funded while the award pays out
		assertThat(this.api.post(base + "/award", token("manager"), Map.of("note", "省厅批复")).json().get("status")
			.asString()).isEqualTo("AWARDED");
		assertThat(noticeStatuses("applicant1"))
			.as("every decision told, newest first; submissions and the internal ranking are not")
			.containsExactly("AWARDED", "RECOMMENDED", "UNDER_REVIEW", "RETURNED");
		assertThat(stub("applicant1").listNotices(ListNoticesRequest.getDefaultInstance()).getNoticesList())
			.extracting(n -> n.getStatus().name())
			.startsWith("APPLICATION_STATUS_AWARDED");
		assertThat(stub("applicant1").listNotices(ListNoticesRequest.getDefaultInstance()).getNotices(0).getDetail())
			.isEqualTo("省厅批复");
		String otherCall = openCall("2027 Special Support Program (Jiangmen round)");
		String again = this.api.post("/api/talent/applications", token("applicant1"),
				Map.of("callId", otherCall, "title", "Visible-light communication team"))
			.json()
			.get("id")
			.asString();
		Http.Reply flagged = this.api.put("/api/talent/applications/" + again, token("applicant1"), fullForm(0));
		assertThat(flagged.status()).as(flagged.text()).isEqualTo(200);
		Http.Reply details = this.api.get("/api/talent/applications/" + again, token("applicant1"));
		assertThat(texts(details.json().get("fundedElsewhere")))
			.containsExactly("Member 1", "Member 2", "李明");
		assertThat(details.json().get("duplicatePersons").size()).as("another call is no duplicate").isZero();
		assertThat(stub("applicant1").getApplication(GetApplicationRequest.newBuilder().setApplicationId(again).build())
			.getApplication()
			.getFundedElsewhereList()).containsExactly("Member 1", "Member 2", "李明");
		this.jdbc.sql("update talent_application set updated_at = now() - interval '6 years' where id = cast(:id as uuid)")
			.param("id", id)
			.update();
		assertThat(this.api.get("/api/talent/applications/" + again, token("applicant1")).json().get("fundedElsewhere")
			.size()).as("an award past its five-year support period no longer counts").isZero();
	}

	@Test
	void theFormWorksOverGrpcAsThePortalUsesIt() {
		var created = stub("applicant2").createApplication(CreateApplicationRequest.newBuilder()
			.setCallId(this.callId)
			.setForm(ApplicationForm.newBuilder().setTitle("Robot arm leading talent"))
			.build());
		String id = created.getApplication().getSummary().getApplicationId();
		var saved = stub("applicant2").saveApplication(SaveApplicationRequest.newBuilder()
			.setApplicationId(id)
			.setVersion(created.getApplication().getVersion())
			.setForm(ApplicationForm.newBuilder()
				.setTitle("Robot arm leading talent")
				.setCategory(Category.CATEGORY_LEADING_TALENT)
				.setPriorityField("intelligent-industrial-robots")
				.addTeam(TeamMemberForm.newBuilder()
					.setName("Chen Jing")
					.setRole(MemberRole.MEMBER_ROLE_LEADER)
					.setBirthDate("1960-01-01")
					.setFullTime(true)))
			.build());
		assertThat(saved.getApplication().getFindingsList()).extracting(f -> f.getCode())
			.containsExactly("eligibility.leader-too-old");
		assertThat(saved.getApplication().getMissingAttachmentKindsList()).containsExactly("PROPOSAL", "CV",
				"CONTRACT");
		var partial = stub("applicant2").saveApplication(SaveApplicationRequest.newBuilder()
			.setApplicationId(id)
			.setForm(ApplicationForm.newBuilder().setTitle("x").setHostCreditCode("91440703MA4UJ8K2X1"))
			.build());
		assertThat(partial.getFieldErrorsList()).as("a host code in the form is not read").isEmpty();
		assertThat(partial.getApplication().getForm().getTitle()).isEqualTo("x");
		assertThat(partial.getApplication().getForm().getHostName()).isEqualTo("五邑大学");
		assertThat(partial.getApplication().getForm().getHostCreditCode()).isEqualTo("12440700455870000R");
		assertThat(this.api.get("/api/talent/calls", token("applicant2")).json().get(0).get("acceptingSubmissions")
			.asBoolean()).isTrue();
	}

	// --- helpers ---

	private String readyApplication(String user) {
		String id = this.api.post("/api/talent/applications", token(user),
				Map.of("callId", this.callId, "title", "Visible-light communication team"))
			.json()
			.get("id")
			.asString();
		Http.Reply saved = this.api.put("/api/talent/applications/" + id, token(user), fullForm(0));
		assertThat(saved.status()).as(saved.text()).isEqualTo(200);
		uploadAll(id, user);
		return id;
	}

	private String uploadAll(String id, String owner) {
		String path = "/api/talent/applications/" + id + "/attachments";
		Http.Reply pdf = this.api.upload(path, token(owner), "PROPOSAL", "申报书.pdf", Documents.pdf());
		assertThat(pdf.status()).as(pdf.text()).isEqualTo(201);
		assertThat(pdf.json().get("sha256").asString()).isEqualTo(sha256(Documents.pdf()));
		assertThat(this.api.upload(path, token(owner), "CV", "cv.docx", Documents.docx()).status()).isEqualTo(201);
		assertThat(this.api.upload(path, token(owner), "CONTRACT", "contract.png", Documents.png()).status())
			.isEqualTo(201);
		return pdf.json().get("id").asString();
	}

	private static Map<String, Object> fullForm(long version) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", "Visible-light communication team");
		form.put("category", "TEAM_RND_INDUSTRIALISATION");
		form.put("priorityField", "visible-light-communication");
		form.put("summary", "LED-based optical wireless links for factories");
		form.put("host", Map.of("name", "江门市光电科技有限公司", "creditCode", "91440703MA4UJ8K2XW", "kind", "ENTERPRISE"));
		List<Object> team = new ArrayList<>();
		Map<String, Object> leader = new LinkedHashMap<>(Map.of("name", "李明", "role", "LEADER", "title", "PROFESSOR",
				"degree", "DOCTORATE", "birthDate", "1980-05-31", "nationality", "CN", "employer", "江门市光电科技有限公司",
				"fullTime", true, "orcid", "0000-0002-1825-0097"));
		leader.put("identityDocument", "440703198005311234");
		team.add(leader);
		for (int i = 1; i <= 2; i++) {
			team.add(new LinkedHashMap<>(Map.of("name", "Member " + i, "role", "CORE_MEMBER", "title", "ENGINEER",
					"degree", "MASTER", "birthDate", "1990-01-0" + i, "nationality", "CN", "employer", "Wuyi University",
					"fullTime", true)));
		}
		form.put("team", team);
		if (version > 0) {
			form.put("version", version);
		}
		return form;
	}

	private List<String> noticeStatuses(String user) {
		List<String> statuses = new ArrayList<>();
		this.api.get("/api/talent/notices", token(user)).json().forEach(n -> statuses.add(n.get("status").asString()));
		return statuses;
	}

	private static List<String> texts(tools.jackson.databind.JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.asString()));
		return texts;
	}

	private int outboxRows() {
		return this.jdbc.sql("select count(*) from outbox").query(Integer.class).single();
	}

	private String status(String id) {
		return this.api.get("/api/talent/applications/" + id, token("manager"))
			.json()
			.get("application")
			.get("status")
			.asString();
	}

	private static List<String> fieldErrors(Http.Reply reply) {
		List<String> errors = new ArrayList<>();
		reply.json().get("fieldErrors").forEach(e -> errors.add(e.get("field").asString() + ":" + e.get("code").asString()));
		return errors;
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

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Small real documents of each accepted type. */
	static final class Documents {

		static byte[] pdf() {
			return "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		}

		static byte[] pdfOfSize(int size) {
			byte[] bytes = new byte[size];
			System.arraycopy(pdf(), 0, bytes, 0, pdf().length);
			return bytes;
		}

		static byte[] png() {
			return new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		}

		static byte[] docx() {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
				for (String entry : List.of("[Content_Types].xml", "_rels/.rels", "word/document.xml")) {
					zip.putNextEntry(new ZipEntry(entry));
					zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
					zip.closeEntry();
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return bytes.toByteArray();
		}

	}

	private String name(String person, String organisation) {
		return this.personKeys.of(person, organisation).orElseThrow();
	}

}
