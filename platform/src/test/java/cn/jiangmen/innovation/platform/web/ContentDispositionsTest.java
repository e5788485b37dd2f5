package cn.jiangmen.innovation.platform.web;

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

}
