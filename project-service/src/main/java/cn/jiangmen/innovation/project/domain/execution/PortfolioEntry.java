package cn.jiangmen.innovation.project.domain.execution;

import java.util.Objects;

/**
 * A project as the manager's portfolio lists it: the project and the year it belongs to (its
 * call's year, else the year of its approval in Beijing time), for filtering by field, year and stage.
 */
public record PortfolioEntry(ApprovedProject project, int year) {

	public PortfolioEntry {
		Objects.requireNonNull(project, "project");
	}

	/** What the portfolio is filtered by; an empty part filters nothing. */
	public record Filter(java.util.Optional<String> fieldCode, java.util.Optional<Integer> year,
			java.util.Optional<ProjectStage> stage) {

		public Filter {
			Objects.requireNonNull(fieldCode, "fieldCode");
			Objects.requireNonNull(year, "year");
			Objects.requireNonNull(stage, "stage");
		}

	}

}
