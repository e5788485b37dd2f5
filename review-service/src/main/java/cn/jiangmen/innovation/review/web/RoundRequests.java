package cn.jiangmen.innovation.review.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Request bodies of the round, assignment and consensus endpoints (snake_case, as the field errors). */
final class RoundRequests {

	private RoundRequests() {
	}

	/** Absent numbers are 0 (which validation then names), never a parse failure without field. */
	static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record CriterionBody(String code, String name, Integer weightPercent, Integer threshold) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record RubricBody(List<CriterionBody> criteria, Integer scaleMin, Integer scaleMax, Integer overallThresholdHundredths) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record OpenRoundBody(String name, String owningContext, List<String> reviewItemIds, RubricBody rubric, Boolean blind,
			Instant deadline, Integer reviewersPerItem, Integer maxItemsPerExpert, Integer disagreementLimitHundredths) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record AssignBody(String itemId, String expert) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ConflictBody(String itemId, String expert, String detail) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record RapporteurBody(String expert) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record DeclarationBody(Boolean conflict, String note) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record SheetBody(Long version, Map<String, Integer> scores, Map<String, String> comments, String overallComment) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ConsensusBody(Long version, Map<String, Integer> finalScores, String report) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record AffiliationBody(String organisationId, String organisationName, Integer fromYear, Integer untilYear) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record CoApplicationBody(String personKey, Integer year) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record RelationshipBody(String kind, String reference, String note) {
	}

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record ExpertBody(String username, String displayName, String email, String personKey, List<String> fieldCodes,
			List<AffiliationBody> affiliations, List<CoApplicationBody> coApplications,
			List<RelationshipBody> relationships) {
	}

}
