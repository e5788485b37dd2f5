package cn.jiangmen.innovation.talent.web;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionsTest {

	@Test
	void chineseNamesGoInFilenameStarWithAnAsciiFallback() {
		assertThat(ContentDispositions.attachment("申报书 v2.pdf")).isEqualTo(
				"attachment; filename=\"___ v2.pdf\"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E4%B9%A6%20v2.pdf");
	}

	@Test
	void quotesSemicolonsAndLineBreaksCannotBreakTheHeader() {
		String header = ContentDispositions.attachment("a\";\r\nSet-Cookie: x=1.pdf");
		assertThat(header).doesNotContain("\r", "\n").startsWith("attachment; filename=\"a____Set-Cookie: x=1.pdf\";");
		assertThat(header).endsWith("filename*=UTF-8''a%22%3B%0D%0ASet-Cookie%3A%20x%3D1.pdf");
	}

	@Test
	void csvQuotesCellsNeutralisesFormulasAndStartsWithABom() {
		String csv = Csv.of(List.of("a", "b"), List.of(Arrays.asList("=HYPERLINK(\"x\")", null),
				Arrays.<Object>asList("江门 \"LED\"", 81.25)));
		assertThat(csv).isEqualTo("\uFEFF\"a\",\"b\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\r\n\"江门 \"\"LED\"\"\",\"81.25\"\r\n");
	}

}
