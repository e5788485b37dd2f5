package cn.jiangmen.innovation.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a paginated List RPC to its end: every page's rows in order, the last page kept for what it
 * carries besides rows (as ListProposalDocuments' missing requirements), and a stop for a service
 * that never stops answering with a next token.
 */
class PagedRpcsTest {

	/** A page of a fake List RPC: its rows, its next token and a summary only the last page has right. */
	record Page(List<String> rows, String next, String summary) {
	}

	@Test
	void everyPageIsReadInOrderAndTheLastPageIsKept() {
		Map<String, Page> pages = Map.of("", new Page(List.of("a", "b"), "t1", "partial"), "t1",
				new Page(List.of("c"), "t2", "partial"), "t2", new Page(List.of("d"), "", "complete"));
		List<String> asked = new ArrayList<>();
		PagedRpcs.Pages<Page, String> read = PagedRpcs.read(token -> {
			asked.add(token);
			return pages.get(token);
		}, Page::rows, Page::next, "fake-service");
		assertThat(read.rows()).containsExactly("a", "b", "c", "d");
		assertThat(read.last().summary()).isEqualTo("complete");
		assertThat(asked).containsExactly("", "t1", "t2");
		assertThat(PagedRpcs.all(pages::get, Page::rows, Page::next, "fake-service")).containsExactly("a", "b", "c", "d");
	}

	@Test
	void aServiceThatNeverStopsIsStoppedAndNamed() {
		assertThatThrownBy(() -> PagedRpcs.read(token -> new Page(List.of("x"), token + "+", ""), Page::rows,
				Page::next, "fake-service"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("fake-service answered more than " + PagedRpcs.MAX_PAGES + " pages");
	}

}
