package cn.jiangmen.innovation.review.grpc;

import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Domain paths become the request's proto field paths; criterion codes in map paths stay as sent. */
class ProtoFieldPathsTest {

	@ParameterizedTest
	@CsvSource({ "reviewersPerItem, reviewers_per_item", "rubric.criteria[0].weightPercent, rubric.criteria[0].weight_percent",
			"rubric.overallThresholdHundredths, rubric.overall_threshold_hundredths",
			"reviewItemIds[3], review_item_ids[3]", "organisations[1].id, organisations[1].id",
			"affiliations[2].untilYear, affiliations[2].until_year", "finalScores.team-fit, final_scores.team-fit",
			"scores.Team, scores.Team", "comments.innovation, comments.innovation", "round_id, round_id", "title, title" })
	void domainPathsBecomeProtoFieldPaths(String domain, String proto) {
		assertThat(ProtoFieldPaths.toProto(domain)).isEqualTo(proto);
	}

	@Test
	void everyViolationIsRenamedAndKeepsItsCodeAndMessage() {
		InvalidInputException translated = ProtoFieldPaths.translated(new InvalidInputException(
				List.of(new FieldViolation("idempotencyKey", "required", "must not be blank"),
						new FieldViolation("memberPersonKeys[0]", "malformed", "must be a person key"))));

		assertThat(translated.violations()).containsExactly(
				new FieldViolation("idempotency_key", "required", "must not be blank"),
				new FieldViolation("member_person_keys[0]", "malformed", "must be a person key"));
	}

}
