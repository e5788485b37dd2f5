package cn.jiangmen.innovation.review;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.Criterion;
import cn.jiangmen.innovation.contracts.review.v1.CheckReviewerAccessRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetAssignmentRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetReviewStatusRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundResultsRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetRoundResultsResponse;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.ConflictReason;
import cn.jiangmen.innovation.contracts.review.v1.Organisation;
import cn.jiangmen.innovation.contracts.review.v1.OpenRoundRequest;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.contracts.review.v1.RoundState;
import cn.jiangmen.innovation.contracts.review.v1.Rubric;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import cn.jiangmen.innovation.review.application.ReminderService;
import cn.jiangmen.innovation.review.application.RoundCommands;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A review round end to end against real PostgreSQL and Keycloak tokens: conflicts detected with
 * reasons and never assigned (even by hand), per-object access for experts over REST and gRPC
 * (unassigned, conflicted, before declaration), drafts with optimistic locking, submission,
 * consensus by the rapporteur, confirmation writing the outbox in the same transaction, audit.
 */
@TestPropertySource(properties = { "jiangmen.outbox.relay.enabled=false", "review.reminders.enabled=false",
		"review.reminders.lead=P30D", "spring.mail.host=localhost", "spring.mail.port=" + ReviewRoundIT.SMTP_PORT })
class ReviewRoundIT extends ServiceIntegrationTest {

	static final String ORG_1 = "7d1c2a8e-0000-4000-8000-000000000001";

	static final String ORG_2 = "7d1c2a8e-0000-4000-8000-000000000002";

