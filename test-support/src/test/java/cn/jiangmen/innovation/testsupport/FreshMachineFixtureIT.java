package cn.jiangmen.innovation.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The fixture on a "fresh machine": run only by failsafe's {@code fresh-machine} execution, which points the
 * PostgreSQL and Redis it probes at port 1, where nothing listens. What a service test asks of the fixture
 * must then come from embedded servers.
 */
class FreshMachineFixtureIT {

    @Test
    void servicesTestsGetEmbeddedPostgresAndRedisWhereTheMachineHasNone() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        assertThat(infra.mode()).isEqualTo("local+embedded");

        String url = infra.jdbcUrl("testsupport_fresh_machine_it");
        assertThat(url).doesNotContain(":1/");
        try (Connection c = DriverManager.getConnection(url, infra.dbUser(), infra.dbPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS probe (id int PRIMARY KEY)");
            s.execute("INSERT INTO probe VALUES (1) ON CONFLICT DO NOTHING");
            try (ResultSet rs = s.executeQuery("SELECT count(*), current_setting('server_version_num')::int FROM probe")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getInt(2)).as("a real PostgreSQL").isGreaterThanOrEqualTo(140000);
            }
        }
        // recreateDatabase (system tests use it) goes through the same admin connection
        infra.recreateDatabase("testsupport_fresh_machine_it");

        assertThat(infra.redisPort()).isNotEqualTo(1);
        try (Jedis redis = new Jedis(infra.redisHost(), infra.redisPort())) {
            assertThat(redis.ping()).isEqualTo("PONG");
        }
        // tests that need only Redis get the same embedded one, not a second
        assertThat(TestRedis.port()).isEqualTo(infra.redisPort());
        // and Keycloak is still the fixture's own, unaffected by the fallback
        assertThat(infra.tokens().accessToken("applicant1")).isNotBlank();
    }
}
