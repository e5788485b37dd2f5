package cn.jiangmen.innovation.portal.review;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every detail review-service's conflict rules write reads in both languages; a manager's own words stay as written. */
class ConflictDetailsTest {

	private static final Locale ZH = Locale.forLanguageTag("zh-CN");

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void theRulesDetailsAreTranslated() {
		assertThat(zh("works at 五邑大学")).isEqualTo("现任职于五邑大学");
		assertThat(en("works at 五邑大学")).isEqualTo("Works at 五邑大学");
		assertThat(zh("worked at 五邑大学 until 2024")).isEqualTo("曾任职于五邑大学，至 2024 年");
		assertThat(en("worked at 五邑大学 until 2024")).isEqualTo("Worked at 五邑大学 until 2024");
		assertThat(zh("is on the team of the item")).isEqualTo("是该申报团队成员");
		assertThat(zh("applied together with the leader in 2023")).isEqualTo("2023 年曾与负责人共同申报");
		assertThat(en("applied together with the leader in 2023")).isEqualTo("Applied together with the leader in 2023");
		assertThat(zh("declared relationship: 曾任该公司技术顾问")).isEqualTo("已申报的关联关系：曾任该公司技术顾问");
		assertThat(zh("declared relationship")).isEqualTo("已申报的关联关系");
		assertThat(zh("declared by the expert: 与申报人同一课题组")).isEqualTo("专家本人申报回避：与申报人同一课题组");
		assertThat(en("declared by the expert")).isEqualTo("Declared by the expert");
	}

	@Test
	void aManagersOwnWordsAreShownAsWritten() {
		assertThat(zh("与负责人为师生关系")).isEqualTo("与负责人为师生关系");
		assertThat(zh(null)).isEmpty();
	}

	private String zh(String detail) {
		return ConflictDetails.translate(detail, this.messages, ZH);
	}

	private String en(String detail) {
		return ConflictDetails.translate(detail, this.messages, Locale.ENGLISH);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/review");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
