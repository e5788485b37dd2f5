package cn.jiangmen.innovation.project;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardRequest;
import cn.jiangmen.innovation.contracts.funding.v1.CommitAwardResponse;
import cn.jiangmen.innovation.contracts.funding.v1.CommitmentState;
import cn.jiangmen.innovation.contracts.funding.v1.FundingServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.GetProposalRequest;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.ProposalStatus;
import cn.jiangmen.innovation.contracts.project.v1.RecordProposalReviewOutcomeRequest;
import cn.jiangmen.innovation.contracts.project.v1.SubmitProposalRequest;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.outbox.OutboxRelay;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * From call to approval against real PostgreSQL and Keycloak tokens: a manager drafts and publishes
 * a call; applicant1's enterprise leads a proposal with applicant2's university as partner; the
 * partner reads and confirms but cannot submit; an unrelated organisation sees nothing; the call's
 * rules refuse in words; the formal check hands the proposal to review through the outbox; the
 * service account records the outcome once; approval writes the project, its milestones, a notice and
 * the award, which reaches a funding gRPC server started only after the approval, exactly once.
 * The relay is driven by the test ({@code jiangmen.outbox.relay.enabled=false}).
 */
@Import(TestOrganisationDirectory.class)
class ProposalFlowIT extends ServiceIntegrationTest {

	static final int FUNDING_PORT = freePort();

	static final int REVIEW_PORT = freePort();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		// its own database: the other ITs' cached contexts run their relays on a schedule and would
		// otherwise claim this test's messages
		ServiceTestProperties.register(registry, "project_flow_it");
		registry.add("jiangmen.outbox.relay.enabled", () -> "false");
		registry.add("spring.grpc.client.channel.funding.target", () -> "static://localhost:" + FUNDING_PORT);
		registry.add("spring.grpc.client.channel.review.target", () -> "static://localhost:" + REVIEW_PORT);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxRelay relay;

	/**
	 * The test database is shared by this module's ITs, whose relays run on a schedule: messages
	 * left here would be sent to whatever listens on the default review and funding ports.
	 */
	@org.junit.jupiter.api.AfterEach
	void dropOutboxMessages() {
		this.jdbc.sql("delete from outbox where idempotency_key like 'project-%'").update();
	}

