package cn.jiangmen.innovation.talent.domain;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrcidTest {

	@ParameterizedTest
	@CsvSource({ "0000-0002-1825-0097, 0000-0002-1825-0097", "https://orcid.org/0000-0001-5109-3700, 0000-0001-5109-3700",
			"0000-0002-1694-233x, 0000-0002-1694-233X", "0000-0002-1694-233X, 0000-0002-1694-233X" })
	void acceptsValidIds(String input, String expected) {
		assertThat(Orcid.parse(input, "orcid").value()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "0000-0002-1825-0098, orcid.check-digit", "0000-0002-1694-2330, orcid.check-digit",
			"0000000218250097, orcid.format", "0000-0002-1825-009, orcid.format", "abcd-0002-1825-0097, orcid.format" })
	void refusesBrokenIds(String input, String code) {
		assertThatThrownBy(() -> Orcid.parse(input, "team[0].orcid"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.violations().get(0).field()).isEqualTo("team[0].orcid");
				assertThat(ex.violations().get(0).code()).isEqualTo(code);
			});
	}

}
