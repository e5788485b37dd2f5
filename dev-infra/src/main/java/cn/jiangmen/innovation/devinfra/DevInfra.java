package cn.jiangmen.innovation.devinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Embedded PostgreSQL and Redis for machines where none runs. Dev use only.
 *
 * <pre>
 * java -jar dev-infra.jar                       # start PG on 5432 and Redis on 6379 if those ports are free,
 *                                               # create the service databases, stay in the foreground
 * java -jar dev-infra.jar --ensure-databases    # only create the databases in the PostgreSQL on 5432, then exit
 * options: --pg-port N  --redis-port N  --host H  --data-dir DIR  --no-postgres  --no-redis
 * </pre>
 *
 * <p>Stops cleanly on SIGTERM/SIGINT (shutdown hook). A free port means nothing listens on
 * {@code host:port}; an occupied port is assumed to be the real server and left alone.
 */
public final class DevInfra implements AutoCloseable {

    /** The databases of the four services (docs/conventions.md). */
    public static final List<String> DATABASES =
            List.of("jiangmen_talent", "jiangmen_review", "jiangmen_project", "jiangmen_funding");

    private final Options options;
    private final PrintStream out;
    private EmbeddedPostgres postgres;
    private RedisServer redis;

    public DevInfra(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dev-infra: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        if (options.ensureDatabasesOnly) {
            List<String> created = ensureDatabases(options.host, options.pgPort, DATABASES);
            System.out.println("dev-infra: databases present on " + options.host + ":" + options.pgPort
                    + (created.isEmpty() ? "" : " (created " + String.join(", ", created) + ")"));
            return;
        }

        DevInfra infra = new DevInfra(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infra.close();
            stopped.countDown();
        }, "dev-infra-shutdown"));
        try {
            infra.start();
        } catch (Exception e) {
            System.err.println("dev-infra: start failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println("dev-infra: ready (PostgreSQL " + options.host + ":" + infra.postgresPort()
                + ", Redis " + options.host + ":" + infra.redisPort() + "); stop with SIGTERM or Ctrl-C");
        stopped.await();
    }

    /** Starts what is missing and ensures the databases exist. */
    public void start() throws IOException, SQLException {
        if (options.postgres) {
            if (isPortFree(options.host, options.pgPort)) {
                out.println("dev-infra: starting embedded PostgreSQL on port " + options.pgPort);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setPort(options.pgPort)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // our own shutdown hook closes it, in order
                        .setRegisterShutdownHook(false)
                        .setServerConfig("listen_addresses", options.host)
                        .setServerConfig("max_connections", "200");
                if (options.dataDir != null) {
                    Path pgData = options.dataDir.resolve("pgdata");
                    Files.createDirectories(pgData.getParent());
                    builder.setDataDirectory(pgData).setCleanDataDirectory(false);
                }
                postgres = builder.start();
            } else {
                out.println("dev-infra: port " + options.pgPort + " in use; using the PostgreSQL already there");
            }
            List<String> created = ensureDatabases(options.host, options.pgPort, DATABASES);
            if (!created.isEmpty()) {
                out.println("dev-infra: created databases " + String.join(", ", created));
            }
        }
        if (options.redis) {
            if (isPortFree(options.host, options.redisPort)) {
                out.println("dev-infra: starting embedded Redis on port " + options.redisPort);
                redis = RedisServer.newRedisServer()
                        .port(options.redisPort)
                        .bind(options.host)
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .setting("daemonize no")
                        .onShutdownForceStop(true)
                        .build();
                redis.start();
            } else {
                out.println("dev-infra: port " + options.redisPort + " in use; using the Redis already there");
            }
        }
    }

    public boolean startedPostgres() {
        return postgres != null;
    }

    public boolean startedRedis() {
        return redis != null;
    }

    public int postgresPort() {
        return options.pgPort;
    }

    public int redisPort() {
        return options.redisPort;
    }

    /** Stops what this instance started, Redis first. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (redis != null) {
            try {
                out.println("dev-infra: stopping embedded Redis");
                redis.stop();
                // with force-stop the library sends SIGKILL and returns at once: wait until the port is
                // released, so that "closed" means gone (the next user of the port, or a test, relies on it)
                for (int i = 0; i < 100 && !isPortFree(options.host, options.redisPort); i++) {
                    sleep(100);
                }
            } catch (Exception e) {
                System.err.println("dev-infra: stopping Redis failed: " + e);
            }
            redis = null;
        }
        if (postgres != null) {
            try {
                out.println("dev-infra: stopping embedded PostgreSQL");
                postgres.close();
            } catch (Exception e) {
                System.err.println("dev-infra: stopping PostgreSQL failed: " + e);
            }
            postgres = null;
        }
    }

    /** True when nothing accepts connections on host:port. */
    public static boolean isPortFree(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Creates the missing databases as user {@code postgres} (trust auth or empty password;
     * {@code PGPASSWORD} is honoured). Returns the names it created.
     */
    public static List<String> ensureDatabases(String host, int port, List<String> names) throws SQLException {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        String user = envOr("PGUSER", "postgres");
        String password = envOr("PGPASSWORD", "");
        List<String> created = new ArrayList<>();
        SQLException last = null;
        // the server may still be starting: retry for ~30 s
        for (int attempt = 0; attempt < 60; attempt++) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                for (String name : names) {
                    if (!name.matches("[a-z_][a-z0-9_]*")) {
                        throw new IllegalArgumentException("bad database name " + name);
                    }
                    if (!exists(connection, name)) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("CREATE DATABASE \"" + name + "\"");
                            created.add(name);
                        } catch (SQLException e) {
                            // 42P04 duplicate_database: someone else created it meanwhile
                            if (!"42P04".equals(e.getSQLState())) {
                                throw e;
                            }
                        }
                    }
                }
                return created;
            } catch (SQLException e) {
                last = e;
                String state = e.getSQLState();
                // only connection failures (08xxx) and "starting up" (57P03) are worth a retry
                if (state == null || !(state.startsWith("08") || state.equals("57P03"))) {
                    throw e;
                }
                sleep(500);
            }
        }
        throw last;
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Command-line options. */
    public static final class Options {
        static final String USAGE = """
                usage: java -jar dev-infra.jar [--ensure-databases] [--pg-port N] [--redis-port N]
                                               [--host H] [--data-dir DIR] [--no-postgres] [--no-redis]
                  default: start embedded PostgreSQL (5432) and Redis (6379) where the port is free,
                           create jiangmen_talent/_review/_project/_funding, run until SIGTERM
                  --ensure-databases  only create the databases in the PostgreSQL on --pg-port, then exit
                  --data-dir DIR      keep PostgreSQL data in DIR/pgdata across runs (default: temporary)""";

        String host = "127.0.0.1";
        int pgPort = 5432;
        int redisPort = 6379;
        Path dataDir;
        boolean postgres = true;
        boolean redis = true;
        boolean ensureDatabasesOnly;
        boolean help;

        public static Options defaults() {
            return new Options();
        }

        public Options pgPort(int port) {
            this.pgPort = port;
            return this;
        }

        public Options redisPort(int port) {
            this.redisPort = port;
            return this;
        }

        public Options dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Whether to start (or check) PostgreSQL at all; test-support turns off what the machine has. */
        public Options postgres(boolean start) {
            this.postgres = start;
            return this;
        }

        /** Whether to start (or check) Redis at all. */
        public Options redis(boolean start) {
            this.redis = start;
            return this;
        }

        public static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--ensure-databases" -> options.ensureDatabasesOnly = true;
                    case "--no-postgres" -> options.postgres = false;
                    case "--no-redis" -> options.redis = false;
                    case "--pg-port" -> options.pgPort = port(value(args, ++i, arg));
                    case "--redis-port" -> options.redisPort = port(value(args, ++i, arg));
                    case "--host" -> options.host = value(args, ++i, arg);
                    case "--data-dir" -> options.dataDir = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "-h", "--help" -> options.help = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return options;
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }

        private static int port(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port " + text);
            }
        }
    }
}
