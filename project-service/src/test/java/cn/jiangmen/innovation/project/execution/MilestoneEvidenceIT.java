package cn.jiangmen.innovation.project.execution;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListMilestoneEvidenceRequest;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.UploadMilestoneEvidenceRequest;
import cn.jiangmen.innovation.project.DocumentHttp;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Evidence (佐证材料) of a milestone in execution, REST and gRPC, against real PostgreSQL and
 * Keycloak tokens: the lead uploads while the milestone can be reported, the bureau reads, another
 * organisation finds nothing, and a reported milestone's evidence is fixed.
 */
class MilestoneEvidenceIT extends ServiceIntegrationTest {

	static final UUID ORG_1 = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_evidence_it");
		registry.add("jiangmen.project.deadline-watch.enabled", () -> "false");
		registry.add("jiangmen.outbox.relay.enabled", () -> "false");
	}

	@Autowired
	JdbcClient jdbc;

	ApprovedProjects.Created project;

	DocumentHttp files;

	String path;

	@BeforeEach
	void projectInExecution() {
		ApprovedProjects fixture = new ApprovedProjects(this.jdbc);
		this.jdbc.sql("delete from milestone_evidence").update();
		fixture.clear();
		this.project = fixture.approved(ORG_1, "LED 背光模组", "EXECUTION", 100_000_000L,
				List.of(new ApprovedProjects.Plan("样机", TODAY.plusMonths(6), 100_000_000L)));
		this.files = new DocumentHttp(this.port);
		this.path = "/api/projects/projects/" + this.project.project() + "/milestones/" + this.project.milestones().get(0)
				+ "/evidence";
	}

	@Test
	void theLeadAddsEvidenceTheBureauReadsItAndOthersFindNothing() {
		byte[] report = DocumentHttp.pdf(3000);
		assertThat(this.files.upload(this.path, token("manager"), null, "test-report.pdf", report).status())
			.as("only the lead adds evidence").isEqualTo(403);
		DocumentHttp.Reply uploaded = this.files.upload(this.path, token("applicant1"), null, "检测报告.pdf", report);
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		String sha256 = uploaded.json().get("sha256").asString();
		String document = uploaded.json().get("id").asString();
		assertThat(this.files.upload(this.path, token("applicant1"), null, "photo.png", report).errors())
			.containsExactly("file:attachment.disguised");

		DocumentHttp.Reply listed = this.files.get(this.path, token("auditor"));
		assertThat(listed.json().findValuesAsString("sha256")).containsExactly(sha256);
		DocumentHttp.Reply download = this.files.get(this.path + "/" + document, token("manager"));
		assertThat(download.body()).isEqualTo(report);
		assertThat(download.header("Content-Security-Policy")).isEqualTo("sandbox");
		assertThat(this.files.get(this.path, token("applicant2")).status()).isEqualTo(404);
		assertThat(this.files.get(this.path + "/" + document, token("applicant2")).status()).isEqualTo(404);
		assertThat(this.files.upload(this.path, token("applicant2"), null, "x.pdf", report).status()).isEqualTo(404);

		var lead = as("applicant1", ProjectServiceGrpc.newBlockingStub(this.channel));
		lead.uploadMilestoneEvidence(UploadMilestoneEvidenceRequest.newBuilder()
			.setProjectId(this.project.project().toString())
			.setMilestoneId(this.project.milestones().get(0).toString())
			.setFilename("照片.png")
			.setContent(ByteString.copyFrom(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }))
			.build());
		var listedOverGrpc = as("manager", ProjectServiceGrpc.newBlockingStub(this.channel))
			.listMilestoneEvidence(ListMilestoneEvidenceRequest.newBuilder()
				.setProjectId(this.project.project().toString())
				.setMilestoneId(this.project.milestones().get(0).toString())
				.build());
		assertThat(listedOverGrpc.getDocumentsList()).extracting(d -> d.getContentType())
			.containsExactly("application/pdf", "image/png");
		assertThatThrownBy(() -> as("applicant2", ProjectServiceGrpc.newBlockingStub(this.channel))
			.downloadMilestoneEvidence(DownloadMilestoneEvidenceRequest.newBuilder()
				.setProjectId(this.project.project().toString())
				.setMilestoneId(this.project.milestones().get(0).toString())
				.setDocumentId(document)
				.build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));

		// reported: the evidence is what the manager decides on, so it no longer changes
		this.jdbc.sql("update milestone set state = 'REPORTED' where id = :id")
			.param("id", this.project.milestones().get(0))
			.update();
		DocumentHttp.Reply late = this.files.upload(this.path, token("applicant1"), null, "late.pdf", report);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("code").asString()).isEqualTo("milestone.state");
		assertThat(this.files.delete(this.path + "/" + document, token("applicant1")).status()).isEqualTo(409);
		this.jdbc.sql("update milestone set state = 'REJECTED' where id = :id")
			.param("id", this.project.milestones().get(0))
			.update();
		assertThat(this.files.delete(this.path + "/" + document, token("applicant1")).status())
			.as("returned: the lead may replace evidence").isEqualTo(204);
	}

}
