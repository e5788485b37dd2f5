package cn.jiangmen.innovation.platform.domain;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonNameKeyTest {

	static final PersonNameKey KEYS = PersonNameKey
		.hmacSha256("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

	@Test
	void spacesWidthAndCaseDoNotMakeTwoPersons() {
		assertThat(KEYS.of(" 张 三 ", "江门市光电科技有限公司")).isEqualTo(KEYS.of("张三", "江门市光电科技 有限公司"));
		assertThat(KEYS.of("Li  Ming", "ＷＵＹＩ University")).isEqualTo(KEYS.of("li ming", "wuyi university"));
	}

	@Test
	void theKeyNamesNobodyAndDependsOnTheSecret() {
		String key = KEYS.of("张三", "五邑大学").orElseThrow();
		assertThat(key).startsWith(PersonNameKey.PREFIX).hasSize(PersonNameKey.PREFIX.length() + 64)
			.doesNotContain("张三", "五邑大学");
		assertThat(PersonNameKey.hmacSha256("another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8))
			.of("张三", "五邑大学")).isNotEqualTo(KEYS.of("张三", "五邑大学"));
	}

	@Test
	void differentPersonsOrOrganisationsAreDifferentKeys() {
		assertThat(KEYS.of("张三", "五邑大学")).isNotEqualTo(KEYS.of("张三", "江门市光电科技有限公司"));
		assertThat(KEYS.of("ab", "c")).isNotEqualTo(KEYS.of("a", "bc"));
	}

	@Test
	void blankPartsGiveNoKeyAndShortSecretsAreRefused() {
		assertThat(KEYS.of("", "五邑大学")).isEmpty();
		assertThat(KEYS.of("张三", "  ")).isEmpty();
		assertThat(KEYS.of(null, null)).isEmpty();
		assertThatThrownBy(() -> PersonNameKey.hmacSha256("short".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
