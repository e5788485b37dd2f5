package cn.jiangmen.innovation.review.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declaration before content, drafts until submitted, rubric checks naming each field. */
class AssignmentTest {

	static final Rubric RUBRIC = new Rubric(
			List.of(new Criterion("innovation", "创新性", 60, 3), new Criterion("team", "团队", 40, 0)), 1, 5, 6000);

	static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

	Assignment fresh() {
		return Assignment.create(RoundId.newId(), new ReviewItemId(UUID.randomUUID()), new ExpertId("e1"),
				Assignment.Source.AUTOMATIC, "manager", T0);
	}

	@Test
	void contentIsShownOnlyAfterDeclaringNoConflictAndScoringNeedsIt() {
		Assignment a = fresh();
		assertThat(a.showsContent()).isFalse();
		assertThatThrownBy(() -> a.score(RUBRIC, Map.of("team", 3), Map.of(), "", false, T0))
			.isInstanceOf(ConflictException.class);
		assertThat(a.declare(false, T0).showsContent()).isTrue();
		Assignment conflicted = a.declare(true, T0);
		assertThat(conflicted.showsContent()).isFalse();
		assertThat(conflicted.isActive()).isFalse();
		assertThatThrownBy(() -> conflicted.declare(false, T0)).isInstanceOf(ConflictException.class);
	}

	@Test
	void aDraftMayBePartialASubmissionMustBeCompleteAndIsFinal() {
		Assignment declared = fresh().declare(false, T0);
		Assignment draft = declared.score(RUBRIC, Map.of("team", 3), Map.of("team", " 稳定 "), "", false, T0);
		assertThat(draft.sheetStatus()).isEqualTo(Assignment.SheetStatus.DRAFT);
		assertThat(draft.comments()).containsEntry("team", "稳定");
		assertThat(draft.submittedScore()).isEmpty();

		assertThatThrownBy(() -> draft.score(RUBRIC, Map.of("team", 3), Map.of(), "", true, T0))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.extracting(FieldViolation::field)
				.containsExactly("scores.innovation"));

		Instant later = T0.plus(Duration.ofHours(26));
		Assignment submitted = draft.score(RUBRIC, Map.of("team", 3, "innovation", 5), Map.of(), "good", true, later);
		assertThat(submitted.sheetStatus()).isEqualTo(Assignment.SheetStatus.SUBMITTED);
		assertThat(submitted.turnaround()).contains(Duration.ofHours(26));
		assertThat(submitted.submittedScore()).isPresent();
		assertThatThrownBy(() -> submitted.score(RUBRIC, Map.of("team", 1, "innovation", 1), Map.of(), "", true, later))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void offScaleAndUnknownCriteriaAreNamed() {
		Assignment declared = fresh().declare(false, T0);
		assertThatThrownBy(() -> declared.score(RUBRIC, Map.of("team", 9, "novelty", 2), Map.of("x", "y"), "", false, T0))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.extracting(FieldViolation::field)
				.containsExactlyInAnyOrder("scores.team", "scores.novelty", "comments.x"));
	}

	@Test
	void aRubricFromOutsideIsValidatedFieldByField() {
		assertThatThrownBy(() -> Rubric.of(List.of(new Criterion("Bad Code", "", 50, 9), new Criterion("ok", "OK", 40, 0)),
				1, 5, 20000))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.extracting(FieldViolation::field)
				.containsExactly("criteria[0].code", "criteria[0].name", "criteria[0].threshold", "criteria",
						"overallThresholdHundredths"));
		assertThat(Rubric.of(RUBRIC.criteria(), 1, 5, 6000)).isEqualTo(RUBRIC);
	}

}
