package cn.jiangmen.innovation.review;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.project.v1.CheckRoundState;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ProposalStatus;
import cn.jiangmen.innovation.contracts.project.v1.RecordCheckRoundOutcomeRequest;
import cn.jiangmen.innovation.contracts.project.v1.RecordCheckRoundOutcomeResponse;
import cn.jiangmen.innovation.contracts.project.v1.RecordProposalReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.project.v1.RecordProposalReviewOutcomeResponse;
import cn.jiangmen.innovation.contracts.review.v1.ItemKind;
import cn.jiangmen.innovation.contracts.review.v1.ListItemsAwaitingRoundRequest;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.Organisation;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.platform.outbox.OutboxRelay;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mid-term checks (中期检查) and final acceptance (验收) as review rounds, against real PostgreSQL and
 * Keycloak tokens, with a stand-in project-service over real gRPC: items carry their kind, a round
 * holds one kind and takes that kind's standard rubric when none is given, and the confirmed
 * outcome of a check goes to {@code RecordCheckRoundOutcome} while a proposal's goes to
 * {@code RecordProposalReviewOutcome}.
 */
@TestPropertySource(properties = { "jiangmen.outbox.relay.enabled=false", "review.reminders.enabled=false" })
class CheckRoundReviewIT extends ServiceIntegrationTest {

	static final String LEAD = "7d1c2a8e-0000-4000-8000-000000000002";

	static final String PARTNER = "7d1c2a8e-0000-4000-8000-000000000001";

	static final String FIELD = "marine-engineering-equipment";

	static final List<RecordCheckRoundOutcomeRequest> checks = new CopyOnWriteArrayList<>();

	static final List<RecordProposalReviewOutcomeRequest> proposals = new CopyOnWriteArrayList<>();

	static final Server project = start();

