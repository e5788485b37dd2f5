package cn.jiangmen.innovation.review.domain;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardRubricsTest {

	@ParameterizedTest
	@EnumSource(ItemKind.class)
	void everyKindHasAValidRubric(ItemKind kind) {
		Rubric rubric = StandardRubrics.of(kind);
		assertThat(rubric.criteria().stream().mapToInt(Criterion::weightPercent).sum()).isEqualTo(100);
		assertThat(rubric.overallThresholdHundredths()).isEqualTo(6000);
	}

	@Test
	void checksAreScoredOnWhatTheTaskBookPromisedNotOnTheProposalsMerit() {
		List<String> proposal = codes(ItemKind.PROPOSAL);
		assertThat(codes(ItemKind.MID_TERM_CHECK)).containsExactly("progress", "kpi", "funds", "management")
			.doesNotContainAnyElementsOf(List.of("innovation", "feasibility", "consortium"));
		assertThat(codes(ItemKind.FINAL_ACCEPTANCE)).containsExactly("objectives", "kpi", "funds", "results")
			.isNotEqualTo(proposal);
		assertThat(ItemKind.MID_TERM_CHECK.isCheck()).isTrue();
		assertThat(ItemKind.PROPOSAL.isCheck()).isFalse();
	}

	@Test
	void anItemKindBelongsToItsOwnerAndUnspecifiedMeansTheOwnersFirstKind() {
		String item = UUID.randomUUID().toString();
		OpenReview unspecified = OpenReview.of("k", OwningContext.PROJECT, item, "A", List.of(), List.of(),
				java.util.Optional.empty(), "", List.of(), List.of(), null);
		assertThat(unspecified.itemKind()).isEqualTo(ItemKind.PROPOSAL);
		assertThat(OpenReview.of("k", OwningContext.TALENT, item, "A", List.of(), List.of(), java.util.Optional.empty()).itemKind())
			.isEqualTo(ItemKind.APPLICATION);
		assertThatThrownBy(() -> OpenReview.of("k", OwningContext.TALENT, item, "A", List.of(), List.of(),
				java.util.Optional.empty(), "", List.of(), List.of(), ItemKind.FINAL_ACCEPTANCE))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("itemKind"));
	}

	private static List<String> codes(ItemKind kind) {
		return StandardRubrics.of(kind).criteria().stream().map(Criterion::code).toList();
	}

}
