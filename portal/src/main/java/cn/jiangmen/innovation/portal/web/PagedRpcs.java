package cn.jiangmen.innovation.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a paginated List RPC to its end, as the pages that show a whole list need: page after page
 * while the service returns a next token, with a stop against a service that never stops.
 */
public final class PagedRpcs {

	/** A stop against a service that keeps answering with a next token. */
	public static final int MAX_PAGES = 50;

	private PagedRpcs() {
	}

	/**
	 * Every row of every page, and the last page itself, for what a response carries besides its rows
	 * (ListProposalDocuments' required documents still missing, which only the last page holds whole).
	 *
	 * @param rows every page's rows, in order
	 * @param last the page whose next token was empty
	 */
	public record Pages<R, T>(List<T> rows, R last) {
	}

	/**
	 * @param page asks for the page of a token ("" first)
	 * @param rows the page's rows
	 * @param next the page's next token ("" on the last)
	 * @param service names the service in the failure
	 */
	public static <R, T> List<T> all(Function<String, R> page, Function<R, List<T>> rows, Function<R, String> next,
			String service) {
		return read(page, rows, next, service).rows();
	}

	/** As {@link #all}, keeping the last page. */
	public static <R, T> Pages<R, T> read(Function<String, R> page, Function<R, List<T>> rows,
			Function<R, String> next, String service) {
		List<T> all = new ArrayList<>();
		String token = "";
		for (int i = 0; i < MAX_PAGES; i++) {
			R response = page.apply(token);
			all.addAll(rows.apply(response));
			token = next.apply(response);
			if (token.isEmpty()) {
				return new Pages<>(all, response);
			}
		}
		throw new IllegalStateException(service + " answered more than " + MAX_PAGES + " pages");
	}

}
