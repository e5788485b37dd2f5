package cn.jiangmen.innovation.portal.review;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads every page of one of review-service's List RPCs. The portal's review pages show whole lists
 * (a manager picks a round's items from all that wait, at most 5000), so the client pages through
 * them at the largest page size rather than each page growing paging controls.
 */
final class AllPages {

	/** The largest page review-service serves (platform PageRequest.MAX_SIZE). */
	static final int SIZE = 200;

	/** A stop against a service that keeps answering with a next token: 100 pages are 20000 rows. */
	static final int MAX_PAGES = 100;

	private AllPages() {
	}

	/**
	 * @param page calls the RPC for a page token ("" for the first)
	 * @param rows the page's rows
	 * @param next the page's next_page_token, empty on the last
	 */
	static <R, T> List<T> read(Function<String, R> page, Function<R, List<T>> rows, Function<R, String> next) {
		List<T> all = new ArrayList<>();
		String token = "";
		for (int i = 0; i < MAX_PAGES; i++) {
			R response = page.apply(token);
			all.addAll(rows.apply(response));
			token = next.apply(response);
			if (token.isEmpty()) {
				return all;
			}
		}
		throw new IllegalStateException("review-service answered more than " + MAX_PAGES + " pages");
	}

}
