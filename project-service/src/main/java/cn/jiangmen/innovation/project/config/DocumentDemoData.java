package cn.jiangmen.innovation.project.config;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import cn.jiangmen.innovation.platform.attachment.CheckedDocument;
import cn.jiangmen.innovation.platform.attachment.DocumentType;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.ProjectCalls;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.ProposalStatus;
import cn.jiangmen.innovation.project.domain.Proposals;
import cn.jiangmen.innovation.project.domain.document.ProjectDocument;
import cn.jiangmen.innovation.project.domain.document.ProposalDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Profile {@code demo}: the demo proposals past the draft carry the documents their call requires
 * (a small PDF each), as submission demands. Runs once the application is ready, after the
 * proposals' own seeding; a proposal that has documents already is left as it is.
 */
@Component
@Profile("demo")
class DocumentDemoData {

	private static final Logger log = LoggerFactory.getLogger(DocumentDemoData.class);

	private final Proposals proposals;

	private final ProjectCalls calls;

	private final ProposalDocuments documents;

	private final TransactionTemplate transactions;

	DocumentDemoData(Proposals proposals, ProjectCalls calls, ProposalDocuments documents,
			TransactionTemplate transactions) {
		this.proposals = proposals;
		this.calls = calls;
		this.documents = documents;
		this.transactions = transactions;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		this.transactions.executeWithoutResult(status -> {
			int added = 0;
			for (int n = 1; n <= 4; n++) {
				ProposalId id = new ProposalId(UUID.fromString("9b0b0500-0000-4000-8000-%012d".formatted(n)));
				Proposal proposal = this.proposals.find(id).orElse(null);
				if (proposal == null || proposal.status() == ProposalStatus.DRAFT
						|| !this.documents.of(id.value()).isEmpty()) {
					continue;
				}
				ProjectCall call = this.calls.find(proposal.callId()).orElse(null);
				if (call == null) {
					continue;
				}
				Instant at = proposal.createdAt().truncatedTo(ChronoUnit.MICROS);
				for (String required : call.requiredDocuments()) {
					byte[] pdf = ("%PDF-1.4\n% demo " + required + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
					UUID documentId = UUID.nameUUIDFromBytes((id + "/" + required).getBytes(StandardCharsets.UTF_8));
					this.documents.add(new ProjectDocument(documentId, id.value(), required, required + ".pdf",
							DocumentType.PDF, pdf.length, CheckedDocument.sha256(pdf), "demo-seed", at), pdf);
					added++;
				}
			}
			if (added > 0) {
				log.info("Demo data: {} proposal documents", added);
			}
		});
	}

}
