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

import cn.jiangmen.innovation.contracts.talent.v1.CallApplicationsView;
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
@TestPropertySource(properties = { "jiangmen.outbox.relay.enabled=false" })
class ApplicantJourneyIT extends ServiceIntegrationTest {

	static final Path ATTACHMENTS = Path.of("target", "it-attachments-" + UUID.randomUUID());

	static final int MB = 1024 * 1024;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "talent_it");
		registry.add("talent.attachments.directory", ATTACHMENTS::toString);
	}

	@Autowired
	JdbcClient jdbc;

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
			try (var files = Files.list(ATTACHMENTS)) {
				assertThat(files.count()).as("no file is left behind for a refused upload").isEqualTo(50);
			}
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

	private TalentServiceGrpc.TalentServiceBlockingStub stub(String user) {
		return as(user, TalentServiceGrpc.newBlockingStub(this.channel));
	}

}
