package cn.jiangmen.innovation.talent.web;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

	@Test
	void csvQuotesCellsNeutralisesFormulasAndStartsWithABom() {
		String csv = Csv.of(List.of("a", "b"), List.of(Arrays.asList("=HYPERLINK(\"x\")", null),
				Arrays.<Object>asList("江门 \"LED\"", 81.25)));
		assertThat(csv).isEqualTo("\uFEFF\"a\",\"b\"\r\n\"'=HYPERLINK(\"\"x\"\")\",\r\n\"江门 \"\"LED\"\"\",\"81.25\"\r\n");
	}

}
