package cn.jiangmen.innovation.testsupport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import cn.jiangmen.innovation.devinfra.DevInfra;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL and Redis for the fixture's local mode: the machine's where something listens on the
 * configured address, otherwise embedded ones (dev-infra's launcher, as {@code ./suite up} uses) on free
 * ports, so {@code ./mvnw verify} also passes on a machine with neither installed.
 *
 * <p>Each test JVM starts its own embedded pair rather than sharing one across the build as Keycloak is
 * shared: an embedded PostgreSQL is up in a few seconds (Keycloak: 30-100 s), so a lease protocol would
 * save little, and a private pair can never be stopped under another JVM's feet. The data directory is
 * zonky's temporary one, removed on close; a postmaster orphaned by a killed JVM is stopped by zonky on a
 * later embedded start.
 *
 * <p>Something that listens but does not answer as expected (wrong password, not Redis) is an error,
 * never a reason to fall back: that would hide a misconfigured machine behind a working build.
 */
record LocalServices(String dbHost, int dbPort, String dbUser, String dbPassword, String redisHost, int redisPort,
        DevInfra embedded) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalServices.class);
    private static final String EMBEDDED_HOST = "127.0.0.1";

    /**
     * The services at the given addresses, with embedded ones in place of those where nothing listens
     * (when {@code fallback}); {@code embedded()} is null when both are the machine's.
     */
    static LocalServices resolve(String dbHost, int dbPort, String dbUser, String dbPassword, String redisHost,
            int redisPort, boolean fallback) {
        boolean pgMissing = !listening(dbHost, dbPort);
        boolean redisMissing = !listening(redisHost, redisPort);
        if (fallback && (pgMissing || redisMissing)) {
            return startEmbedded(pgMissing, redisMissing,
                    new LocalServices(dbHost, dbPort, dbUser, dbPassword, redisHost, redisPort, null));
        }
        LocalServices machine = new LocalServices(dbHost, dbPort, dbUser, dbPassword, redisHost, redisPort, null);
        machine.checkPostgres();
        machine.checkRedis();
        return machine;
    }

    private static LocalServices startEmbedded(boolean pg, boolean redis, LocalServices configured) {
        int pgPort = pg ? freePort() : configured.dbPort;
        int redisPort = redis ? freePort() : configured.redisPort;
        String absent = (pg ? "PostgreSQL " + configured.dbHost + ":" + configured.dbPort : "")
                + (pg && redis ? ", " : "") + (redis ? "Redis " + configured.redisHost + ":" + configured.redisPort : "");
        log.warn("nothing listens at {}: this test JVM starts its own embedded {} (dev-infra)", absent,
                (pg ? "PostgreSQL on :" + pgPort : "") + (pg && redis ? " and " : "") + (redis ? "Redis on :" + redisPort : ""));
        DevInfra infra = new DevInfra(DevInfra.Options.defaults().postgres(pg).redis(redis).pgPort(pgPort)
                .redisPort(redisPort), new PrintStream(System.out, true, StandardCharsets.UTF_8));
        LocalServices services = new LocalServices(
                pg ? EMBEDDED_HOST : configured.dbHost, pgPort,
                // the embedded server has user postgres with trust authentication
                pg ? "postgres" : configured.dbUser, pg ? "" : configured.dbPassword,
                redis ? EMBEDDED_HOST : configured.redisHost, redisPort, infra);
        try {
            infra.start();
            // the half the machine does provide must still be the real thing
            if (!pg) {
                services.checkPostgres();
            }
            if (!redis) {
                services.checkRedis();
            }
            return services;
        } catch (IOException | SQLException | RuntimeException e) {
            infra.close();
            throw new IllegalStateException("could not start the embedded PostgreSQL/Redis fallback", e);
        }
    }

    /** Stops the embedded services, if any were started. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    private void checkPostgres() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + dbHost + ":" + dbPort + "/postgres",
                dbUser, dbPassword)) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("no Docker engine, and the local PostgreSQL at " + dbHost + ":" + dbPort
                    + " (user " + dbUser + ") does not answer. Start it (pg_ctlcluster ... main start) or set "
                    + "JIANGMEN_TEST_DB_HOST/PORT/USER/PASSWORD", e);
        }
    }

    private void checkRedis() {
        if (!redisPing(redisHost, redisPort)) {
            throw new IllegalStateException("no Docker engine, and the local Redis at " + redisHost + ":" + redisPort
                    + " does not answer PING. Start it (redis-server --daemonize yes ...) or set JIANGMEN_TEST_REDIS_HOST/PORT");
        }
    }

    static boolean redisPing(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 3000);
            socket.setSoTimeout(3000);
            socket.getOutputStream().write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[64];
            int n = socket.getInputStream().read(buffer);
            return n > 0 && new String(buffer, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean listening(String host, int port) {
        return !DevInfra.isPortFree(host, port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
