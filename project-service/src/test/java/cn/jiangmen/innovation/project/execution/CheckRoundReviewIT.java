package cn.jiangmen.innovation.project.execution;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseProjectRecoveryRequest;
import cn.jiangmen.innovation.contracts.funding.v1.RaiseProjectRecoveryResponse;
import cn.jiangmen.innovation.contracts.funding.v1.RecoveryReason;
import cn.jiangmen.innovation.contracts.project.v1.CheckRoundState;
import cn.jiangmen.innovation.contracts.project.v1.GetProjectSummaryRequest;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ProjectStage;
import cn.jiangmen.innovation.contracts.project.v1.RecordCheckRoundOutcomeRequest;
import cn.jiangmen.innovation.contracts.project.v1.RecordCheckRoundOutcomeResponse;
import cn.jiangmen.innovation.contracts.review.v1.ItemKind;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewResponse;
import cn.jiangmen.innovation.contracts.review.v1.ReviewServiceGrpc;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mid-term checks and final acceptance reviewed in review-service, against real PostgreSQL and
 * Keycloak tokens, with stand-in review and funding servers over real gRPC: opening a round hands
 * it to review with its kind and the consortium; the panel's outcome is recorded once (pass,
 * rectify with its deadline, fail); a failed acceptance marks the project for recovery and the
 * recovery demand reaches funding exactly once, even when funding is down at first. The relay is
 * driven by the test.
 */
class CheckRoundReviewIT extends ServiceIntegrationTest {

	static final UUID ORG_1 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	static final int FUNDING_PORT = freePort();

	static final int REVIEW_PORT = freePort();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		// its own database: other ITs' contexts run their relays on a schedule and would claim these messages
		ServiceTestProperties.register(registry, "project_check_round_it");
		registry.add("jiangmen.outbox.relay.enabled", () -> "false");
		registry.add("jiangmen.project.deadline-watch.enabled", () -> "false");
		registry.add("spring.grpc.client.channel.funding.target", () -> "static://localhost:" + FUNDING_PORT);
		registry.add("spring.grpc.client.channel.review.target", () -> "static://localhost:" + REVIEW_PORT);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxRelay relay;

	ApprovedProjects fixture;

	@BeforeEach
	void clear() {
		this.jdbc.sql("delete from outbox").update();
		this.fixture = new ApprovedProjects(this.jdbc);
		this.fixture.clear();
	}

	@AfterEach
	void dropOutboxMessages() {
		this.jdbc.sql("delete from outbox").update();
	}

	@Test
	void openingARoundHandsItToReviewWithTheCheckKindAndTheConsortium() throws Exception {
		ApprovedProjects.Created project = inExecution();
		String round = open(project, "MID_TERM");
		String key = "project-check-round-review:" + round;
		assertThat(this.jdbc.sql("select destination from outbox where idempotency_key = :key").param("key", key)
			.query(String.class).single()).isEqualTo("review.OpenCheckRoundReview");

		List<OpenReviewRequest> received = new CopyOnWriteArrayList<>();
		Server review = ServerBuilder.forPort(REVIEW_PORT).addService(new ReviewServiceGrpc.ReviewServiceImplBase() {
			@Override
			public void openReview(OpenReviewRequest request, StreamObserver<OpenReviewResponse> observer) {
				received.add(request);
				observer.onNext(OpenReviewResponse.newBuilder().setReviewItemId(UUID.randomUUID().toString()).build());
				observer.onCompleted();
			}
		}).build().start();
		try {
			deliver(key);
			assertThat(received).singleElement().satisfies(sent -> {
				assertThat(sent.getIdempotencyKey()).isEqualTo(key);
				assertThat(sent.getOwningContext()).isEqualTo(OwningContext.OWNING_CONTEXT_PROJECT);
				assertThat(sent.getItemKind()).isEqualTo(ItemKind.ITEM_KIND_MID_TERM_CHECK);
				assertThat(sent.getItemId()).as("the round is the item: its outcome comes back to it").isEqualTo(round);
				assertThat(sent.getTitle()).contains("中期检查", "LED 背光模组");
				assertThat(sent.getFieldCodesList()).containsExactly("semiconductor-lighting");
				assertThat(sent.getOrganisationsList()).extracting(o -> o.getId()).containsExactly(ORG_1.toString());
			});
		}
		finally {
			review.shutdownNow();
		}
	}

