package cn.jiangmen.innovation.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import cn.jiangmen.innovation.devinfra.DevInfra;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The fixture's choice between the machine's PostgreSQL/Redis and embedded ones, with "absent" simulated by
 * closed ports, so the machine's own services (which other builds use) are never touched.
 */
class LocalServicesIT {

    @Test
    void nothingListeningGivesAWorkingEmbeddedPostgresThatStopsOnClose() throws Exception {
        int closed = closedPort();
        int port;
        try (LocalServices.Endpoint pg = LocalServices.postgres("127.0.0.1", closed, "someone", "secret", true)) {
            assertThat(pg.embedded()).isNotNull();
            port = pg.port();
            assertThat(port).isNotEqualTo(closed);
            // the embedded server's own account, not the configured one it could not know
            assertThat(pg.user()).isEqualTo("postgres");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pg.host() + ":" + port + "/postgres",
                    pg.user(), pg.password()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE probe (id int PRIMARY KEY, name text NOT NULL)");
                s.execute("INSERT INTO probe VALUES (1, '江门')");
                try (ResultSet rs = s.executeQuery("SELECT name FROM probe WHERE id = 1")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("江门");
                }
            }
        }
        assertThat(DevInfra.isPortFree("127.0.0.1", port)).as("embedded PostgreSQL stopped").isTrue();
    }

    @Test
    void nothingListeningGivesAWorkingEmbeddedRedisThatStopsOnClose() throws Exception {
        int closed = closedPort();
        int port;
        try (LocalServices.Endpoint redis = LocalServices.redis("127.0.0.1", closed, true)) {
            assertThat(redis.embedded()).isNotNull();
            port = redis.port();
            assertThat(port).isNotEqualTo(closed);
            try (Jedis jedis = new Jedis(redis.host(), port)) {
                assertThat(jedis.ping()).isEqualTo("PONG");
                jedis.set("fresh-machine", "yes");
                assertThat(jedis.get("fresh-machine")).isEqualTo("yes");
            }
        }
        assertThat(DevInfra.isPortFree("127.0.0.1", port)).as("embedded Redis stopped").isTrue();
    }

    @Test
    void withoutFallbackAnAbsentPostgresIsTheOldClearError() throws Exception {
        int closed = closedPort();
        assertThatThrownBy(() -> LocalServices.postgres("127.0.0.1", closed, "postgres", "", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL at 127.0.0.1:" + closed)
                .hasMessageContaining("does not answer");
    }

    @Test
    void somethingListeningThatIsNotRedisIsAnErrorNotAFallback() throws Exception {
        // a listener that is not Redis stands in for a misconfigured machine: falling back would hide it
        try (ServerSocket notRedis = new ServerSocket(0)) {
            assertThatThrownBy(() -> LocalServices.redis("127.0.0.1", notRedis.getLocalPort(), true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Redis at 127.0.0.1:" + notRedis.getLocalPort())
                    .hasMessageContaining("does not answer PING");
        }
    }

    /** A port nothing listens on: bound once by the kernel's choice, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
