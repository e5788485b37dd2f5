package cn.jiangmen.innovation.devinfra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests the embedded launcher itself (not a stand-in for the services' own tests). */
class DevInfraTest {

    @TempDir
    Path dataDir;

    @Test
    void startsEmbeddedPostgresAndRedisOnFreePortsCreatesDatabasesAndStops() throws Exception {
        int pgPort = freePort();
        int redisPort = freePort();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DevInfra.Options options = DevInfra.Options.defaults().pgPort(pgPort).redisPort(redisPort).dataDir(dataDir);

        try (DevInfra infra = new DevInfra(options, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            infra.start();

            assertThat(infra.startedPostgres()).isTrue();
            assertThat(infra.startedRedis()).isTrue();
            assertThat(databases(pgPort)).containsAll(DevInfra.DATABASES);
            assertThat(redisPing(redisPort)).isEqualTo("+PONG");

            // idempotent: a second ensure creates nothing
            assertThat(DevInfra.ensureDatabases("127.0.0.1", pgPort, DevInfra.DATABASES)).isEmpty();

            // a second launcher sees the ports taken and starts nothing
            try (DevInfra second = new DevInfra(options, new PrintStream(OutputStream.nullOutputStream()))) {
                second.start();
                assertThat(second.startedPostgres()).isFalse();
                assertThat(second.startedRedis()).isFalse();
            }
            assertThat(redisPing(redisPort)).isEqualTo("+PONG");
        }

        assertThat(DevInfra.isPortFree("127.0.0.1", pgPort)).isTrue();
        assertThat(DevInfra.isPortFree("127.0.0.1", redisPort)).isTrue();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("created databases");
    }

    @Test
    void parsesOptions() {
        DevInfra.Options options = DevInfra.Options.parse(
                new String[] {"--ensure-databases", "--pg-port", "15432", "--redis-port", "16379", "--no-redis"});
        assertThat(options.ensureDatabasesOnly).isTrue();
        assertThat(options.pgPort).isEqualTo(15432);
        assertThat(options.redisPort).isEqualTo(16379);
        assertThat(options.redis).isFalse();
        assertThat(options.postgres).isTrue();
        assertThatThrownBy(() -> DevInfra.Options.parse(new String[] {"--pg-port", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DevInfra.Options.parse(new String[] {"--bogus"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> databases(int port) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String redisPing(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
