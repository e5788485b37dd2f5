package cn.jiangmen.innovation.project.persistence.document;

import cn.jiangmen.innovation.project.domain.document.ProposalDocuments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProposalDocuments extends JdbcProjectDocuments implements ProposalDocuments {

	JdbcProposalDocuments(JdbcClient jdbc) {
		super(jdbc, "proposal_document", "proposal_id", "proposal");
	}

}