	static final int SMTP_PORT = 39025;

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, null, "smtp"));

	@Autowired
	ReminderService reminders;

	@Autowired
	RoundCommands roundCommands;

	@Autowired
	TransactionTemplate transactions;

	static final List<String> EXPERTS = List.of("expert1", "expert2", "expert3", "expert4", "expert5");

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "review_it");
	}

	@Autowired
	JdbcClient jdbc;

	Api api;

	/** username -> subject */
	final Map<String, String> subjects = new HashMap<>();

	String itemA;

	String itemB;

	String round;

	/** The audit log is append-only: count what this test wrote. */
	Instant started;

	@BeforeEach
	void prepare() {
		ReviewTables.clear(this.jdbc);
		this.started = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.api = new Api("http://localhost:" + this.port);
		for (String expert : EXPERTS) {
			String affiliation = expert.equals("expert5")
					? "{\"organisationId\":\"" + ORG_1 + "\",\"organisationName\":\"光电科技\",\"fromYear\":2018}" : "";
			HttpProbe.Response saved = this.api.put("/api/review/experts/me", token(expert), """
					{"displayName":"%s","email":"%s@example.org","fieldCodes":["semiconductor-lighting"],
					 "affiliations":[%s]}""".formatted(expert, expert, affiliation));
			assertThat(saved.status()).as(saved.body()).isEqualTo(200);
			this.subjects.put(expert, saved.json().get("subject").asString());
		}
		this.itemA = openItem(ORG_1, "LED 背光模组团队");
		this.itemB = openItem(ORG_2, "轨道交通信号团队");
		HttpProbe.Response opened = this.api.post("/api/review/rounds", token("manager"), roundJson(this.itemA, this.itemB));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		assertThat(opened.json().get("conflictsDetected").asInt()).isEqualTo(1);
		this.round = opened.json().get("round").get("id").asString();
	}

	@Test
	void aConflictIsRecordedWithItsReasonNeverAssignedAndRefusedByHand() {
		JsonNode conflicts = this.api.get("/api/review/rounds/" + this.round + "/conflicts", token("manager")).json();
		assertThat(conflicts.size()).isEqualTo(1);
		assertThat(conflicts.get(0).get("expert").asString()).isEqualTo(this.subjects.get("expert5"));
		assertThat(conflicts.get(0).get("itemId").asString()).isEqualTo(this.itemA);
		assertThat(conflicts.get(0).get("reason").asString()).isEqualTo("ORGANISATION");
		assertThat(conflicts.get(0).get("detail").asString()).isEqualTo("works at 光电科技");

		JsonNode auto = autoAssign();
		assertThat(pairs(auto)).doesNotContain(this.itemA + "|" + this.subjects.get("expert5"));
		assertThat(auto.get("added").size()).isEqualTo(4);
		assertThat(auto.get("shortfalls").size()).isZero();

		HttpProbe.Response manual = this.api.post("/api/review/rounds/" + this.round + "/assignments", token("manager"),
				"{\"itemId\":\"" + this.itemA + "\",\"expert\":\"" + this.subjects.get("expert5") + "\"}");
		assertThat(manual.status()).isEqualTo(409);
		assertThat(manual.body()).contains("assignment.conflict");
		assertThat(countAudit("assignment.refused-conflict")).isEqualTo(1);
		assertThat(countAudit("assignment.created")).isEqualTo(4);

		// a manager's own conflict removes the unsubmitted assignment and is listed with its reason
		String someone = auto.get("added").get(0).get("expert").asString();
		String itsItem = auto.get("added").get(0).get("itemId").asString();
		assertThat(this.api.post("/api/review/rounds/" + this.round + "/conflicts", token("manager"),
				"{\"itemId\":\"" + itsItem + "\",\"expert\":\"" + someone + "\",\"detail\":\"同一课题组\"}").status())
			.isEqualTo(201);
		JsonNode matrix = this.api.get("/api/review/rounds/" + this.round + "/matrix", token("manager")).json();
		assertThat(pairs(matrix.get("assignments"))).doesNotContain(itsItem + "|" + someone);
		assertThat(this.api.get("/api/review/rounds/" + this.round + "/conflicts", token("auditor")).json().findValuesAsString("reason"))
			.containsExactlyInAnyOrder("ORGANISATION", "MANUAL");

		var panel = GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token("auditor"))
			.getRoundPanel(GetRoundPanelRequest.newBuilder().setRoundId(this.round).build());
		assertThat(panel.getConflictsList()).extracting(c -> c.getReason())
			.containsExactlyInAnyOrder(ConflictReason.CONFLICT_REASON_ORGANISATION, ConflictReason.CONFLICT_REASON_MANUAL);
		assertThat(panel.getAssignmentsCount()).isEqualTo(3);
		assertThatThrownBy(() -> GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token("expert1"))
			.getRoundPanel(GetRoundPanelRequest.newBuilder().setRoundId(this.round).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}

	@Test
	void expertsReachOnlyTheirOwnNonConflictedItemsAndOnlyAfterDeclaring() {
		JsonNode auto = autoAssign();
		List<String> onA = new ArrayList<>();
		String assignmentOnA = null;
		for (JsonNode a : auto.get("added")) {
			if (a.get("itemId").asString().equals(this.itemA)) {
				onA.add(a.get("expert").asString());
				assignmentOnA = assignmentOnA == null ? a.get("id").asString() : assignmentOnA;
			}
		}
		String assigned = username(onA.get(0));
		String unassigned = EXPERTS.stream()
			.filter(e -> !e.equals("expert5") && !onA.contains(this.subjects.get(e)))
			.findFirst()
			.orElseThrow();

		for (String outsider : List.of(unassigned, "expert5")) {
			assertThat(this.api.get("/api/review/items/" + this.itemA, token(outsider)).status()).as(outsider).isEqualTo(404);
			assertThat(this.api.get("/api/review/assignments/" + assignmentOnA, token(outsider)).status()).as(outsider)
				.isEqualTo(404);
			assertThatThrownBy(() -> status(outsider, this.itemA)).isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
			String id = assignmentOnA;
			assertThatThrownBy(() -> GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token(outsider))
				.getAssignment(GetAssignmentRequest.newBuilder().setAssignmentId(id).build()))
				.isInstanceOfSatisfying(StatusRuntimeException.class,
						ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
			assertThat(this.api.get("/api/review/my/assignments", token(outsider)).json().findValuesAsString("itemTitle"))
				.as(outsider)
				.doesNotContain("LED 背光模组团队");
		}

		// the owning service may serve documents to the assigned expert only, and only after the declaration
		String ownerItem = this.api.get("/api/review/items/" + this.itemA, token("manager")).json().get("itemId").asString();
		for (String nobody : List.of(unassigned, "expert5", assigned, "manager")) {
			assertThat(mayRead(nobody, ownerItem)).as(nobody).isFalse();
		}
		assertThatThrownBy(() -> GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token(assigned))
			.checkReviewerAccess(CheckReviewerAccessRequest.newBuilder()
				.setOwningContext(OwningContext.OWNING_CONTEXT_TALENT)
				.setItemId("not-a-uuid")
				.build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("item_id");
			});

		// assigned, before declaring: the title only
		assertThat(this.api.get("/api/review/items/" + this.itemA, token(assigned)).status()).isEqualTo(403);
		assertThatThrownBy(() -> status(assigned, this.itemA)).isInstanceOfSatisfying(StatusRuntimeException.class,
				ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		JsonNode before = this.api.get("/api/review/assignments/" + assignmentOnA, token(assigned)).json();
		assertThat(before.get("itemTitle").asString()).isEqualTo("LED 背光模组团队");
		assertThat(before.get("item").isNull()).isTrue();
		assertThat(this.api.put("/api/review/assignments/" + assignmentOnA + "/sheet", token(assigned),
				"{\"version\":0,\"scores\":{\"team\":3}}").status()).isEqualTo(409);
		var expertStub = GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token(assigned));
		var hidden = expertStub.getAssignment(GetAssignmentRequest.newBuilder().setAssignmentId(assignmentOnA).build());
		assertThat(hidden.getAssignment().hasItem()).isFalse();
		assertThat(hidden.getAssignment().getSummary().getItemTitle()).isEqualTo("LED 背光模组团队");

		assertThat(declare(assignmentOnA, assigned, false).status()).isEqualTo(200);
		assertThat(mayRead(assigned, ownerItem)).isTrue();
		assertThat(mayRead(unassigned, ownerItem)).isFalse();
		JsonNode after = this.api.get("/api/review/assignments/" + assignmentOnA, token(assigned)).json();
		assertThat(after.get("item").get("organisationIds").get(0).asString()).isEqualTo(ORG_1);
		assertThat(this.api.get("/api/review/items/" + this.itemA, token(assigned)).status()).isEqualTo(200);
		assertThat(status(assigned, this.itemA).getReviewItemId()).isEqualTo(this.itemA);
		assertThat(expertStub.getAssignment(GetAssignmentRequest.newBuilder().setAssignmentId(assignmentOnA).build())
			.getAssignment()
			.getItem()
			.getOrganisations(0)
			.getId()).isEqualTo(ORG_1);
		assertThat(countAudit("assignment.viewed")).isEqualTo(4);
		assertThat(countAudit("declaration.no-conflict")).isEqualTo(1);
		// someone else's assignment stays hidden even to an assigned expert
		assertThat(this.api.get("/api/review/assignments/" + assignmentOnA, token(username(onA.get(1)))).status()).isEqualTo(404);
	}

	@Test
	void declaringAConflictVoidsTheAssignmentRecordsItAndHidesTheItem() {
		JsonNode a = autoAssign().get("added").get(0);
		String expert = username(a.get("expert").asString());
		String item = a.get("itemId").asString();
		assertThat(declare(a.get("id").asString(), expert, true).status()).isEqualTo(200);
		assertThat(this.api.get("/api/review/items/" + item, token(expert)).status()).isEqualTo(404);
		assertThat(this.api.get("/api/review/assignments/" + a.get("id").asString(), token(expert)).status()).isEqualTo(404);
		assertThat(this.api.get("/api/review/my/assignments", token(expert)).json().findValuesAsString("itemId"))
			.doesNotContain(item);
		assertThat(this.api.get("/api/review/rounds/" + this.round + "/conflicts", token("manager")).json().findValuesAsString("reason"))
			.contains("DECLARED");
		// and can no longer be assigned to it by hand
		assertThat(this.api.post("/api/review/rounds/" + this.round + "/assignments", token("manager"),
				"{\"itemId\":\"" + item + "\",\"expert\":\"" + a.get("expert").asString() + "\"}").status()).isEqualTo(409);
	}

	@Test
	void draftsSubmissionConsensusAndConfirmationWriteTheOutboxInTheSameTransaction() {
		JsonNode auto = autoAssign();
		for (JsonNode a : auto.get("added")) {
			String expert = username(a.get("expert").asString());
			String id = a.get("id").asString();
			assertThat(declare(id, expert, false).status()).isEqualTo(200);
			HttpProbe.Response draft = this.api.put("/api/review/assignments/" + id + "/sheet", token(expert),
					"{\"version\":1,\"scores\":{\"team\":3},\"comments\":{\"team\":\"团队稳定\"}}");
			assertThat(draft.status()).as(draft.body()).isEqualTo(200);
			assertThat(draft.json().get("sheetStatus").asString()).isEqualTo("DRAFT");
			// a stale autosave from another tab
			assertThat(this.api.put("/api/review/assignments/" + id + "/sheet", token(expert),
					"{\"version\":1,\"scores\":{\"team\":4}}").status()).isEqualTo(409);
			HttpProbe.Response incomplete = this.api.post("/api/review/assignments/" + id + "/sheet/submit", token(expert),
					"{\"version\":2,\"scores\":{\"team\":9,\"novelty\":1}}");
			assertThat(incomplete.status()).isEqualTo(400);
			assertThat(incomplete.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
					"scores.innovation", "scores.team", "scores.novelty");
			int innovation = a.get("itemId").asString().equals(this.itemA) ? 5 : 2;
			HttpProbe.Response submitted = this.api.post("/api/review/assignments/" + id + "/sheet/submit", token(expert),
					"{\"version\":2,\"scores\":{\"team\":3,\"innovation\":" + innovation + "},\"overallComment\":\"ok\"}");
			assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
			assertThat(submitted.json().get("secondsToSubmit").isNumber()).isTrue();
		}
		JsonNode matrix = this.api.get("/api/review/rounds/" + this.round + "/matrix", token("manager")).json();
		assertThat(matrix.get("meanSecondsToSubmit").size()).isEqualTo(4);
		Map<String, String> rapporteurs = new HashMap<>();
		matrix.get("rapporteurs").properties().forEach(e -> rapporteurs.put(e.getKey(), e.getValue().asString()));
		assertThat(rapporteurs).containsOnlyKeys(this.itemA, this.itemB);

		HttpProbe.Response early = this.api.post("/api/review/rounds/" + this.round + "/confirm", token("manager"), "{}");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.body()).contains("consensus.missing");

		// only the rapporteur writes the consensus; the panel's scores are visible to them
		String rapporteurA = username(rapporteurs.get(this.itemA));
		String other = EXPERTS.stream().filter(e -> !e.equals(rapporteurA)).findFirst().orElseThrow();
		String consensusA = "/api/review/rounds/" + this.round + "/items/" + this.itemA + "/consensus";
		assertThat(this.api.put(consensusA, token(other), "{\"version\":0,\"finalScores\":{\"team\":3,\"innovation\":5},\"report\":\"x\"}").status())
			.isEqualTo(404);
		JsonNode context = this.api.get(consensusA, token(rapporteurA)).json();
		assertThat(context.get("reviews").size()).isEqualTo(2);
		assertThat(context.get("allSubmitted").asBoolean()).isTrue();
		// the domain names final scores by its own path; REST says finalScores.<code>, gRPC final_scores.<code>
		HttpProbe.Response badA = this.api.put(consensusA, token(rapporteurA),
				"{\"version\":0,\"finalScores\":{\"team\":9},\"report\":\" \"}");
		assertThat(badA.status()).isEqualTo(400);
		assertThat(badA.json().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("finalScores.innovation", "finalScores.team", "report");
		HttpProbe.Response writtenA = this.api.put(consensusA, token(rapporteurA),
				"{\"version\":0,\"finalScores\":{\"team\":3,\"innovation\":5},\"report\":\"专家组一致认为创新性突出。\"}");
		assertThat(writtenA.status()).as(writtenA.body()).isEqualTo(200);
		assertThat(writtenA.json().get("finalScore").asDouble()).isEqualTo(80.0);
		// item B over gRPC, as the portal does
		String rapporteurB = username(rapporteurs.get(this.itemB));
		var rapporteurStub = GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token(rapporteurB));
		var contextB = rapporteurStub.getConsensus(cn.jiangmen.innovation.contracts.review.v1.GetConsensusRequest.newBuilder()
			.setRoundId(this.round).setReviewItemId(this.itemB).build());
		assertThat(contextB.getReviewsCount()).isEqualTo(2);
		assertThat(contextB.getReviews(0).getReviewer()).startsWith("#");
		String notRapporteurB = EXPERTS.stream().filter(e -> !e.equals(rapporteurB)).findFirst().orElseThrow();
		assertThatThrownBy(() -> GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token(notRapporteurB))
			.getConsensus(cn.jiangmen.innovation.contracts.review.v1.GetConsensusRequest.newBuilder()
				.setRoundId(this.round).setReviewItemId(this.itemB).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThatThrownBy(() -> rapporteurStub.writeConsensus(
				cn.jiangmen.innovation.contracts.review.v1.WriteConsensusRequest.newBuilder()
					.setRoundId(this.round).setReviewItemId(this.itemB).putFinalScores("team", 9).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> assertThat(GrpcChannels.fieldViolations(ex))
				.containsExactlyInAnyOrder("final_scores.innovation", "final_scores.team", "report"));
		var writtenB = rapporteurStub.writeConsensus(cn.jiangmen.innovation.contracts.review.v1.WriteConsensusRequest.newBuilder()
			.setRoundId(this.round).setReviewItemId(this.itemB).setVersion(0)
			.putFinalScores("team", 3).putFinalScores("innovation", 2).setReport("创新性不足。").build());
		assertThat(writtenB.getReport().getFailedThresholdsList()).containsExactly("innovation", "overall");

		assertThat(this.api.post("/api/review/rounds/" + this.round + "/confirm", token("expert1"), "{}").status()).isEqualTo(403);
		HttpProbe.Response confirmed = this.api.post("/api/review/rounds/" + this.round + "/confirm", token("manager"), "{}");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		JsonNode rows = confirmed.json().get("items");
		assertThat(rows.get(0).get("reviewItemId").asString()).isEqualTo(this.itemA);
		assertThat(rows.get(0).get("finalRank").asInt()).isEqualTo(1);
		assertThat(rows.get(0).get("passedThresholds").asBoolean()).isTrue();
		assertThat(rows.get(1).get("finalRank").asInt()).isEqualTo(2);
		assertThat(rows.get(1).get("passedThresholds").asBoolean()).isFalse();

		List<Map<String, Object>> outbox = this.jdbc
			.sql("select destination, idempotency_key, payload::text as payload, sent_at from outbox order by payload->>'rank'")
			.query()
			.listOfRows();
		assertThat(outbox).hasSize(2);
		assertThat(outbox.get(0).get("destination")).isEqualTo("talent.RecordReviewOutcome");
		assertThat((String) outbox.get(0).get("payload")).contains("\"rank\": 1").contains("\"finalScoreHundredths\": 8000");
		assertThat(outbox.get(0).get("sent_at")).isNull();
		assertThat(this.jdbc.sql("select count(*) from review_item where state = 'RANKED'").query(Integer.class).single())
			.isEqualTo(2);

		GetRoundResultsResponse results = GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel),
				infra.tokens().serviceAccountToken())
			.getRoundResults(GetRoundResultsRequest.newBuilder().setRoundId(this.round).build());
		assertThat(results.getState()).isEqualTo(RoundState.ROUND_STATE_CONFIRMED);
		assertThat(results.getItems(0).getFinalRank()).isEqualTo(1);
		assertThat(results.getItems(0).getFinalHundredths()).isEqualTo(8000);

		// confirmed means frozen
		assertThat(this.api.post("/api/review/rounds/" + this.round + "/assignments/auto", token("manager"), "{}").status())
			.isEqualTo(409);
		assertThat(countAudit("review.submitted")).isEqualTo(4);
		assertThat(countAudit("round.confirmed")).isEqualTo(1);
	}

	@Test
	void onlyManagersRunRoundsAndBadRoundsNameEveryField() {
		assertThat(this.api.post("/api/review/rounds/" + this.round + "/assignments/auto", token("expert1"), "{}").status())
			.isEqualTo(403);
		assertThat(this.api.post("/api/review/rounds/" + this.round + "/assignments/auto", token("auditor"), "{}").status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/review/rounds/" + this.round + "/results", token("auditor")).status()).isEqualTo(200);
		var autoRequest = cn.jiangmen.innovation.contracts.review.v1.AutoAssignRequest.newBuilder().setRoundId(this.round).build();
		assertThatThrownBy(() -> GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token("expert1"))
			.autoAssign(autoRequest)).isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThat(GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token("manager"))
			.autoAssign(autoRequest)
			.getAssignmentsAdded()).isEqualTo(4);
		assertThat(this.api.get("/api/review/rounds/" + this.round + "/results", token("expert1")).status()).isEqualTo(403);
		assertThat(this.api.get("/api/review/rounds/" + this.round + "/results", token("applicant1")).status()).isEqualTo(403);

		HttpProbe.Response bad = this.api.post("/api/review/rounds", token("manager"), """
				{"name":"","owningContext":"NOPE","reviewItemIds":["x","%s"],
				 "rubric":{"criteria":[{"code":"a","name":"A","weightPercent":50,"threshold":0}],"scaleMin":1,"scaleMax":5},
				 "deadline":"2020-01-01T00:00:00Z","reviewersPerItem":0,"maxItemsPerExpert":5,"disagreementLimitHundredths":1000}
				""".formatted(this.itemA));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("name", "owningContext",
				"reviewItemIds[0]", "rubric.criteria", "deadline", "reviewersPerItem");
		// an item already in a round cannot join another
		HttpProbe.Response twice = this.api.post("/api/review/rounds", token("manager"), roundJson(this.itemA));
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.json().get("errors").findValuesAsString("field")).containsExactly("reviewItemIds[0]");

		String itemC = openItem(ORG_2, "gRPC round");
		assertThatThrownBy(() -> GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token("expert1"))
			.openRound(grpcRound(itemC))).isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThat(GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), infra.tokens().serviceAccountToken())
			.openRound(grpcRound(itemC))
			.getRoundId()).isNotBlank();
		assertThatThrownBy(() -> GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token("manager"))
			.openRound(OpenRoundRequest.newBuilder().setName("x").build())).isInstanceOfSatisfying(
					StatusRuntimeException.class, ex -> assertThat(GrpcChannels.fieldViolations(ex)).contains(
							"owning_context", "review_item_ids", "deadline", "reviewers_per_item"));
		// no rubric is no fault: the round takes the standard rubric of its items' kind (CheckRoundReviewIT)
	}

	@Test
	void expertsWithUnsubmittedReviewsNearTheDeadlineGetOneNoticeAndOneEmailPerRound() throws Exception {
		JsonNode auto = autoAssign();
		// one expert finishes everything: no reminder for them
		String done = auto.get("added").get(0).get("expert").asString();
		for (JsonNode a : auto.get("added")) {
			if (a.get("expert").asString().equals(done)) {
				String id = a.get("id").asString();
				declare(id, username(done), false);
				assertThat(this.api.post("/api/review/assignments/" + id + "/sheet/submit", token(username(done)),
						"{\"version\":1,\"scores\":{\"team\":3,\"innovation\":3}}").status()).isEqualTo(200);
			}
		}
		java.util.Set<String> pending = new java.util.TreeSet<>();
		auto.get("added").forEach(a -> pending.add(a.get("expert").asString()));
		pending.remove(done);

		assertThat(this.reminders.remindDue()).isEqualTo(pending.size());
		assertThat(this.reminders.remindDue()).isZero();
		jakarta.mail.internet.MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).hasSize(pending.size());
		List<String> to = new ArrayList<>();
		for (jakarta.mail.internet.MimeMessage m : mails) {
			to.add(m.getAllRecipients()[0].toString());
			assertThat(m.getSubject()).contains("评审提醒").contains("2026 第一批创新团队评审");
		}
		assertThat(to).containsExactlyInAnyOrderElementsOf(pending.stream().map(s -> username(s) + "@example.org").toList());

		String reminded = username(pending.iterator().next());
		JsonNode notices = this.api.get("/api/review/my/notices", token(reminded)).json();
		assertThat(notices.size()).isEqualTo(1);
		assertThat(notices.get(0).get("roundName").asString()).isEqualTo("2026 第一批创新团队评审");
		assertThat(this.api.get("/api/review/my/notices", token(username(done))).json().size()).isZero();
		assertThat(this.api.get("/api/review/my/notices", token("manager")).status()).isEqualTo(403);
	}

	@Test
	void theOutboxRowsAreWrittenInTheConfirmationsTransaction() {
		JsonNode auto = autoAssign();
		Map<String, String> rapporteurs = new HashMap<>();
		for (JsonNode a : auto.get("added")) {
			String expert = username(a.get("expert").asString());
			String id = a.get("id").asString();
			declare(id, expert, false);
			this.api.post("/api/review/assignments/" + id + "/sheet/submit", token(expert),
					"{\"version\":1,\"scores\":{\"team\":3,\"innovation\":4}}");
		}
		this.api.get("/api/review/rounds/" + this.round + "/matrix", token("manager")).json().get("rapporteurs")
			.properties().forEach(e -> rapporteurs.put(e.getKey(), e.getValue().asString()));
		rapporteurs.forEach((item, subject) -> assertThat(this.api.put("/api/review/rounds/" + this.round + "/items/" + item
				+ "/consensus", token(username(subject)), "{\"version\":0,\"finalScores\":{\"team\":3,\"innovation\":4},\"report\":\"一致\"}")
			.status()).isEqualTo(200));
		cn.jiangmen.innovation.platform.domain.Caller manager = cn.jiangmen.innovation.platform.domain.Caller.of("manager", "program-manager");
		cn.jiangmen.innovation.review.domain.RoundId roundId = cn.jiangmen.innovation.review.domain.RoundId.parse(this.round, "id");

		// rolled back together: neither the confirmation nor the outbox rows remain
		this.transactions.executeWithoutResult(tx -> {
			this.roundCommands.confirm(manager, roundId);
			assertThat(countOutbox()).isEqualTo(2);
			tx.setRollbackOnly();
		});
		assertThat(countOutbox()).isZero();
		assertThat(this.jdbc.sql("select state from review_round where id = :id").param("id", UUID.fromString(this.round))
			.query(String.class).single()).isEqualTo("OPEN");

		this.roundCommands.confirm(manager, roundId);
		assertThat(countOutbox()).isEqualTo(2);
	}

	@Test
	void theRoundPageRpcsListWaitingItemsAssignByHandRefuseConflictsAndNameTheRapporteur() {
		var manager = stub("manager");
		String itemC = openItem(ORG_2, "待评审人才项目", OwningContext.OWNING_CONTEXT_TALENT);
		String itemD = openItem(ORG_2, "待评审重大专项", OwningContext.OWNING_CONTEXT_PROJECT);
		var all = manager.listItemsAwaitingRound(
				cn.jiangmen.innovation.contracts.review.v1.ListItemsAwaitingRoundRequest.getDefaultInstance());
		assertThat(all.getItemsList()).extracting(i -> i.getReviewItemId()).containsExactly(itemC, itemD);
		assertThat(all.getItems(0).getTitle()).isEqualTo("待评审人才项目");
		assertThat(all.getItems(0).getFieldCodesList()).containsExactly("semiconductor-lighting");
		assertThat(all.getItems(1).getOwningContext()).isEqualTo(OwningContext.OWNING_CONTEXT_PROJECT);
		var talentOnly = cn.jiangmen.innovation.contracts.review.v1.ListItemsAwaitingRoundRequest.newBuilder()
			.setOwningContext(OwningContext.OWNING_CONTEXT_TALENT)
			.build();
		assertThat(stub("auditor").listItemsAwaitingRound(talentOnly).getItemsList()).extracting(i -> i.getReviewItemId())
			.containsExactly(itemC);
		assertDenied(() -> stub("expert1").listItemsAwaitingRound(talentOnly));

		String expert1 = this.subjects.get("expert1");
		String expert2 = this.subjects.get("expert2");
		String expert5 = this.subjects.get("expert5");
		// experts never assign
		assertDenied(() -> stub("expert1").assignExpert(assign(this.itemA, expert2)));
		// by hand
		var first = manager.assignExpert(assign(this.itemA, expert1)).getAssignment();
		assertThat(first.getManual()).isTrue();
		assertThat(first.getExpert()).isEqualTo(expert1);
		manager.assignExpert(assign(this.itemA, expert2));
		assertThatThrownBy(() -> manager.assignExpert(assign(this.itemA, expert2)))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
		// a conflicted one is refused, with its reason, and nothing is written but the refusal's audit record
		assertThatThrownBy(() -> manager.assignExpert(assign(this.itemA, expert5)))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
				assertThat(reason(ex)).isEqualTo("assignment.conflict");
			});
		assertThat(countAssignments(this.itemA, expert5)).isZero();
		assertThat(countAudit("assignment.refused-conflict")).isEqualTo(1);
		// an item of no round is named as the bad field, by each adapter's name for it
		assertThatThrownBy(() -> manager.assignExpert(assign(itemC, expert1)))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("review_item_id"));
		HttpProbe.Response notInRound = this.api.post("/api/review/rounds/" + this.round + "/assignments", token("manager"),
				"{\"itemId\":\"" + itemC + "\",\"expert\":\"" + expert1 + "\"}");
		assertThat(notInRound.status()).isEqualTo(400);
		assertThat(notInRound.json().get("errors").findValuesAsString("field")).containsExactly("itemId");

		// the rapporteur: the first expert assigned, unless the manager names another of the item's experts
		String automatic = expert1;
		String other = expert2;
		assertThat(rapporteur(this.itemA)).isEqualTo(automatic);
		var naming = cn.jiangmen.innovation.contracts.review.v1.SetRapporteurRequest.newBuilder()
			.setRoundId(this.round)
			.setReviewItemId(this.itemA);
		assertDenied(() -> stub("expert1").setRapporteur(naming.setExpert(other).build()));
		manager.setRapporteur(naming.setExpert(other).build());
		assertThat(rapporteur(this.itemA)).isEqualTo(other);
		assertThatThrownBy(() -> manager.setRapporteur(naming.setExpert(expert5).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("expert"));
		assertThat(rapporteur(this.itemA)).isEqualTo(other);

		// a manager's conflict with its reason removes the unsubmitted assignment; the rapporteur moves on
		var conflict = cn.jiangmen.innovation.contracts.review.v1.AddConflictRequest.newBuilder()
			.setRoundId(this.round)
			.setReviewItemId(this.itemA)
			.setExpert(other);
		assertDenied(() -> stub("expert1").addConflict(conflict.setDetail("同一课题组").build()));
		assertThatThrownBy(() -> manager.addConflict(conflict.setDetail("  ").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("detail"));
		var recorded = manager.addConflict(conflict.setDetail("同一课题组").build()).getConflict();
		assertThat(recorded.getReason()).isEqualTo(ConflictReason.CONFLICT_REASON_MANUAL);
		assertThat(recorded.getRecordedBy()).isEqualTo("manager");
		assertThat(countAssignments(this.itemA, other)).isZero();
		assertThat(rapporteur(this.itemA)).isEqualTo(automatic);
		assertThatThrownBy(() -> manager.assignExpert(assign(this.itemA, other)))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> assertThat(reason(ex)).isEqualTo("assignment.conflict"));

		// removing: managers only, and only an assignment of that round
		var remove = cn.jiangmen.innovation.contracts.review.v1.RemoveAssignmentRequest.newBuilder()
			.setRoundId(this.round)
			.setAssignmentId(first.getAssignmentId());
		assertDenied(() -> stub("expert1").removeAssignment(remove.build()));
		String otherRound = manager.openRound(grpcRound(itemC)).getRoundId();
		assertThatThrownBy(() -> manager.removeAssignment(remove.setRoundId(otherRound).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThat(countAssignments(this.itemA, expert1)).isOne();
		manager.removeAssignment(remove.setRoundId(this.round).build());
		assertThat(countAssignments(this.itemA, expert1)).isZero();
		assertThat(countAudit("assignment.removed")).isEqualTo(2);
		assertThat(manager.listItemsAwaitingRound(talentOnly).getItemsList()).isEmpty();
	}

	@Test
	void anExpertReadsAndSavesTheirOwnProfileOverGrpcBadRowsNamedAndNothingSaved() {
		this.jdbc.sql("delete from expert where username = 'expert1'").update();
		int savedBefore = countAudit("expert.saved");
		var expert = stub("expert1");
		var empty = expert.getMyProfile(cn.jiangmen.innovation.contracts.review.v1.GetMyProfileRequest.getDefaultInstance());
		assertThat(empty.getFound()).isFalse();
		assertThat(empty.getProfile().getUsername()).isEqualTo("expert1");
		assertThat(empty.getProfile().getSubject()).isEqualTo(this.subjects.get("expert1"));

		var bad = cn.jiangmen.innovation.contracts.review.v1.ExpertProfile.newBuilder()
			.setDisplayName("陈专家")
			.setEmail("not-an-address")
			.addFieldCodes("semiconductor-lighting")
			.addAffiliations(cn.jiangmen.innovation.contracts.review.v1.ExpertAffiliation.newBuilder()
				.setOrganisationId("five-yi").setOrganisationName("五邑大学").setFromYear(2015).setUntilYear(2012))
			.addCoApplications(cn.jiangmen.innovation.contracts.review.v1.ExpertCoApplication.newBuilder()
				.setPersonKey("leader-1"))
			.addRelationships(cn.jiangmen.innovation.contracts.review.v1.ExpertRelationship.newBuilder()
				.setKind(cn.jiangmen.innovation.contracts.review.v1.RelationshipKind.RELATIONSHIP_KIND_ORGANISATION)
				.setReference("光电科技"))
			.build();
		assertThatThrownBy(() -> expert.saveMyProfile(
				cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileRequest.newBuilder().setProfile(bad).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(GrpcChannels.fieldViolations(ex)).containsExactly("email",
							"affiliations[0].organisation_id", "affiliations[0].until_year", "co_applications[0].year",
							"relationships[0].reference"));
		assertThat(this.jdbc.sql("select count(*) from expert where username = 'expert1'").query(Integer.class).single())
			.isZero();

		var good = bad.toBuilder()
			.setEmail("expert1@example.org")
			.setSubject("someone-else")
			.setUsername("someone-else")
			.setAffiliations(0, bad.getAffiliations(0).toBuilder().setOrganisationId(ORG_2).setUntilYear(0))
			.addAffiliations(cn.jiangmen.innovation.contracts.review.v1.ExpertAffiliation.newBuilder()
				.setOrganisationId(ORG_1).setOrganisationName("光电科技").setFromYear(2008).setUntilYear(2014))
			.setCoApplications(0, bad.getCoApplications(0).toBuilder().setYear(2024))
			.setRelationships(0, bad.getRelationships(0).toBuilder().setReference(ORG_1).setNote("配偶任职"))
			.build();
		var saved = expert.saveMyProfile(
				cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileRequest.newBuilder().setProfile(good).build())
			.getProfile();
		// subject and username always come from the token
		assertThat(saved.getSubject()).isEqualTo(this.subjects.get("expert1"));
		assertThat(saved.getUsername()).isEqualTo("expert1");
		var read = expert.getMyProfile(cn.jiangmen.innovation.contracts.review.v1.GetMyProfileRequest.getDefaultInstance());
		assertThat(read.getFound()).isTrue();
		assertThat(read.getProfile().getAffiliationsList()).extracting(a -> a.getOrganisationName() + ":" + a.getUntilYear())
			.containsExactly("五邑大学:0", "光电科技:2014");
		assertThat(read.getProfile().getCoApplications(0).getYear()).isEqualTo(2024);
		assertThat(read.getProfile().getRelationships(0).getNote()).isEqualTo("配偶任职");
		assertThat(countAudit("expert.saved")).isEqualTo(savedBefore + 1);
		// a manager is not an expert: no profile of their own here
		assertDenied(() -> stub("manager")
			.getMyProfile(cn.jiangmen.innovation.contracts.review.v1.GetMyProfileRequest.getDefaultInstance()));
		assertDenied(() -> stub("manager").saveMyProfile(
				cn.jiangmen.innovation.contracts.review.v1.SaveMyProfileRequest.newBuilder().setProfile(good).build()));
	}

	private ReviewServiceGrpc.ReviewServiceBlockingStub stub(String user) {
		return GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token(user));
	}

	private cn.jiangmen.innovation.contracts.review.v1.AssignExpertRequest assign(String item, String expert) {
		return cn.jiangmen.innovation.contracts.review.v1.AssignExpertRequest.newBuilder()
			.setRoundId(this.round)
			.setReviewItemId(item)
			.setExpert(expert)
			.build();
	}

	private String rapporteur(String item) {
		return stub("manager").getRoundPanel(GetRoundPanelRequest.newBuilder().setRoundId(this.round).build())
			.getItemsList()
			.stream()
			.filter(i -> i.getReviewItemId().equals(item))
			.findFirst()
			.orElseThrow()
			.getRapporteur();
	}

	private int countAssignments(String item, String expert) {
		return this.jdbc.sql("select count(*) from assignment where item_id = :i and expert = :e")
			.param("i", UUID.fromString(item))
			.param("e", expert)
			.query(Integer.class)
			.single();
	}

	private static String reason(StatusRuntimeException ex) {
		com.google.rpc.Status status = io.grpc.protobuf.StatusProto.fromThrowable(ex);
		for (com.google.protobuf.Any detail : status.getDetailsList()) {
			if (detail.is(com.google.rpc.ErrorInfo.class)) {
				try {
					return detail.unpack(com.google.rpc.ErrorInfo.class).getReason();
				}
				catch (com.google.protobuf.InvalidProtocolBufferException bad) {
					throw new AssertionError(bad);
				}
			}
		}
		return "";
	}

	private static void assertDenied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class,
				ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}

	private int countOutbox() {
		return this.jdbc.sql("select count(*) from outbox").query(Integer.class).single();
	}

	private OpenRoundRequest grpcRound(String item) {
		Instant deadline = Instant.now().plus(7, ChronoUnit.DAYS);
		return OpenRoundRequest.newBuilder()
			.setName("gRPC round")
			.setOwningContext(OwningContext.OWNING_CONTEXT_TALENT)
			.addReviewItemIds(item)
			.setRubric(Rubric.newBuilder()
				.addCriteria(Criterion.newBuilder().setCode("merit").setName("Merit").setWeightPercent(100))
				.setScaleMin(0)
				.setScaleMax(10))
			.setDeadline(Timestamp.newBuilder().setSeconds(deadline.getEpochSecond()))
			.setReviewersPerItem(1)
			.setMaxItemsPerExpert(3)
			.setDisagreementLimitHundredths(1500)
			.build();
	}

	private String roundJson(String... items) {
		return """
				{"name":"2026 第一批创新团队评审","owningContext":"TALENT","reviewItemIds":[%s],
				 "rubric":{"criteria":[{"code":"innovation","name":"创新性","weightPercent":60,"threshold":3},
				                       {"code":"team","name":"团队","weightPercent":40,"threshold":0}],
				           "scaleMin":1,"scaleMax":5,"overallThresholdHundredths":6000},
				 "blind":true,"deadline":"%s","reviewersPerItem":2,"maxItemsPerExpert":2,
				 "disagreementLimitHundredths":1500}
				""".formatted(String.join(",", java.util.Arrays.stream(items).map(i -> "\"" + i + "\"").toList()),
				Instant.now().plus(14, ChronoUnit.DAYS));
	}

	private JsonNode autoAssign() {
		HttpProbe.Response auto = this.api.post("/api/review/rounds/" + this.round + "/assignments/auto", token("manager"), "{}");
		assertThat(auto.status()).as(auto.body()).isEqualTo(200);
		return auto.json();
	}

	private HttpProbe.Response declare(String assignment, String expert, boolean conflict) {
		return this.api.post("/api/review/assignments/" + assignment + "/declaration", token(expert),
				"{\"conflict\":" + conflict + ",\"note\":\"\"}");
	}

	private static List<String> pairs(JsonNode assignments) {
		JsonNode list = assignments.has("added") ? assignments.get("added") : assignments;
		List<String> pairs = new ArrayList<>();
		list.forEach(a -> pairs.add(a.get("itemId").asString() + "|" + a.get("expert").asString()));
		return pairs;
	}

	private cn.jiangmen.innovation.contracts.review.v1.GetReviewStatusResponse status(String user, String item) {
		return GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token(user))
			.getReviewStatus(GetReviewStatusRequest.newBuilder().setReviewItemId(item).build());
	}

	private String openItem(String organisation, String title) {
		return openItem(organisation, title, OwningContext.OWNING_CONTEXT_TALENT);
	}

	private String openItem(String organisation, String title, OwningContext context) {
		return GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), infra.tokens().serviceAccountToken())
			.openReview(OpenReviewRequest.newBuilder()
				.setIdempotencyKey("it-" + UUID.randomUUID())
				.setOwningContext(context)
				.setItemId(UUID.randomUUID().toString())
				.setTitle(title)
				.addFieldCodes("semiconductor-lighting")
				.addOrganisations(Organisation.newBuilder().setId(organisation))
				.setLeaderPersonKey("leader-" + title.hashCode())
				.build())
			.getReviewItemId();
	}

	private boolean mayRead(String user, String ownerItem) {
		return GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), token(user))
			.checkReviewerAccess(CheckReviewerAccessRequest.newBuilder()
				.setOwningContext(OwningContext.OWNING_CONTEXT_TALENT)
				.setItemId(ownerItem)
				.build())
			.getAllowed();
	}

	private String username(String subject) {
		return this.subjects.entrySet().stream().filter(e -> e.getValue().equals(subject)).findFirst().orElseThrow().getKey();
	}

	private int countAudit(String action) {
		return this.jdbc.sql("select count(*) from audit_log where action = :a and occurred_at >= :started")
			.param("a", action)
			.param("started", java.sql.Timestamp.from(this.started))
			.query(Integer.class)
			.single();
	}

}