	@Test
	void callsAreDraftedAndPublishedByManagersOnlyAndBadFieldsAreNamed() {
		String manager = token("manager");
		HttpProbe.Response bad = this.http.postJson("/api/projects/calls", manager, """
				{"fieldCode":"no-such-field","year":1999,"title":"","topics":[{"code":"T 1","title":""}],
				 "fundingCeiling":"-5","maxFiscalSharePercent":130,"guideline":"g",
				 "opensAt":"2027-13-01","closesAt":"2027-01-01T00:00:00Z"}""");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad)).contains("fieldCode", "year", "title", "topics[0].code", "topics[0].title",
				"fundingCeiling", "maxFiscalSharePercent", "opensAt");
		assertThat(this.http.postJson("/api/projects/calls", token("applicant1"), callJson(-3600, 86400)).status())
			.isEqualTo(403);
		String id = this.http.postJson("/api/projects/calls", manager, callJson(-3600, 86400)).json().get("id").asString();
		assertThat(this.http.get("/api/projects/calls/" + id, token("applicant1")).status()).isEqualTo(404);
		assertThat(this.http.postJson("/api/projects/calls/" + id + "/status", token("applicant1"),
				"{\"action\":\"PUBLISH\"}").status()).isEqualTo(404);
		HttpProbe.Response published = this.http.postJson("/api/projects/calls/" + id + "/status", manager,
				"{\"action\":\"PUBLISH\",\"version\":0}");
		assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.json().get("acceptingProposals").asBoolean()).isTrue();
		HttpProbe.Response seen = this.http.get("/api/projects/calls/" + id, token("applicant1"));
		assertThat(seen.json().get("fundingCeiling").asString()).isEqualTo("5000000.00");
		assertThat(this.http.postJson("/api/projects/calls/" + id + "/status", manager, "{\"action\":\"PUBLISH\"}")
			.json()
			.get("code")
			.asString()).isEqualTo("call.transition-not-allowed");
		// a call that has not opened yet takes no proposal (server clock)
		String later = publishedCall(3600, 86400);
		assertThat(this.http.postJson("/api/projects/proposals", token("applicant1"),
				"{\"callId\":\"" + later + "\"}").json().get("code").asString()).isEqualTo("call.not-open");
	}

	@Test
	void fromProposalToApprovalWithThePartnerTheUnrelatedOrganisationReviewAndTheAwardDeliveredOnce()
			throws Exception {
		String call = publishedCall(-3600, 86400);
		String lead = token("applicant1");
		String partner = token("applicant2");
		String manager = token("manager");

		// a partial save: the bad amount is named, the rest kept
		HttpProbe.Response created = this.http.postJson("/api/projects/proposals", lead,
				"{\"callId\":\"" + call + "\",\"content\":" + content(TestOrganisationDirectory.WUYI.id(), "abc") + "}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(fieldErrors(created)).containsExactly("budget[0].amount");
		assertThat(created.json().get("title").asString()).isEqualTo("高速列车牵引变流器研制");
		String id = created.json().get("id").asString();
		HttpProbe.Response saved = this.http.putJson("/api/projects/proposals/" + id, lead,
				"{\"content\":" + content(TestOrganisationDirectory.WUYI.id(), "3000000.00") + "}");
		assertThat(fieldErrors(saved)).isEmpty();
		assertThat(saved.json().get("fiscalRequest").asString()).isEqualTo("3000000.00");
		assertThat(saved.json().get("findings").size()).isZero();

		// the partner reads, cannot change or submit, and must confirm before the lead can submit
		assertThat(this.http.get("/api/projects/proposals/" + id, partner).status()).isEqualTo(200);
		assertThat(this.http.postJson("/api/projects/proposals/" + id + "/submission", partner, "{}").status())
			.isEqualTo(403);
		assertThat(this.http.putJson("/api/projects/proposals/" + id, partner, "{\"content\":{}}").status())
			.isEqualTo(403);
		HttpProbe.Response early = this.http.postJson("/api/projects/proposals/" + id + "/submission", lead, "{}");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("code").asString()).isEqualTo("proposal.partners-unconfirmed");
		assertThat(this.http.postJson("/api/projects/proposals/" + id + "/confirmation", lead, "{}").status())
			.isEqualTo(403);
		HttpProbe.Response confirmed = this.http.postJson("/api/projects/proposals/" + id + "/confirmation", partner, "{}");
		assertThat(confirmed.json().get("consortium").get(1).get("confirmedAt").isNull()).isFalse();
		assertThatThrownBy(() -> as("applicant2", ProjectServiceGrpc.newBlockingStub(this.channel))
			.submitProposal(SubmitProposalRequest.newBuilder().setProposalId(id).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		// the call requires its business licence (营业执照) before submission
		assertThat(new DocumentHttp(this.port).upload("/api/projects/proposals/" + id + "/documents", lead, "营业执照",
				"营业执照.pdf", DocumentHttp.pdf(100)).status()).isEqualTo(201);
		HttpProbe.Response submitted = this.http.postJson("/api/projects/proposals/" + id + "/submission", lead, "{}");
		assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");

		// an organisation outside the consortium sees nothing: applicant2 on a proposal with another partner
		String other = this.http.postJson("/api/projects/proposals", lead, "{\"callId\":\"" + call + "\",\"content\":"
				+ content(TestOrganisationDirectory.ACADEMY.id(), "3000000.00") + "}").json().get("id").asString();
		assertThat(this.http.get("/api/projects/proposals/" + other, partner).status()).isEqualTo(404);
		assertThat(this.http.postJson("/api/projects/proposals/" + other + "/confirmation", partner, "{}").status())
			.isEqualTo(404);
		assertThat(this.http.postJson("/api/projects/proposals/" + other + "/submission", partner, "{}").status())
			.isEqualTo(404);
		assertThat(this.http.get("/api/projects/proposals/" + id, token("expert1")).status()).isEqualTo(404);
		assertThatThrownBy(() -> as("applicant2", ProjectServiceGrpc.newBlockingStub(this.channel))
			.getProposal(GetProposalRequest.newBuilder().setProposalId(other).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThat(this.http.get("/api/projects/proposals?callId=" + call, partner).json().get("proposals"))
			.extracting(p -> p.get("id").asString())
			.containsExactly(id);

		// formal check: passing hands the proposal to review with the consortium's organisations
		assertThat(this.http.postJson("/api/projects/proposals/" + id + "/formal-check", lead,
				"{\"decision\":\"PASS\"}").status()).isEqualTo(403);
		// the order of checks: who may act comes before malformed input
		assertThat(this.http.postJson("/api/projects/proposals/" + id + "/formal-check", lead,
				"{\"decision\":\"MAYBE\",\"correctionDueAt\":\"soon\"}").status()).isEqualTo(403);
		assertThat(fields(this.http.postJson("/api/projects/proposals/" + id + "/formal-check", manager,
				"{\"decision\":\"RETURN\",\"reasons\":[\"缺少营业执照\"],\"correctionDueAt\":\"soon\"}")))
			.containsExactly("correctionDueAt");
		assertThat(fields(this.http.postJson("/api/projects/proposals/" + id + "/formal-check", manager,
				"{\"decision\":\"RETURN\"}"))).contains("reasons", "correctionDueAt");
		HttpProbe.Response passed = this.http.postJson("/api/projects/proposals/" + id + "/formal-check", manager,
				"{\"decision\":\"PASS\"}");
		assertThat(passed.json().get("status").asString()).isEqualTo("UNDER_REVIEW");
		String handOff = this.jdbc.sql("select payload::text from outbox where idempotency_key = :key")
			.param("key", "project-proposal-review:" + id)
			.query(String.class)
			.single();
		assertThat(handOff).contains(TestOrganisationDirectory.OPTO.id().toString(),
				TestOrganisationDirectory.WUYI.id().toString(), "rail-transit-equipment", "五邑大学");

		// review's outcome, once per key
		RecordProposalReviewOutcomeRequest outcome = RecordProposalReviewOutcomeRequest.newBuilder()
			.setIdempotencyKey("review-outcome-" + UUID.randomUUID())
			.setProposalId(id)
			.setReviewItemId(UUID.randomUUID().toString())
			.setRank(1)
			.setFinalScoreHundredths(8650)
			.setPassedThresholds(true)
			.setConfirmedAt(ProtoTimes.timestamp(Instant.now()))
			.build();
		ProjectServiceGrpc.ProjectServiceBlockingStub service = asService(ProjectServiceGrpc.newBlockingStub(this.channel));
		assertThat(service.recordProposalReviewOutcome(outcome).getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_REVIEWED);
		assertThat(service.recordProposalReviewOutcome(outcome).getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_REVIEWED);
		assertThatThrownBy(() -> service.recordProposalReviewOutcome(outcome.toBuilder().setRank(2).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
		assertThatThrownBy(() -> as("manager", ProjectServiceGrpc.newBlockingStub(this.channel))
			.recordProposalReviewOutcome(outcome))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));

		// approval: refusals in words, then the project, milestones, notice and award in one go
		HttpProbe.Response over = this.http.postJson("/api/projects/proposals/" + id + "/approval", manager,
				"{\"approvedFiscal\":\"3500000.00\",\"tranches\":[\"1000000\",\"2500000\"]}");
		assertThat(codes(over)).contains("approval.over-request");
		HttpProbe.Response notAdding = this.http.postJson("/api/projects/proposals/" + id + "/approval", manager,
				"{\"approvedFiscal\":\"2800000.00\",\"tranches\":[\"1000000\",\"1000000\"]}");
		assertThat(codes(notAdding)).containsExactly("approval.tranches-not-adding-up");
		assertThat(this.http.postJson("/api/projects/proposals/" + id + "/approval", lead,
				"{\"approvedFiscal\":\"2800000.00\",\"tranches\":[\"1000000\",\"1800000\"]}").status()).isEqualTo(403);
		HttpProbe.Response approved = this.http.postJson("/api/projects/proposals/" + id + "/approval", manager,
				"{\"approvedFiscal\":\"2800000.00\",\"tranches\":[\"1000000\",\"1800000\"],\"note\":\"同意立项\"}");
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		String projectId = approved.json().get("projectId").asString();
		assertThat(this.jdbc.sql("""
				select stage || ' ' || approved_fiscal_fen || ' ' || field_code || ' ' || organisation_id
				from project where id = :id and proposal_id = :proposal""")
			.param("id", UUID.fromString(projectId))
			.param("proposal", UUID.fromString(id))
			.query(String.class)
			.single()).isEqualTo("TASK_BOOK 280000000 rail-transit-equipment " + TestOrganisationDirectory.OPTO.id());
		assertThat(this.jdbc.sql("""
				select sequence || ' ' || state || ' ' || due_date || ' ' || tranche_fen from milestone
				where project_id = :id order by sequence""")
			.param("id", UUID.fromString(projectId))
			.query(String.class)
			.list()).containsExactly("1 PLANNED 2028-06-30 100000000", "2 PLANNED 2029-06-30 180000000");
		assertThat(this.http.get("/api/projects/proposals/" + id, partner).json().get("notices"))
			.extracting(n -> n.get("status").asString())
			.contains("UNDER_REVIEW", "APPROVED");
		assertThat(this.jdbc.sql("select count(*) from audit_log where object_id = :id and action = 'project.proposal.approved'")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);

		// funding is down: the award waits
		String key = "project-award:" + projectId;
		this.relay.relayDue(50);
		assertThat(sent(key)).isFalse();
		// funding comes up; the message is due again; it arrives once however often the relay runs
		List<CommitAwardRequest> received = new CopyOnWriteArrayList<>();
		Server funding = ServerBuilder.forPort(FUNDING_PORT).addService(new FundingServiceGrpc.FundingServiceImplBase() {
			@Override
			public void commitAward(CommitAwardRequest request, StreamObserver<CommitAwardResponse> observer) {
				received.add(request);
				observer.onNext(CommitAwardResponse.newBuilder()
					.setCommitmentId(UUID.randomUUID().toString())
					.setState(CommitmentState.COMMITMENT_STATE_COMMITTED)
					.build());
				observer.onCompleted();
			}
		}).build().start();
		try {
			// each pass makes the message due again (instead of waiting out the backoff); the client
			// channel may still be in its reconnect backoff for the first passes
			for (int pass = 0; pass < 40 && !sent(key); pass++) {
				this.jdbc.sql("update outbox set next_attempt_at = now() where idempotency_key = :key")
					.param("key", key)
					.update();
				this.relay.relayDue(50);
				Thread.sleep(250);
			}
			assertThat(sent(key)).isTrue();
			this.jdbc.sql("update outbox set next_attempt_at = now() where idempotency_key = :key").param("key", key).update();
			this.relay.relayDue(50);
			List<CommitAwardRequest> award = received.stream().filter(r -> r.getIdempotencyKey().equals(key)).toList();
			assertThat(award).hasSize(1);
			assertThat(award.get(0).getBudgetCode()).isEqualTo("major-projects");
			assertThat(award.get(0).getProjectId()).isEqualTo(projectId);
			assertThat(award.get(0).getAmount().getMinorUnits()).isEqualTo(280_000_000L);
			assertThat(award.get(0).getTranchesList()).extracting(t -> t.getAmount().getMinorUnits() + "@" + t.getPlannedDate())
				.containsExactly("100000000@2028-06-30", "180000000@2029-06-30");
		}
		finally {
			funding.shutdownNow();
		}
	}

	@Test
	void submissionIsRefusedNamingEveryBrokenRuleInWords() {
		String call = publishedCall(-3600, 86400);
		String university = token("applicant2");
		// the university leads, no research partner on an 产学研 topic, 90% fiscal
		String id = this.http.postJson("/api/projects/proposals", university, "{\"callId\":\"" + call + "\",\"content\":"
				+ """
						{"title":"t","topicCode":"T1","objectives":"o","leadRole":"r","leadWorkSharePercent":100,
						 "leadBudgetSharePercent":100,"kpis":[{"kind":"JOBS","unit":"人","target":10}],
						 "workPlan":[{"title":"m","dueDate":"2030-01-31"}],
						 "budget":[{"category":"EQUIPMENT","source":"FISCAL","amount":"9000000"},
						           {"category":"LABOUR","source":"SELF_RAISED","amount":"1000000"}]}}""")
			.json()
			.get("id")
			.asString();
		HttpProbe.Response refused = this.http.postJson("/api/projects/proposals/" + id + "/submission", university, "{}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(codes(refused)).containsExactlyInAnyOrder("consortium.lead-not-jiangmen-enterprise",
				"consortium.no-research-partner", "budget.fiscal-share-over-limit", "budget.over-ceiling",
				"attachment.required");
		assertThat(refused.body()).contains("90.00%", "at most 30%", "五邑大学");
		assertThatThrownBy(() -> as("applicant2", ProjectServiceGrpc.newBlockingStub(this.channel))
			.submitProposal(SubmitProposalRequest.newBuilder().setProposalId(id).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
		assertThat(this.http.get("/api/projects/proposals/" + id, university).json().get("status").asString())
			.isEqualTo("DRAFT");
	}

	private String publishedCall(long opensInSeconds, long closesInSeconds) {
		String manager = token("manager");
		String id = this.http.postJson("/api/projects/calls", manager, callJson(opensInSeconds, closesInSeconds))
			.json()
			.get("id")
			.asString();
		this.http.postJson("/api/projects/calls/" + id + "/status", manager, "{\"action\":\"PUBLISH\"}");
		return id;
	}

	private static String callJson(long opensInSeconds, long closesInSeconds) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return """
				{"fieldCode":"rail-transit-equipment","year":2027,"title":"2027年轨道交通装备重大科技专项申报指南",
				 "topics":[{"code":"T1","title":"牵引系统","requiresResearchPartner":true},{"code":"T2","title":"车体"}],
				 "fundingCeiling":"5000000.00","maxFiscalSharePercent":30,"requiredDocuments":["营业执照"],
				 "guideline":"申报指南正文","opensAt":"%s","closesAt":"%s"}"""
			.formatted(now.plusSeconds(opensInSeconds), now.plusSeconds(closesInSeconds));
	}

	/** A complete proposal with one partner; the fiscal line's amount as given (yuan). */
	private static String content(UUID partner, String fiscalYuan) {
		return """
				{"title":"高速列车牵引变流器研制","topicCode":"T1","objectives":"研制并验证牵引变流器","leadRole":"牵头研制",
				 "leadWorkSharePercent":70,"leadBudgetSharePercent":80,
				 "partners":[{"organisationId":"%s","role":"仿真与测试","workSharePercent":30,"budgetSharePercent":20}],
				 "kpis":[{"kind":"INVENTION_PATENTS_APPLIED","description":"申请发明专利","unit":"件","target":5}],
				 "workPlan":[{"title":"样机","dueDate":"2028-06-30","deliverables":"样机一台"},
				             {"title":"验收","dueDate":"2029-06-30","deliverables":"验收报告"}],
				 "budget":[{"category":"EQUIPMENT","source":"FISCAL","amount":"%s"},
				           {"category":"LABOUR","source":"SELF_RAISED","amount":"7000000.00"}]}"""
			.formatted(partner, fiscalYuan);
	}

	private boolean sent(String key) {
		return this.jdbc.sql("select sent_at is not null from outbox where idempotency_key = :key")
			.param("key", key)
			.query(Boolean.class)
			.single();
	}

	private static List<String> fields(HttpProbe.Response response) {
		return values(response.json().get("errors"), "field");
	}

	private static List<String> codes(HttpProbe.Response response) {
		return values(response.json().get("errors"), "code");
	}

	private static List<String> fieldErrors(HttpProbe.Response response) {
		return values(response.json().get("fieldErrors"), "field");
	}

	private static List<String> values(JsonNode array, String name) {
		List<String> values = new java.util.ArrayList<>();
		if (array != null) {
			array.forEach(node -> values.add(node.get(name).asString()));
		}
		return values;
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
