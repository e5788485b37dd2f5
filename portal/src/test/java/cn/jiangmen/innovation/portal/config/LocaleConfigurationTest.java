package cn.jiangmen.innovation.portal.config;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocaleConfigurationTest {

	@Test
	void englishVariantsAreEnglishEverythingElseChinese() {
		assertThat(LocaleConfiguration.supported(Locale.forLanguageTag("en"))).isEqualTo(Locale.ENGLISH);
		assertThat(LocaleConfiguration.supported(Locale.forLanguageTag("en-GB"))).isEqualTo(Locale.ENGLISH);
		assertThat(LocaleConfiguration.supported(Locale.forLanguageTag("zh-CN"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(LocaleConfiguration.supported(Locale.forLanguageTag("zh-Hans"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(LocaleConfiguration.supported(Locale.FRENCH)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(LocaleConfiguration.supported(null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
	}

}
