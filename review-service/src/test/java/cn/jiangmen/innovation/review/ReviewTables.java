package cn.jiangmen.innovation.review;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the service's tables in dependency order (the ITs share one test database). */
public final class ReviewTables {

	private ReviewTables() {
	}

	public static void clear(JdbcClient jdbc) {
		for (String table : new String[] { "outbox", "reminder", "consensus", "assignment", "conflict", "round_item",
				"review_round", "expert", "review_item" }) {
			jdbc.sql("delete from " + table).update();
		}
	}

}
