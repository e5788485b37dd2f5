package cn.jiangmen.innovation.talent.grpc;

import java.util.List;

import cn.jiangmen.innovation.platform.paging.PageRequest;

/**
 * AIP-158 pages for the List RPCs. Listings the application layer already bounds (a call's
 * applications, an application's documents, the calls) are cut here rather than in SQL: they hold
 * at most a few hundred rows, and the page token stays the same opaque offset either way.
 */
final class ListPages {

	private ListPages() {
	}

	static PageRequest of(int pageSize, String pageToken) {
		return PageRequest.of(pageSize, pageToken, "page_size", "page_token");
	}

	static <T> List<T> slice(List<T> all, PageRequest page) {
		if (page.offset() >= all.size()) {
			return List.of();
		}
		return all.subList(page.offset(), Math.min(all.size(), page.offset() + page.size()));
	}

}
