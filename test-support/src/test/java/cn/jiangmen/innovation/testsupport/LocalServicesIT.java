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
    void nothingListeningGivesWorkingEmbeddedPostgresAndRedisThatStopOnClose() throws Exception {
        int closedPg = closedPort();
        int closedRedis = closedPort();
        int pgPort;
        int redisPort;
        try (LocalServices services = LocalServices.resolve("127.0.0.1", closedPg, "someone", "secret", "127.0.0.1",
                closedRedis, true)) {
            assertThat(services.embedded()).isNotNull();
            pgPort = services.dbPort();
            redisPort = services.redisPort();
            assertThat(pgPort).isNotEqualTo(closedPg);
            assertThat(redisPort).isNotEqualTo(closedRedis);
            // the embedded server's own account, not the configured one it could not know
            assertThat(services.dbUser()).isEqualTo("postgres");

            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + services.dbHost() + ":" + pgPort
                    + "/postgres", services.dbUser(), services.dbPassword()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE probe (id int PRIMARY KEY, name text NOT NULL)");
                s.execute("INSERT INTO probe VALUES (1, '江门')");
                try (ResultSet rs = s.executeQuery("SELECT name FROM probe WHERE id = 1")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("江门");
                }
            }
            try (Jedis redis = new Jedis(services.redisHost(), redisPort)) {
                assertThat(redis.ping()).isEqualTo("PONG");
                redis.set("fresh-machine", "yes");
                assertThat(redis.get("fresh-machine")).isEqualTo("yes");
            }
        }
        assertThat(DevInfra.isPortFree("127.0.0.1", pgPort)).as("embedded PostgreSQL stopped").isTrue();
        assertThat(DevInfra.isPortFree("127.0.0.1", redisPort)).as("embedded Redis stopped").isTrue();
    }

    @Test
    void withoutFallbackAnAbsentPostgresIsTheOldClearError() throws Exception {
        int closed = closedPort();
        assertThatThrownBy(() -> LocalServices.resolve("127.0.0.1", closed, "postgres", "", "127.0.0.1", closedPort(),
                false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL at 127.0.0.1:" + closed)
                .hasMessageContaining("does not answer");
    }

    @Test
    void somethingListeningThatIsNotRedisIsAnErrorNotAFallback() throws Exception {
        // a listener that is not Redis stands in for a misconfigured machine: falling back would hide it
        try (ServerSocket notRedis = new ServerSocket(0)) {
            int closedPg = closedPort();
            assertThatThrownBy(() -> LocalServices.resolve("127.0.0.1", closedPg, "postgres", "", "127.0.0.1",
                    notRedis.getLocalPort(), true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("embedded")
                    .rootCause().hasMessageContaining("Redis at 127.0.0.1:" + notRedis.getLocalPort());
        }
    }

    /** A port nothing listens on: bound once by the kernel's choice, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