	static Server start() {
		ProjectServiceGrpc.ProjectServiceImplBase service = new ProjectServiceGrpc.ProjectServiceImplBase() {
			@Override
			public void recordCheckRoundOutcome(RecordCheckRoundOutcomeRequest request,
					StreamObserver<RecordCheckRoundOutcomeResponse> response) {
				checks.add(request);
				response.onNext(RecordCheckRoundOutcomeResponse.newBuilder()
					.setCheckRoundId(request.getCheckRoundId())
					.setState(CheckRoundState.CHECK_ROUND_STATE_PASSED)
					.build());
				response.onCompleted();
			}

			@Override
			public void recordProposalReviewOutcome(RecordProposalReviewOutcomeRequest request,
					StreamObserver<RecordProposalReviewOutcomeResponse> response) {
				proposals.add(request);
				response.onNext(RecordProposalReviewOutcomeResponse.newBuilder()
					.setStatus(ProposalStatus.PROPOSAL_STATUS_REVIEWED)
					.build());
				response.onCompleted();
			}
		};
		try {
			return ServerBuilder.forPort(0).addService(service).build().start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void stop() {
		project.shutdownNow();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "review_it");
		registry.add("spring.grpc.client.channel.project.target", () -> "static://localhost:" + project.getPort());
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxRelay relay;

	Api api;

	final Map<String, String> subjects = new HashMap<>();

	@BeforeEach
	void prepare() {
		ReviewTables.clear(this.jdbc);
		checks.clear();
		proposals.clear();
		this.api = new Api("http://localhost:" + this.port);
		for (String expert : List.of("expert1", "expert2", "expert3")) {
			HttpProbe.Response saved = this.api.put("/api/review/experts/me", token(expert), """
					{"displayName":"%s","email":"%s@example.org","fieldCodes":["%s"],"affiliations":[]}"""
				.formatted(expert, expert, FIELD));
			assertThat(saved.status()).as(saved.body()).isEqualTo(200);
			this.subjects.put(saved.json().get("subject").asString(), expert);
		}
	}

	@Test
	void itemKindsAreKeptAndAKindOfAnotherOwnerIsRefusedNamingTheField() {
		String acceptance = open(OwningContext.OWNING_CONTEXT_PROJECT, ItemKind.ITEM_KIND_FINAL_ACCEPTANCE, UUID.randomUUID());
		String proposal = open(OwningContext.OWNING_CONTEXT_PROJECT, ItemKind.ITEM_KIND_UNSPECIFIED, UUID.randomUUID());
		var awaiting = as("manager", ReviewServiceGrpc.newBlockingStub(this.channel))
			.listItemsAwaitingRound(ListItemsAwaitingRoundRequest.newBuilder().setPageSize(10).build())
			.getItemsList();
		Map<String, ItemKind> kinds = new HashMap<>();
		awaiting.forEach(i -> kinds.put(i.getReviewItemId(), i.getItemKind()));
		assertThat(kinds).containsEntry(acceptance, ItemKind.ITEM_KIND_FINAL_ACCEPTANCE)
			.as("unspecified keeps the owner's first kind, as before kinds existed")
			.containsEntry(proposal, ItemKind.ITEM_KIND_PROPOSAL);

		assertThatThrownBy(() -> open(OwningContext.OWNING_CONTEXT_TALENT, ItemKind.ITEM_KIND_MID_TERM_CHECK, UUID.randomUUID()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(fields(ex)).containsExactly("item_kind");
			});
	}

	@Test
	void aRoundHoldsOneKindAndAChecksRoundTakesTheCheckRubricNotTheProposalOne() {
		String acceptance = open(OwningContext.OWNING_CONTEXT_PROJECT, ItemKind.ITEM_KIND_FINAL_ACCEPTANCE, UUID.randomUUID());
		String midTerm = open(OwningContext.OWNING_CONTEXT_PROJECT, ItemKind.ITEM_KIND_MID_TERM_CHECK, UUID.randomUUID());
		String proposal = open(OwningContext.OWNING_CONTEXT_PROJECT, ItemKind.ITEM_KIND_PROPOSAL, UUID.randomUUID());

		HttpProbe.Response mixed = this.api.post("/api/review/rounds", token("manager"), roundJson(acceptance, proposal));
		assertThat(mixed.status()).as(mixed.body()).isEqualTo(400);
		assertThat(mixed.json().get("errors").findValuesAsString("field")).containsExactly("reviewItemIds[1]");
		assertThat(mixed.body()).contains("FINAL_ACCEPTANCE").contains("PROPOSAL");

		JsonNode acceptanceRound = openRound(acceptance);
		assertThat(acceptanceRound.get("criteria").findValuesAsString("code"))
			.containsExactly("objectives", "kpi", "funds", "results");
		JsonNode midTermRound = openRound(midTerm);
		assertThat(midTermRound.get("criteria").findValuesAsString("code"))
			.containsExactly("progress", "kpi", "funds", "management");
		JsonNode proposalRound = openRound(proposal);
		assertThat(proposalRound.get("criteria").findValuesAsString("code"))
			.containsExactly("innovation", "feasibility", "consortium", "budget", "benefit");
	}

	@Test
	void aConfirmedCheckGoesToRecordCheckRoundOutcomeAndAProposalToRecordProposalReviewOutcome() {
		UUID checkRound = UUID.randomUUID();
		UUID proposalId = UUID.randomUUID();
		String acceptance = open(OwningContext.OWNING_CONTEXT_PROJECT, ItemKind.ITEM_KIND_FINAL_ACCEPTANCE, checkRound);
		String proposal = open(OwningContext.OWNING_CONTEXT_PROJECT, ItemKind.ITEM_KIND_PROPOSAL, proposalId);

		String acceptanceRound = openRound(acceptance).get("id").asString();
		review(acceptanceRound, "{\"objectives\":2,\"kpi\":3,\"funds\":2,\"results\":1}");
		String proposalRound = openRound(proposal).get("id").asString();
		review(proposalRound, "{\"innovation\":5,\"feasibility\":4,\"consortium\":4,\"budget\":4,\"benefit\":4}");

		assertThat(this.jdbc.sql("select destination from outbox order by destination").query(String.class).list())
			.containsExactly("project.RecordCheckRoundOutcome", "project.RecordProposalReviewOutcome");
		assertThat(this.relay.relayDue(10)).isEqualTo(2);
		assertThat(this.relay.relayDue(10)).as("nothing is sent twice").isZero();

		assertThat(checks).singleElement().satisfies(sent -> {
			assertThat(sent.getCheckRoundId()).isEqualTo(checkRound.toString());
			assertThat(sent.getReviewItemId()).isEqualTo(acceptance);
			assertThat(sent.getIdempotencyKey()).isEqualTo("review-outcome-" + acceptance);
			assertThat(sent.getPassedThresholds()).as("objectives 2 of 5 is below the threshold").isFalse();
			// (2-1)/4*30 + (3-1)/4*30 + (2-1)/4*25 + 0 = 7.5 + 15 + 6.25 = 28.75 points
			assertThat(sent.getFinalScoreHundredths()).isEqualTo(2875);
		});
		assertThat(proposals).singleElement().satisfies(sent -> {
			assertThat(sent.getProposalId()).isEqualTo(proposalId.toString());
			assertThat(sent.getPassedThresholds()).isTrue();
		});
	}

	private void review(String round, String scores) {
		HttpProbe.Response auto = this.api.post("/api/review/rounds/" + round + "/assignments/auto", token("manager"), "{}");
		assertThat(auto.status()).as(auto.body()).isEqualTo(200);
		JsonNode added = auto.json().get("added");
		assertThat(added.size()).isEqualTo(1);
		String assignment = added.get(0).get("id").asString();
		String expert = this.subjects.get(added.get(0).get("expert").asString());
		String item = added.get(0).get("itemId").asString();
		assertThat(this.api.post("/api/review/assignments/" + assignment + "/declaration", token(expert),
				"{\"conflict\":false,\"note\":\"\"}").status()).isEqualTo(200);
		HttpProbe.Response submitted = this.api.post("/api/review/assignments/" + assignment + "/sheet/submit",
				token(expert), "{\"version\":1,\"scores\":" + scores + ",\"overallComment\":\"现场核查\"}");
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		HttpProbe.Response consensus = this.api.put("/api/review/rounds/" + round + "/items/" + item + "/consensus",
				token(expert), "{\"version\":0,\"finalScores\":" + scores + ",\"report\":\"专家组意见\"}");
		assertThat(consensus.status()).as(consensus.body()).isEqualTo(200);
		HttpProbe.Response confirmed = this.api.post("/api/review/rounds/" + round + "/confirm", token("manager"), "{}");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
	}

	private JsonNode openRound(String item) {
		HttpProbe.Response opened = this.api.post("/api/review/rounds", token("manager"), roundJson(item));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return opened.json().get("round");
	}

	/** No rubric: the standard rubric of the items' kind applies. */
	private static String roundJson(String... items) {
		return """
				{"name":"2026 验收评审","owningContext":"PROJECT","reviewItemIds":[%s],
				 "blind":false,"deadline":"%s","reviewersPerItem":1,"maxItemsPerExpert":5,
				 "disagreementLimitHundredths":1500}
				""".formatted(String.join(",", java.util.Arrays.stream(items).map(i -> "\"" + i + "\"").toList()),
				Instant.now().plus(14, ChronoUnit.DAYS));
	}

	private String open(OwningContext context, ItemKind kind, UUID ownerItem) {
		return GrpcChannels.withToken(ReviewServiceGrpc.newBlockingStub(this.channel), infra.tokens().serviceAccountToken())
			.openReview(OpenReviewRequest.newBuilder()
				.setIdempotencyKey("it-" + UUID.randomUUID())
				.setOwningContext(context)
				.setItemKind(kind)
				.setItemId(ownerItem.toString())
				.setTitle("海洋工程装备 " + kind)
				.addFieldCodes(FIELD)
				.addOrganisations(Organisation.newBuilder().setId(LEAD).setName("五邑大学"))
				.addOrganisations(Organisation.newBuilder().setId(PARTNER).setName("江门市光电科技有限公司"))
				.build())
			.getReviewItemId();
	}

	private static List<String> fields(StatusRuntimeException ex) {
		return GrpcChannels.fieldViolations(ex);
	}

}
