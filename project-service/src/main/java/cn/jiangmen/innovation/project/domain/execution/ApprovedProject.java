package cn.jiangmen.innovation.project.domain.execution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.project.domain.OrganisationId;
import cn.jiangmen.innovation.project.domain.ProjectId;

/**
 * A project as execution sees it: approved (立项) with its fiscal amount, led by one organisation,
 * at one stage. Immutable; a stage move returns the next version.
 *
 * @param approvedFiscalFen the approved fiscal amount in fen; 0 for a project approved before V4
 */
public record ApprovedProject(ProjectId id, String title, OrganisationId leadOrganisation, Optional<String> fieldCode,
		ProjectStage stage, long approvedFiscalFen, Optional<Instant> approvedAt, long version) {

	public ApprovedProject {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(leadOrganisation, "leadOrganisation");
		Objects.requireNonNull(fieldCode, "fieldCode");
		Objects.requireNonNull(stage, "stage");
		Objects.requireNonNull(approvedAt, "approvedAt");
	}

	public ApprovedProject move(ProjectStage.Action action) {
		ProjectStage next = this.stage.after(action)
			.orElseThrow(() -> new ConflictException("project.stage",
					"A project in stage " + this.stage + " cannot " + action.name().toLowerCase().replace('_', ' ')));
		return new ApprovedProject(this.id, this.title, this.leadOrganisation, this.fieldCode, next,
				this.approvedFiscalFen, this.approvedAt, this.version + 1);
	}

	/** Refuses (409) unless the project is running (execution, mid-term or final acceptance). */
	public void requireRunning(String what) {
		if (!this.stage.isRunning()) {
			throw new ConflictException("project.not-running",
					what + " needs a project in execution; this one is in stage " + this.stage);
		}
	}

}