	@Test
	void thePanelsOutcomeIsRecordedOnceAndARectificationGetsItsDeadline() {
		ApprovedProjects.Created project = inExecution();
		String round = open(project, "MID_TERM");
		RecordCheckRoundOutcomeRequest outcome = outcome(round, false, 5000);

		assertThat(code(() -> stub("manager").recordCheckRoundOutcome(outcome))).as("only the service account")
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		RecordCheckRoundOutcomeResponse first = service().recordCheckRoundOutcome(outcome);
		assertThat(first.getState()).as("below the thresholds, above the rectification floor")
			.isEqualTo(CheckRoundState.CHECK_ROUND_STATE_RECTIFYING);
		assertThat(first.getRectifyBy()).isEqualTo(TODAY.plusMonths(3).toString());
		assertThat(service().recordCheckRoundOutcome(outcome)).as("a redelivery gets the first answer").isEqualTo(first);
		StatusRuntimeException reused = (StatusRuntimeException) org.assertj.core.api.Assertions
			.catchThrowable(() -> service().recordCheckRoundOutcome(outcome(round, true, 9000)));
		assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(GrpcChannels.fieldViolations(reused)).containsExactly("idempotency_key");
		assertThat(code(() -> service().recordCheckRoundOutcome(outcome(round, true, 9000).toBuilder()
			.setIdempotencyKey("review-outcome-" + UUID.randomUUID())
			.build()))).as("one panel outcome per round").isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(code(() -> service().recordCheckRoundOutcome(outcome(UUID.randomUUID().toString(), true, 9000))))
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(code(() -> service().recordCheckRoundOutcome(outcome("not-a-round", true, 9000))))
			.isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'check-round.outcome-recorded' and object_id = :id")
			.param("id", round).query(Integer.class).single()).as("recorded once").isEqualTo(1);

		HttpProbe.Response read = this.http.get(rounds(project), token("auditor"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body()).contains("RECTIFYING", TODAY.plusMonths(3).toString(), "50.00");
		assertThat(summary(project).getStage()).isEqualTo(ProjectStage.PROJECT_STAGE_MID_TERM);
		// after the rectification the manager decides; within the deadline a pass returns the project to execution
		HttpProbe.Response passed = this.http.postJson(rounds(project) + "/" + round + "/outcome", token("manager"),
				"{\"outcome\":\"PASS\",\"panelScore\":\"78\",\"reasons\":\"整改完成 Rectified\"}");
		assertThat(passed.status()).as(passed.body()).isEqualTo(200);
		assertThat(summary(project).getStage()).isEqualTo(ProjectStage.PROJECT_STAGE_EXECUTION);

		// a panel that passed every threshold passes the round; one far below the floor fails it
		String second = open(project, "MID_TERM");
		assertThat(service().recordCheckRoundOutcome(outcome(second, true, 8200)).getState())
			.isEqualTo(CheckRoundState.CHECK_ROUND_STATE_PASSED);
		assertThat(summary(project).getStage()).isEqualTo(ProjectStage.PROJECT_STAGE_EXECUTION);
	}

	@Test
	void aFailedAcceptanceMarksTheProjectForRecoveryAndFundingIsToldOnceEvenWhenItIsDownAtFirst() throws Exception {
		ApprovedProjects.Created project = inExecution();
		for (UUID milestone : project.milestones()) {
			this.jdbc.sql("update milestone set state = 'ACCEPTED', accepted_at = now(), version = version + 1 where id = :id")
				.param("id", milestone).update();
		}
		String round = open(project, "FINAL_ACCEPTANCE");
		assertThat(service().recordCheckRoundOutcome(outcome(round, false, 2875)).getState())
			.isEqualTo(CheckRoundState.CHECK_ROUND_STATE_FAILED);
		assertThat(summary(project).getStage()).isEqualTo(ProjectStage.PROJECT_STAGE_FAILED);
		assertThat(summary(project).getMarkedForRecovery()).isTrue();

		// funding is down: the demand waits
		String key = "project-recovery:" + project.project();
		this.relay.relayDue(50);
		assertThat(sent(key)).isFalse();
		List<RaiseProjectRecoveryRequest> received = new CopyOnWriteArrayList<>();
		Server funding = ServerBuilder.forPort(FUNDING_PORT).addService(new FundingServiceGrpc.FundingServiceImplBase() {
			@Override
			public void raiseProjectRecovery(RaiseProjectRecoveryRequest request,
					StreamObserver<RaiseProjectRecoveryResponse> observer) {
				received.add(request);
				observer.onNext(RaiseProjectRecoveryResponse.newBuilder().build());
				observer.onCompleted();
			}
		}).build().start();
		try {
			deliver(key);
			// however often the relay runs, once
			this.jdbc.sql("update outbox set next_attempt_at = now() where idempotency_key = :key").param("key", key).update();
			this.relay.relayDue(50);
			assertThat(received).singleElement().satisfies(sent -> {
				assertThat(sent.getIdempotencyKey()).isEqualTo(key);
				assertThat(sent.getProjectId()).isEqualTo(project.project().toString());
				assertThat(sent.getReason()).isEqualTo(RecoveryReason.RECOVERY_REASON_FAILED_ACCEPTANCE);
				assertThat(sent.getReleased().getMinorUnits()).as("the tranches of accepted milestones")
					.isEqualTo(150_000_000L);
				assertThat(sent.getExplanation()).contains("Failed final acceptance", "28.75");
			});
		}
		finally {
			funding.shutdownNow();
		}
	}

