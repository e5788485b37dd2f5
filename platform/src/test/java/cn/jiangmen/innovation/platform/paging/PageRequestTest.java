package cn.jiangmen.innovation.platform.paging;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

	@Test
	void defaultsAndRoundTripsTheToken() {
		PageRequest first = PageRequest.of(0, "", "pageSize", "pageToken");
		assertThat(first).isEqualTo(new PageRequest(0, PageRequest.DEFAULT_SIZE));
		String next = first.nextToken(PageRequest.DEFAULT_SIZE);
		assertThat(PageRequest.of(0, next, "pageSize", "pageToken").offset()).isEqualTo(PageRequest.DEFAULT_SIZE);
		assertThat(first.nextToken(3)).isEmpty();
	}

	@Test
	void rejectsBadSizeAndTokenNamingTheField() {
		assertThatThrownBy(() -> PageRequest.of(201, "", "pageSize", "pageToken")).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.violations().get(0).field()).isEqualTo("pageSize"));
		assertThatThrownBy(() -> PageRequest.of(10, "%%%", "pageSize", "pageToken")).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.violations().get(0).field()).isEqualTo("pageToken"));
	}

}
