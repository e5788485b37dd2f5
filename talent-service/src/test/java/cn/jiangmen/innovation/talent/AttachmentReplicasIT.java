package cn.jiangmen.innovation.talent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.platform.attachment.CheckedDocument;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.ManagedChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two talent-service instances (two Spring contexts, two working directories' worth of nothing in
 * common but the database): what one stores, the other serves, over REST and gRPC. And the files of
 * the old folder store: the instance that still has them moves them into the database on start, and
 * from then on every instance serves them.
 */
@TestPropertySource(properties = "jiangmen.outbox.relay.enabled=false")
class AttachmentReplicasIT extends ServiceIntegrationTest {

	static final Path NO_OLD_FOLDER = Path.of("target", "no-old-attachments-" + UUID.randomUUID());

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "talent_replicas_it");
		registry.add("talent.attachments.old-folder", NO_OLD_FOLDER::toString);
	}

	static ConfigurableApplicationContext second;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@TempDir
	Path oldFolder;

	@AfterAll
	static void stopSecond() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@Test
	void aDocumentUploadedThroughOneInstanceIsServedByTheOther() throws Exception {
		Http first = new Http("http://localhost:" + this.port);
		String id = draft(first, openCall(first));
		byte[] pdf = "%PDF-1.7\n% uploaded to the first instance\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		Http.Reply uploaded = first.upload("/api/talent/applications/" + id + "/attachments", token("applicant1"),
				"PROPOSAL", "申报书.pdf", pdf);
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		String attachment = uploaded.json().get("id").asString();

		startSecond(this.oldFolder);
		Http other = new Http("http://localhost:" + second.getEnvironment().getProperty("local.server.port"));
		Http.Reply download = other.get("/api/talent/applications/" + id + "/attachments/" + attachment,
				token("applicant1"));
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.header("Content-Security-Policy")).isEqualTo("sandbox");
		assertThat(download.header("Repr-Digest")).startsWith("sha-256=:");

		ManagedChannel channel = GrpcChannels
			.plaintext(Integer.parseInt(second.getEnvironment().getProperty("local.grpc.server.port")));
		try {
			DownloadAttachmentResponse overGrpc = as("applicant1", TalentServiceGrpc.newBlockingStub(channel))
				.downloadAttachment(DownloadAttachmentRequest.newBuilder()
					.setApplicationId(id)
					.setAttachmentId(attachment)
					.build());
			assertThat(overGrpc.getContent().toByteArray()).isEqualTo(pdf);
		}
		finally {
			GrpcChannels.close(channel);
		}
		assertThat(other.get("/api/talent/applications/" + id + "/attachments/" + attachment, token("applicant2"))
			.status()).as("another organisation still finds nothing").isEqualTo(404);
	}

	@Test
	void filesOfTheOldFolderStoreAreMovedInByTheInstanceThatHasThem() throws Exception {
		Http first = new Http("http://localhost:" + this.port);
		String id = draft(first, openCall(first));
		byte[] old = "%PDF-1.4\n% kept in the old folder\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		UUID moved = oldRecord(id, "cv.pdf", old);
		Files.write(this.oldFolder.resolve(moved.toString()), old);
		UUID lost = oldRecord(id, "contract.pdf", "%PDF-1.4\n% in no folder\n%%EOF\n".getBytes());
		UUID tampered = oldRecord(id, "other.pdf", old);
		Files.write(this.oldFolder.resolve(tampered.toString()), "%PDF-1.4\n% not what was uploaded\n".getBytes());
		String path = "/api/talent/applications/" + id + "/attachments/";
		assertThat(first.get(path + moved, token("applicant1")).status())
			.as("before any instance with the folder started: the bytes are not there").isEqualTo(503);

		startSecond(this.oldFolder);

		Http.Reply download = first.get(path + moved, token("applicant1"));
		assertThat(download.status()).as(download.text()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(old);
		assertThat(Files.exists(this.oldFolder.resolve(moved.toString()))).as("moved, so removed from the folder")
			.isFalse();
		assertThat(first.get(path + lost, token("applicant1")).status()).isEqualTo(503);
		assertThat(first.get(path + tampered, token("applicant1")).status())
			.as("a file whose SHA-256 is not the recorded one is not taken").isEqualTo(503);
		assertThat(Files.exists(this.oldFolder.resolve(tampered.toString()))).isTrue();
	}

	/** An attachment recorded by the folder store: metadata only, its bytes in a file. */
	private UUID oldRecord(String applicationId, String filename, byte[] content) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into talent_attachment (id, application_id, kind, filename, document_type, size_bytes,"
				+ " sha256, uploaded_by, uploaded_at) values (:id, :app, 'OTHER', :name, 'PDF', :size, :sha, 'applicant1', now())")
			.param("id", id)
			.param("app", UUID.fromString(applicationId))
			.param("name", filename)
			.param("size", content.length)
			.param("sha", CheckedDocument.sha256(content))
			.update();
		return id;
	}

	/** (Re)starts the second instance; it moves in the old folder's files as it starts. */
	private void startSecond(Path oldFolder) {
		stopSecond();
		Environment env = this.environment;
		second = new SpringApplicationBuilder(TalentServiceApplication.class).run("--server.port=0",
				"--spring.grpc.server.port=0", "--jiangmen.outbox.relay.enabled=false",
				"--talent.attachments.old-folder=" + oldFolder,
				"--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
				"--spring.datasource.password=" + env.getProperty("spring.datasource.password", ""),
				"--spring.datasource.hikari.maximum-pool-size=3",
				"--spring.data.redis.host=" + env.getProperty("spring.data.redis.host"),
				"--spring.data.redis.port=" + env.getProperty("spring.data.redis.port"),
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri="
						+ env.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"),
				"--spring.security.oauth2.resourceserver.jwt.audiences="
						+ env.getProperty("spring.security.oauth2.resourceserver.jwt.audiences"),
				"--spring.security.oauth2.client.provider.keycloak.issuer-uri="
						+ env.getProperty("spring.security.oauth2.client.provider.keycloak.issuer-uri"),
				"--jiangmen.keycloak-url=" + env.getProperty("jiangmen.keycloak-url"));
	}

	private String openCall(Http api) {
		Instant now = Instant.now();
		Map<String, Object> call = new LinkedHashMap<>();
		call.put("title", "Replicas " + UUID.randomUUID());
		call.put("categories", Map.of("LEADING_TALENT", Map.of("maxLeaderAge", 60, "minTeamSize", 1,
				"requiredLeaderTitles", List.of(), "leaderFullTime", true, "fieldMustBeInCall", true)));
		call.put("priorityFields", List.of("visible-light-communication"));
		call.put("opensAt", now.minus(1, ChronoUnit.HOURS).toString());
		call.put("closesAt", now.plus(10, ChronoUnit.DAYS).toString());
		Http.Reply created = api.post("/api/talent/calls", token("manager"), call);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(api.post("/api/talent/calls/" + id + "/open", token("manager"), null).status()).isEqualTo(200);
		return id;
	}

	private String draft(Http api, String callId) {
		Http.Reply draft = api.post("/api/talent/applications", token("applicant1"),
				Map.of("callId", callId, "title", "Replicated documents", "anotherDraft", true));
		assertThat(draft.status()).as(draft.text()).isEqualTo(201);
		return draft.json().get("id").asString();
	}

}
