package cn.jiangmen.innovation.project.domain.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;

/**
 * A progress report (进度报告) on one milestone by the lead organisation, with its evidence: the KPI
 * values reached and the evidence documents by name and SHA-256 checksum (the files themselves are
 * not uploaded to project-service yet).
 */
public record ProgressReport(UUID id, ProjectId projectId, MilestoneId milestoneId, String submittedBy,
		Instant submittedAt, String summary, List<KpiValue> kpiValues, List<EvidenceDocument> documents) {

	public static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

	public ProgressReport {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(milestoneId, "milestoneId");
		Objects.requireNonNull(summary, "summary");
		kpiValues = List.copyOf(kpiValues);
		documents = List.copyOf(documents);
	}

	/** The value reached for one of the milestone's KPI targets. */
	public record KpiValue(UUID kpiTargetId, String name, String unit, BigDecimal reached) {
	}

	/** An evidence document named with its SHA-256 checksum (lower-case hex). */
	public record EvidenceDocument(String name, String sha256) {
	}

}
