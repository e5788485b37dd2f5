package cn.jiangmen.innovation.talent.domain;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeTest {

	@ParameterizedTest
	@ValueSource(strings = {
			// published codes of real enterprises (check characters verified by hand and by the algorithm)
			"91440300708461136T", "91110000100006485K", "91350100M000100Y43",
			// computed for this test: a letter check character, a digit one, and the 31 -> 0 case
			"91440703MA4UJ8K2XW", "124407004558630725", "914407000000000190" })
	void acceptsCodesWithTheRightCheckCharacter(String code) {
		assertThat(CreditCode.parse(code, "host.creditCode").value()).isEqualTo(code);
	}

	@Test
	void normalisesBlanksAndCase() {
		assertThat(CreditCode.parse(" 91440300708461136t ", "f").value()).isEqualTo("91440300708461136T");
	}

	@ParameterizedTest
	@CsvSource({ "91440300708461136A, credit-code.check-digit", "91440300708461137T, credit-code.check-digit",
			"914407000000000191, credit-code.check-digit", "9144030070846113T, credit-code.length",
			"91440300708461136TT, credit-code.length", "91440300708461I36T, credit-code.charset",
			"91440300708461O36T, credit-code.charset", "9144030070846113-T, credit-code.charset" })
	void refusesBrokenCodesNamingTheFieldAndTheReason(String code, String reason) {
		assertThatThrownBy(() -> CreditCode.parse(code, "host.creditCode"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.violations()).singleElement().satisfies(v -> {
					assertThat(v.field()).isEqualTo("host.creditCode");
					assertThat(v.code()).isEqualTo(reason);
				});
			});
	}

	@Test
	void checkCharacterFollowsTheStandardWeights() {
		assertThat(CreditCode.checkCharacter("91440300708461136")).isEqualTo('T');
		assertThat(CreditCode.checkCharacter("91440700000000019")).isEqualTo('0');
	}

	@Test
	void everySingleCharacterChangeIsDetected() {
		String valid = "91440300708461136T";
		for (int i = 0; i < 17; i++) {
			for (char c : CreditCode.ALPHABET.toCharArray()) {
				if (c == valid.charAt(i)) {
					continue;
				}
				String changed = valid.substring(0, i) + c + valid.substring(i + 1);
				assertThatThrownBy(() -> new CreditCode(changed)).as(changed)
					.isInstanceOf(IllegalArgumentException.class);
			}
		}
	}

}
