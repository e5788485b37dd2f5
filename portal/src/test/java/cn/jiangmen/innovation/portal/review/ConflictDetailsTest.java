package cn.jiangmen.innovation.portal.review;

import java.util.Arrays;
import java.util.Locale;

import cn.jiangmen.innovation.contracts.review.v1.ConflictDetailCode;
import cn.jiangmen.innovation.contracts.review.v1.PanelConflict;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every detail code review-service records reads in both languages with its arguments; a manager's
 * own words (no code) stay as written, whatever they say. Nothing is matched by its English wording.
 */
class ConflictDetailsTest {

	private static final Locale ZH = Locale.forLanguageTag("zh-CN");

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void theRulesDetailsAreTranslatedByCode() {
		assertThat(zh(ConflictDetailCode.CONFLICT_DETAIL_CODE_WORKS_AT, "五邑大学")).isEqualTo("现任职于五邑大学");
		assertThat(en(ConflictDetailCode.CONFLICT_DETAIL_CODE_WORKS_AT, "五邑大学")).isEqualTo("Works at 五邑大学");
		assertThat(zh(ConflictDetailCode.CONFLICT_DETAIL_CODE_WORKED_AT, "五邑大学", "2024")).isEqualTo("曾任职于五邑大学，至 2024 年");
		assertThat(en(ConflictDetailCode.CONFLICT_DETAIL_CODE_WORKED_AT, "五邑大学", "2024")).isEqualTo("Worked at 五邑大学 until 2024");
		assertThat(zh(ConflictDetailCode.CONFLICT_DETAIL_CODE_TEAM_MEMBER)).isEqualTo("是该申报团队成员");
		assertThat(zh(ConflictDetailCode.CONFLICT_DETAIL_CODE_CO_APPLIED, "2023")).isEqualTo("2023 年曾与负责人共同申报");
		assertThat(en(ConflictDetailCode.CONFLICT_DETAIL_CODE_CO_APPLIED, "2023")).isEqualTo("Applied together with the leader in 2023");
		assertThat(zh(ConflictDetailCode.CONFLICT_DETAIL_CODE_RELATIONSHIP_NOTE, "曾任该公司技术顾问"))
			.isEqualTo("已申报的关联关系：曾任该公司技术顾问");
		assertThat(zh(ConflictDetailCode.CONFLICT_DETAIL_CODE_RELATIONSHIP)).isEqualTo("已申报的关联关系");
		assertThat(zh(ConflictDetailCode.CONFLICT_DETAIL_CODE_DECLARED_NOTE, "与申报人同一课题组"))
			.isEqualTo("专家本人申报回避：与申报人同一课题组");
		assertThat(en(ConflictDetailCode.CONFLICT_DETAIL_CODE_DECLARED)).isEqualTo("Declared by the expert");
		assertThat(zh(ConflictDetailCode.CONFLICT_DETAIL_CODE_RELATIONSHIP_PERSON, "王五", "五邑大学"))
			.isEqualTo("已申报与五邑大学的王五存在关联关系");
		assertThat(en(ConflictDetailCode.CONFLICT_DETAIL_CODE_RELATIONSHIP_PERSON_NOTE, "王五", "五邑大学", "表兄"))
			.isEqualTo("Declared relationship with 王五 (五邑大学): 表兄");
		assertThat(zh(ConflictDetailCode.CONFLICT_DETAIL_CODE_CO_APPLIED_PERSON, "李明", "江门市光电科技有限公司", "2024"))
			.isEqualTo("2024 年曾与负责人李明（江门市光电科技有限公司）共同申报");
	}

	@Test
	void everyCodeHasAMessageInBothLanguages() {
		Arrays.stream(ConflictDetailCode.values())
			.filter(code -> code != ConflictDetailCode.CONFLICT_DETAIL_CODE_UNSPECIFIED && code != ConflictDetailCode.UNRECOGNIZED)
			.forEach(code -> {
				assertThat(this.messages.getMessage(ConflictDetails.key(code), null, null, ZH)).as(code.name()).isNotBlank();
				assertThat(this.messages.getMessage(ConflictDetails.key(code), null, null, Locale.ENGLISH)).as(code.name())
					.isNotBlank();
			});
	}

	@Test
	void aManagersOwnWordsAreShownAsWrittenEvenWhenTheyReadLikeARule() {
		assertThat(ConflictDetails.translate(PanelConflict.newBuilder().setDetail("与负责人为师生关系").build(), this.messages, ZH))
			.isEqualTo("与负责人为师生关系");
		assertThat(ConflictDetails.translate(PanelConflict.newBuilder().setDetail("works at 五邑大学").build(), this.messages, ZH))
			.isEqualTo("works at 五邑大学");
		assertThat(ConflictDetails.translate(PanelConflict.getDefaultInstance(), this.messages, ZH)).isEmpty();
	}

	private String zh(ConflictDetailCode code, String... arguments) {
		return ConflictDetails.translate(conflict(code, arguments), this.messages, ZH);
	}

	private String en(ConflictDetailCode code, String... arguments) {
		return ConflictDetails.translate(conflict(code, arguments), this.messages, Locale.ENGLISH);
	}

	private static PanelConflict conflict(ConflictDetailCode code, String... arguments) {
		return PanelConflict.newBuilder()
			.setDetailCode(code)
			.addAllDetailArguments(Arrays.asList(arguments))
			.setDetail("the English record")
			.build();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/review");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
