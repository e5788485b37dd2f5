package cn.jiangmen.innovation.talent.domain;

import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Priority fields are the suite's reference codes (project-service's), never free text. */
class TalentCallTest {

	private static TalentCall withFields(List<String> fields) {
		return TalentCall.create("2026 Pearl River Talent", Fixtures.openCall().categories(), fields, Fixtures.OPENS,
				Fixtures.CLOSES, Fixtures.OPENS.minusSeconds(60));
	}

	@ParameterizedTest
	@ValueSource(strings = { "rail-transit-equipment", "nev-batteries-power-systems", "x", "3d-printing" })
	void referenceCodesAreAccepted(String code) {
		assertThat(withFields(List.of(" " + code + " ")).priorityFields()).containsExactly(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "VISIBLE_LIGHT_COMMUNICATION", "海洋工程装备", "rail transit", "-rail", "rail-", "rail--transit",
			"Rail-Transit" })
	void freeTextIsRefusedNamingTheField(String code) {
		assertThatThrownBy(() -> withFields(List.of("additive-manufacturing", code)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field, FieldViolation::code)
						.containsExactly(org.assertj.core.groups.Tuple.tuple("priorityFields[1]", "field-code.format")));
	}

	@Test
	void aCodeLongerThanTheReferenceColumnIsRefused() {
		assertThatThrownBy(() -> withFields(List.of("a".repeat(65)))).isInstanceOf(InvalidInputException.class);
		assertThat(withFields(List.of("a".repeat(64))).priorityFields()).hasSize(1);
	}

}
