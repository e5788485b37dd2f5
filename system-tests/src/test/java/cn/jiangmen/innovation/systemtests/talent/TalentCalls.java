package cn.jiangmen.innovation.systemtests.talent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import cn.jiangmen.innovation.systemtests.RunningSuite;

/** Test calls opened straight in talent-service's database (creating calls is a manager's REST job). */
public final class TalentCalls {

	private TalentCalls() {
	}

	/** An open call for the visible-light communication field that closes in ten days. */
	public static UUID openCall(RunningSuite suite) throws SQLException {
		UUID call = UUID.randomUUID();
		Instant now = Instant.now();
		try (Connection db = DriverManager.getConnection(suite.jdbcUrl("talent"), suite.infra().dbUser(),
				suite.infra().dbPassword());
				PreparedStatement insert = db.prepareStatement("""
						insert into talent_call (id, title, categories, priority_fields, opens_at, closes_at, status,
						    created_at, version)
						values (?, ?, cast(? as jsonb), ?, ?, ?, 'OPEN', ?, 0)
						""")) {
			insert.setObject(1, call);
			insert.setString(2, title(call));
			insert.setString(3, """
					{"TEAM_RND_INDUSTRIALISATION": {"maxLeaderAge": 55, "minTeamSize": 2,
					  "requiredLeaderTitles": ["PROFESSOR"], "leaderFullTime": true, "fieldMustBeInCall": true}}
					""");
			insert.setArray(4, db.createArrayOf("text", new String[] { "visible-light-communication" }));
			insert.setTimestamp(5, Timestamp.from(now.minus(1, ChronoUnit.DAYS)));
			insert.setTimestamp(6, Timestamp.from(now.plus(10, ChronoUnit.DAYS)));
			insert.setTimestamp(7, Timestamp.from(now.minus(2, ChronoUnit.DAYS)));
			insert.executeUpdate();
		}
		return call;
	}

	/** The title the call is listed under. */
	public static String title(UUID call) {
		return "系统测试批次 " + call.toString().substring(0, 8);
	}

}