	/** Makes the message due on each pass (instead of waiting out the backoff) until it is sent. */
	private void deliver(String key) throws InterruptedException {
		for (int pass = 0; pass < 40 && !sent(key); pass++) {
			this.jdbc.sql("update outbox set next_attempt_at = now() where idempotency_key = :key").param("key", key).update();
			this.relay.relayDue(50);
			Thread.sleep(250);
		}
		assertThat(sent(key)).isTrue();
	}

	private boolean sent(String key) {
		return this.jdbc.sql("select sent_at is not null from outbox where idempotency_key = :key")
			.param("key", key)
			.query(Boolean.class)
			.single();
	}

	private static RecordCheckRoundOutcomeRequest outcome(String round, boolean passed, int scoreHundredths) {
		return RecordCheckRoundOutcomeRequest.newBuilder()
			.setIdempotencyKey("review-outcome-item-of-" + round)
			.setCheckRoundId(round)
			.setReviewItemId(UUID.randomUUID().toString().substring(0, 8) + "-item")
			.setRank(1)
			.setFinalScoreHundredths(scoreHundredths)
			.setPassedThresholds(passed)
			.setConfirmedAt(ProtoTimes.timestamp(Instant.parse("2026-12-01T08:00:00Z")))
			.build();
	}

	private String open(ApprovedProjects.Created project, String kind) {
		HttpProbe.Response opened = this.http.postJson(rounds(project), token("manager"), "{\"kind\":\"" + kind + "\"}");
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return opened.json().get("id").asString();
	}

	private static String rounds(ApprovedProjects.Created project) {
		return "/api/projects/projects/" + project.project() + "/check-rounds";
	}

	private ApprovedProjects.Created inExecution() {
		ApprovedProjects.Created project = this.fixture.approved(ORG_1, "LED 背光模组", "TASK_BOOK", 150_000_000L,
				List.of(new ApprovedProjects.Plan("样机 Prototype module", TODAY.plusMonths(6), 60_000_000L),
						new ApprovedProjects.Plan("量产 Pilot production", TODAY.plusMonths(18), 90_000_000L)));
		String base = "/api/projects/projects/" + project.project() + "/task-book";
		assertThat(this.http.postJson(base, token("manager"), """
				{"kpiTargets":[{"milestoneId":"%s","name":"发明专利申请","unit":"件","target":"3.00"}]}
				""".formatted(project.milestones().get(0))).status()).isEqualTo(200);
		assertThat(this.http.postJson(base + "/acceptance", token("applicant1"), "{}").status()).isEqualTo(200);
		assertThat(this.http.postJson(base + "/countersignature", token("manager"), "{}").status()).isEqualTo(200);
		return project;
	}

	private cn.jiangmen.innovation.contracts.project.v1.ProjectSummary summary(ApprovedProjects.Created project) {
		return stub("manager").getProjectSummary(
				GetProjectSummaryRequest.newBuilder().setProjectId(project.project().toString()).build()).getSummary();
	}

	private ProjectServiceGrpc.ProjectServiceBlockingStub stub(String user) {
		return as(user, ProjectServiceGrpc.newBlockingStub(this.channel));
	}

	private ProjectServiceGrpc.ProjectServiceBlockingStub service() {
		return asService(ProjectServiceGrpc.newBlockingStub(this.channel));
	}

	private static Status.Code code(Runnable call) {
		try {
			call.run();
		}
		catch (StatusRuntimeException ex) {
			return ex.getStatus().getCode();
		}
		throw new AssertionError("expected a refusal");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
