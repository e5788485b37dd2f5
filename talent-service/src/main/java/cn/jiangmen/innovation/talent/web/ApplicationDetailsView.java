package cn.jiangmen.innovation.talent.web;

import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.talent.application.ApplicationQueries;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One application with the eligibility findings of its current content (each a message code the
 * portal translates), the names of people who are also on another application of the call, and of
 * people already funded by an award of another call still in its support period.
 */
public record ApplicationDetailsView(ApplicationView application, List<Finding> eligibility,
		List<String> duplicatePersons, List<String> fundedElsewhere,
		@Schema(description = "After a save: fields that were not saved (each kept its previous value)") List<Finding> fieldErrors) {

	public record Finding(String field, String code, String message) {
	}

	static ApplicationDetailsView of(ApplicationQueries.Details details) {
		return of(details, List.of());
	}

	static ApplicationDetailsView of(ApplicationQueries.Details details, List<FieldViolation> fieldErrors) {
		return new ApplicationDetailsView(ApplicationView.of(details.application()),
				details.eligibilityFindings().stream().map(f -> new Finding(f.field(), f.code(), f.message())).toList(),
				details.duplicatePersons(), details.fundedElsewhere(),
				fieldErrors.stream().map(f -> new Finding(f.field(), f.code(), f.message())).toList());
	}

}
