package cn.jiangmen.innovation.portal.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The review pages read every page of a List RPC, in order, and stop at the last page. */
class AllPagesTest {

	record Page(List<String> rows, String next) {
	}

	@Test
	void everyPageIsReadInOrderUntilTheNextTokenIsEmpty() {
		Map<String, Page> pages = Map.of("", new Page(List.of("a", "b"), "t1"), "t1", new Page(List.of("c"), "t2"), "t2",
				new Page(List.of(), ""));
		List<String> asked = new ArrayList<>();

		List<String> rows = AllPages.read(token -> {
			asked.add(token);
			return pages.get(token);
		}, Page::rows, Page::next);

		assertThat(rows).containsExactly("a", "b", "c");
		assertThat(asked).containsExactly("", "t1", "t2");
	}

	@Test
	void aServiceThatNeverEndsIsStoppedInsteadOfReadForever() {
		assertThatThrownBy(() -> AllPages.read(token -> new Page(List.of("x"), "again"), Page::rows, Page::next))
			.isInstanceOf(IllegalStateException.class);
	}

}
