package cn.jiangmen.innovation.project.persistence.document;

import cn.jiangmen.innovation.project.domain.document.MilestoneEvidence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMilestoneEvidence extends JdbcProjectDocuments implements MilestoneEvidence {

	JdbcMilestoneEvidence(JdbcClient jdbc) {
		super(jdbc, "milestone_evidence", "milestone_id", "milestone");
	}

}
