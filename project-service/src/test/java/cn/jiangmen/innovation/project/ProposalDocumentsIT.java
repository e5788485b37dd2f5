package cn.jiangmen.innovation.project;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.project.v1.DeleteProposalDocumentRequest;
import cn.jiangmen.innovation.contracts.project.v1.DownloadProposalDocumentRequest;
import cn.jiangmen.innovation.contracts.project.v1.DownloadProposalDocumentResponse;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalDocumentsRequest;
import cn.jiangmen.innovation.contracts.project.v1.ListProposalDocumentsResponse;
import cn.jiangmen.innovation.contracts.project.v1.ProjectServiceGrpc;
import cn.jiangmen.innovation.contracts.project.v1.UploadProposalDocumentRequest;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A proposal's documents (申报材料) against real PostgreSQL and Keycloak tokens, over REST and gRPC:
 * only the lead uploads and removes, and only before submission; the partner reads and downloads;
 * an organisation outside the consortium finds nothing; every upload is checked as talent's are
 * (type by content, disguise, zip bomb, per-file and per-proposal limits, concurrent uploads
 * under the proposal's lock); submission waits for every document the call requires.
 */
@Import(TestOrganisationDirectory.class)
@TestPropertySource(properties = { "jiangmen.outbox.relay.enabled=false",
		"jiangmen.project.documents.max-file-size=64KB", "jiangmen.project.documents.max-total-size=160KB" })
class ProposalDocumentsIT extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_documents_it");
	}

	@Autowired
	JdbcClient jdbc;

	DocumentHttp files;

	String proposal;

	String path;

	@BeforeEach
	void proposalWithAPartner() {
		this.files = new DocumentHttp(this.port);
		String call = publishedCall();
		this.proposal = this.http.postJson("/api/projects/proposals", token("applicant1"),
				"{\"callId\":\"" + call + "\",\"content\":" + content(TestOrganisationDirectory.WUYI.id()) + "}")
			.json()
			.get("id")
			.asString();
		this.path = "/api/projects/proposals/" + this.proposal + "/documents";
	}

	@Test
	void theLeadUploadsThePartnerReadsAndNobodyElseSeesAnything() {
		DocumentHttp.Reply empty = this.files.get(this.path, token("applicant2"));
		assertThat(empty.status()).as(empty.text()).isEqualTo(200);
		assertThat(empty.json().get("missing").findValuesAsString("requirement")).containsExactly("营业执照", "合作协议");
		assertThat(empty.json().get("missing").findValuesAsString("field")).containsExactly("documents[0]", "documents[1]");

		byte[] licence = DocumentHttp.pdf(2000);
		assertThat(this.files.upload(this.path, token("applicant2"), "营业执照", "licence.pdf", licence).status())
			.as("a partner reads but does not upload").isEqualTo(403);
		DocumentHttp.Reply uploaded = this.files.upload(this.path, token("applicant1"), "营业执照", "营业执照.pdf", licence);
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
		assertThat(uploaded.json().get("requirement").asString()).isEqualTo("营业执照");
		assertThat(uploaded.json().get("contentType").asString()).isEqualTo("application/pdf");
		String document = uploaded.json().get("id").asString();

		DocumentHttp.Reply download = this.files.get(this.path + "/" + document, token("applicant2"));
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(licence);
		assertThat(download.header("Content-Security-Policy")).isEqualTo("sandbox");
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.header("Content-Disposition")).startsWith("attachment;").contains("UTF-8''");
		assertThat(this.files.get(this.path + "/" + document, token("auditor")).status()).isEqualTo(200);
		assertThat(this.files.get(this.path, token("applicant2")).json().get("missing").findValuesAsString("requirement"))
			.containsExactly("合作协议");

		// applicant2's university is no partner of this one: 404 on everything, REST and gRPC
		String unrelated = this.http.postJson("/api/projects/proposals", token("applicant1"), "{\"callId\":\""
				+ publishedCall() + "\",\"content\":" + content(TestOrganisationDirectory.ACADEMY.id()) + "}")
			.json()
			.get("id")
			.asString();
		String unrelatedPath = "/api/projects/proposals/" + unrelated + "/documents";
		String theirs = this.files.upload(unrelatedPath, token("applicant1"), null, "note.pdf", DocumentHttp.pdf(100))
			.json()
			.get("id")
			.asString();
		assertThat(this.files.get(unrelatedPath, token("applicant2")).status()).isEqualTo(404);
		assertThat(this.files.get(unrelatedPath + "/" + theirs, token("applicant2")).status()).isEqualTo(404);
		assertThat(this.files.upload(unrelatedPath, token("applicant2"), null, "x.pdf", DocumentHttp.pdf(100)).status())
			.isEqualTo(404);
		assertThat(this.files.delete(unrelatedPath + "/" + theirs, token("applicant2")).status()).isEqualTo(404);
		assertThat(this.files.get(this.path, token("expert1")).status()).isEqualTo(404);
		assertThatThrownBy(() -> as("applicant2", ProjectServiceGrpc.newBlockingStub(this.channel))
			.downloadProposalDocument(DownloadProposalDocumentRequest.newBuilder()
				.setProposalId(unrelated)
				.setDocumentId(theirs)
				.build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));

		// over gRPC: the partner lists page by page and downloads the same bytes; cannot delete
		var partner = as("applicant2", ProjectServiceGrpc.newBlockingStub(this.channel));
		var lead = as("applicant1", ProjectServiceGrpc.newBlockingStub(this.channel));
		lead.uploadProposalDocument(UploadProposalDocumentRequest.newBuilder()
			.setProposalId(this.proposal)
			.setFilename("补充材料.docx")
			.setContent(ByteString.copyFrom(DocumentHttp.office(true)))
			.build());
		ListProposalDocumentsResponse first = partner.listProposalDocuments(
				ListProposalDocumentsRequest.newBuilder().setProposalId(this.proposal).setPageSize(1).build());
		assertThat(first.getDocumentsList()).extracting(d -> d.getRequirement()).containsExactly("营业执照");
		assertThat(first.getMissingList()).extracting(m -> m.getField()).containsExactly("documents[1]");
		ListProposalDocumentsResponse second = partner.listProposalDocuments(ListProposalDocumentsRequest.newBuilder()
			.setProposalId(this.proposal)
			.setPageSize(1)
			.setPageToken(first.getNextPageToken())
			.build());
		assertThat(second.getDocumentsList()).extracting(d -> d.getFilename()).containsExactly("补充材料.docx");
		DownloadProposalDocumentResponse overGrpc = partner.downloadProposalDocument(
				DownloadProposalDocumentRequest.newBuilder().setProposalId(this.proposal).setDocumentId(document).build());
		assertThat(overGrpc.getContent().toByteArray()).isEqualTo(licence);
		assertThat(overGrpc.getDocument().getSha256()).hasSize(64);
		assertThatThrownBy(() -> partner.deleteProposalDocument(
				DeleteProposalDocumentRequest.newBuilder().setProposalId(this.proposal).setDocumentId(document).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThat(this.files.delete(this.path + "/" + document, token("applicant1")).status()).isEqualTo(204);
		assertThat(this.files.get(this.path + "/" + document, token("applicant1")).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from proposal_document_content where attachment_id = :id")
			.param("id", UUID.fromString(document))
			.query(Integer.class)
			.single()).as("the bytes went with the record").isZero();
		assertThat(this.jdbc.sql("select action from audit_log where object_id = :id order by occurred_at")
			.param("id", document)
			.query(String.class)
			.list()).containsExactly("project.proposal.document-added", "project.proposal.document-removed");
	}

	@Test
	void everyUploadIsCheckedAndEachRefusalNamesItsField() throws Exception {
		String lead = token("applicant1");
		DocumentHttp.Reply unknown = this.files.upload(this.path, lead, "身份证", "a.pdf", DocumentHttp.pdf(100));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errors()).containsExactly("requirement:code.unknown");
		assertThat(unknown.text()).contains("营业执照, 合作协议");
		assertThat(this.files.upload(this.path, lead, null, "report.docx", DocumentHttp.pdf(100)).errors())
			.containsExactly("file:attachment.disguised");
		assertThat(this.files.upload(this.path, lead, null, "sheet.docx", DocumentHttp.office(false)).errors())
			.containsExactly("file:attachment.disguised");
		assertThat(this.files.upload(this.path, lead, null, "run.pdf", "MZ....".getBytes()).errors())
			.containsExactly("file:attachment.type");
		assertThat(this.files.upload(this.path, lead, null, "bomb.docx", DocumentHttp.zipBomb()).errors())
			.containsExactly("file:attachment.archive-bomb");
		assertThat(this.files.upload(this.path, lead, null, "big.pdf", DocumentHttp.pdf(65 * 1024)).errors())
			.containsExactly("file:attachment.too-large");
		DocumentHttp.Reply noFile = this.files.get(this.path, lead);
		assertThat(noFile.json().get("documents").size()).as("nothing was stored").isZero();
		assertThatThrownBy(() -> as("applicant1", ProjectServiceGrpc.newBlockingStub(this.channel))
			.uploadProposalDocument(UploadProposalDocumentRequest.newBuilder()
				.setProposalId(this.proposal)
				.setFilename("../")
				.setContent(ByteString.copyFrom(DocumentHttp.pdf(100)))
				.build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));

		// 160 kB a proposal: two 60 kB files fit, a third does not, also when all are sent at once
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.List<java.util.concurrent.Future<DocumentHttp.Reply>> uploads = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String name = "part-" + i + ".pdf";
			uploads.add(pool.submit(() -> {
				start.await();
				return this.files.upload(this.path, lead, null, name, DocumentHttp.pdf(60 * 1024));
			}));
		}
		start.countDown();
		java.util.List<DocumentHttp.Reply> replies = new java.util.ArrayList<>();
		try {
			for (var upload : uploads) {
				replies.add(upload.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(2);
		assertThat(replies).filteredOn(r -> r.status() == 400)
			.allSatisfy(r -> assertThat(r.errors()).containsExactly("file:attachment.proposal-total"))
			.hasSize(2);
	}

	@Test
	void submissionWaitsForTheRequiredDocumentsAndThenTheDocumentsAreFixed() {
		String lead = token("applicant1");
		assertThat(this.http.postJson("/api/projects/proposals/" + this.proposal + "/confirmation", token("applicant2"),
				"{}").status()).isEqualTo(200);
		this.files.upload(this.path, lead, "营业执照", "licence.pdf", DocumentHttp.pdf(100));
		var refused = this.http.postJson("/api/projects/proposals/" + this.proposal + "/submission", lead, "{}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("documents[1]");
		assertThat(refused.json().get("errors").findValuesAsString("code")).containsExactly("attachment.required");
		assertThat(refused.body()).contains("合作协议");

		String agreement = this.files.upload(this.path, lead, "合作协议", "agreement.pdf", DocumentHttp.pdf(100))
			.json()
			.get("id")
			.asString();
		var submitted = this.http.postJson("/api/projects/proposals/" + this.proposal + "/submission", lead, "{}");
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
		DocumentHttp.Reply late = this.files.upload(this.path, lead, null, "late.pdf", DocumentHttp.pdf(100));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("code").asString()).isEqualTo("proposal.not-editable");
		assertThat(this.files.delete(this.path + "/" + agreement, lead).status()).isEqualTo(409);
		assertThat(this.files.get(this.path + "/" + agreement, token("manager")).status()).isEqualTo(200);
	}

	private String publishedCall() {
		String manager = token("manager");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String id = this.http.postJson("/api/projects/calls", manager, """
				{"fieldCode":"rail-transit-equipment","year":2027,"title":"2027年轨道交通装备重大科技专项申报指南",
				 "topics":[{"code":"T1","title":"牵引系统","requiresResearchPartner":true}],
				 "fundingCeiling":"5000000.00","maxFiscalSharePercent":30,"requiredDocuments":["营业执照","合作协议"],
				 "guideline":"申报指南正文","opensAt":"%s","closesAt":"%s"}"""
			.formatted(now.minusSeconds(3600), now.plusSeconds(86400))).json().get("id").asString();
		this.http.postJson("/api/projects/calls/" + id + "/status", manager, "{\"action\":\"PUBLISH\"}");
		return id;
	}

	/** A complete proposal with one partner, as ProposalFlowIT's. */
	private static String content(UUID partner) {
		return """
				{"title":"高速列车牵引变流器研制","topicCode":"T1","objectives":"研制并验证牵引变流器","leadRole":"牵头研制",
				 "leadWorkSharePercent":70,"leadBudgetSharePercent":80,
				 "partners":[{"organisationId":"%s","role":"仿真与测试","workSharePercent":30,"budgetSharePercent":20}],
				 "kpis":[{"kind":"INVENTION_PATENTS_APPLIED","description":"申请发明专利","unit":"件","target":5}],
				 "workPlan":[{"title":"样机","dueDate":"2028-06-30","deliverables":"样机一台"},
				             {"title":"验收","dueDate":"2029-06-30","deliverables":"验收报告"}],
				 "budget":[{"category":"EQUIPMENT","source":"FISCAL","amount":"3000000.00"},
				           {"category":"LABOUR","source":"SELF_RAISED","amount":"7000000.00"}]}"""
			.formatted(partner);
	}

}
