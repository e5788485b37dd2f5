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
 * configured address, otherwise an embedded one (dev-infra's launcher, as {@code ./suite up} uses) on a
 * free port, so {@code ./mvnw verify} also passes on a machine with neither installed.
 *
 * <p>Each test JVM starts its own embedded servers rather than sharing them across the build as Keycloak
 * is shared: an embedded PostgreSQL is up in a few seconds (Keycloak: 30-100 s), so a lease protocol would
 * save little, and a private server can never be stopped under another JVM's feet. The data directory is
 * zonky's temporary one, removed on close; a postmaster orphaned by a killed JVM is stopped by zonky on a
 * later embedded start once it is ten minutes old (a Redis so orphaned stays until killed: a few MB).
 *
 * <p>Something that listens but does not answer as expected (wrong password, not Redis) is an error,
 * never a reason to fall back: that would hide a misconfigured machine behind a working build.
 */
final class LocalServices {

    private static final Logger log = LoggerFactory.getLogger(LocalServices.class);
    private static final String EMBEDDED_HOST = "127.0.0.1";

    private LocalServices() {
    }

    /** One service's address, and the embedded server behind it when this JVM started one. */
    record Endpoint(String host, int port, String user, String password, DevInfra embedded) implements AutoCloseable {

        /** Stops the embedded server, if there is one. */
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** The PostgreSQL at host:port, or (when {@code fallback} and nothing listens there) an embedded one. */
    static Endpoint postgres(String host, int port, String user, String password, boolean fallback) {
        if (fallback && !listening(host, port)) {
            int free = freePort();
            log.warn("nothing listens at PostgreSQL {}:{}: this test JVM starts its own embedded one on :{} (dev-infra)",
                    host, port, free);
            // the embedded server has user postgres with trust authentication
            return start(DevInfra.Options.defaults().redis(false).pgPort(free),
                    new Endpoint(EMBEDDED_HOST, free, "postgres", "", null));
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                user, password)) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("no Docker engine, and the local PostgreSQL at " + host + ":" + port
                    + " (user " + user + ") does not answer. Start it (pg_ctlcluster ... main start) or set "
                    + "JIANGMEN_TEST_DB_HOST/PORT/USER/PASSWORD", e);
        }
        return new Endpoint(host, port, user, password, null);
    }

    /** The Redis at host:port, or (when {@code fallback} and nothing listens there) an embedded one. */
    static Endpoint redis(String host, int port, boolean fallback) {
        if (fallback && !listening(host, port)) {
            int free = freePort();
            log.warn("nothing listens at Redis {}:{}: this test JVM starts its own embedded one on :{} (dev-infra)",
                    host, port, free);
            return start(DevInfra.Options.defaults().postgres(false).redisPort(free),
                    new Endpoint(EMBEDDED_HOST, free, null, null, null));
        }
        if (!redisPing(host, port)) {
            throw new IllegalStateException("no Docker engine, and the local Redis at " + host + ":" + port
                    + " does not answer PING. Start it (redis-server --daemonize yes ...) or set JIANGMEN_TEST_REDIS_HOST/PORT");
        }
        return new Endpoint(host, port, null, null, null);
    }

    private static Endpoint start(DevInfra.Options options, Endpoint at) {
        DevInfra infra = new DevInfra(options, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        try {
            infra.start();
        } catch (IOException | SQLException | RuntimeException e) {
            infra.close();
            throw new IllegalStateException("could not start the embedded fallback on port " + at.port(), e);
        }
        return new Endpoint(at.host(), at.port(), at.user(), at.password(), infra);
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
