package cn.jiangmen.innovation.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL, Redis and Keycloak (realm {@code jiangmen}) for integration and system tests, decided once per JVM:
 * <ul>
 * <li>a Docker engine is available: Testcontainers ({@code postgres:16-alpine}, {@code redis:7},
 * {@code quay.io/keycloak/keycloak:26.5.6} with the realm imported);</li>
 * <li>otherwise: the local PostgreSQL (127.0.0.1:5432, user {@code postgres}, empty password) and Redis
 * (127.0.0.1:6379), or, where nothing listens there, embedded ones this JVM starts on free ports
 * ({@link LocalServices}), and a Keycloak this class starts from the {@code keycloak-quarkus-dist} zip on a free port.</li>
 * </ul>
 * Overrides (system property or environment variable): {@code jiangmen.test.infrastructure} /
 * {@code JIANGMEN_TEST_INFRASTRUCTURE} = {@code auto} (default) | {@code local} | {@code testcontainers};
 * {@code JIANGMEN_TEST_KEYCLOAK_URL} reuses a running Keycloak that already has the realm (admin credentials
 * {@code JIANGMEN_TEST_KEYCLOAK_ADMIN} / {@code JIANGMEN_TEST_KEYCLOAK_ADMIN_PASSWORD}, default admin/admin);
 * {@code JIANGMEN_TEST_DB_HOST/PORT/USER/PASSWORD}, {@code JIANGMEN_TEST_REDIS_HOST/PORT} for the local services;
 * {@code JIANGMEN_TEST_EMBEDDED=false} refuses the embedded fallback.
 * Never an in-memory database, never a mock.
 */
public final class TestInfrastructure {

    static final String REALM = "jiangmen";
    static final String KEYCLOAK_ADMIN_USER = "admin";
    static final String KEYCLOAK_ADMIN_PASSWORD = "admin";
    private static final String REALM_RESOURCE = "/realm/jiangmen-realm.json";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final Object LOCK = new Object();
    private static volatile TestInfrastructure instance;

    private final String mode;
    private final String dbHost;
    private final int dbPort;
    private final String dbUser;
    private final String dbPassword;
    private final String redisHost;
    private final int redisPort;
    private final String keycloakUrl;
    private final KeycloakTokens tokens;
    private final Set<String> ensuredDatabases = ConcurrentHashMap.newKeySet();

    /** Databases this JVM has dropped and created empty once (see {@link #freshJdbcUrl}). */
    private final Set<String> freshDatabases = new HashSet<>();
    private final Deque<AutoCloseable> started;

    private TestInfrastructure(String mode, String dbHost, int dbPort, String dbUser, String dbPassword,
            String redisHost, int redisPort, String keycloakUrl, String adminUser, String adminPassword,
            Deque<AutoCloseable> started) {
        this.mode = mode;
        this.dbHost = dbHost;
        this.dbPort = dbPort;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.redisHost = redisHost;
        this.redisPort = redisPort;
        this.keycloakUrl = keycloakUrl;
        this.started = started;
        this.tokens = new KeycloakTokens(keycloakUrl, adminUser, adminPassword);
    }

    /** The JVM-wide instance, started on first use (thread-safe); a shutdown hook stops what it started. */
    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current != null) {
            return current;
        }
        synchronized (LOCK) {
            if (instance == null) {
                instance = start();
            }
            return instance;
        }
    }

    /** JDBC URL of {@code database} (lower case, digits, underscore), creating the database if it is missing. */
    public String jdbcUrl(String database) {
        checkDatabaseName(database);
        if (ensuredDatabases.add(database)) {
            try {
                createDatabaseIfMissing(database);
            } catch (RuntimeException e) {
                ensuredDatabases.remove(database);
                throw e;
            }
        }
        return url(database);
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    /**
     * JDBC URL of {@code database}, dropped and created empty the first time this JVM asks for it, then
     * shared by every Spring context of the JVM that names it. A database left by an earlier build (the
     * local PostgreSQL keeps them) would otherwise carry that build's Flyway history, and a migration
     * merged since with a lower version would fail validation.
     */
    public String freshJdbcUrl(String database) {
        checkDatabaseName(database);
        synchronized (freshDatabases) {
            if (freshDatabases.add(database)) {
                recreateDatabase(database);
            }
        }
        return jdbcUrl(database);
    }

    /** Drops {@code database} (terminating its connections) and creates it empty. */
    public void recreateDatabase(String database) {
        checkDatabaseName(database);
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + database + "\"");
            ensuredDatabases.add(database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate database " + database + " at " + url(database), e);
        }
    }

    public String redisHost() {
        return redisHost;
    }

    public int redisPort() {
        return redisPort;
    }

    /** Base URL of Keycloak, no trailing slash, e.g. {@code http://localhost:41234}. */
    public String keycloakUrl() {
        return keycloakUrl;
    }

    /** {@code keycloakUrl() + "/realms/jiangmen"}: the {@code iss} of every token. */
    public String issuerUri() {
        return keycloakUrl + "/realms/" + REALM;
    }

    public KeycloakTokens tokens() {
        return tokens;
    }

    /** {@code testcontainers}, {@code local} or {@code local+embedded}: which way this JVM got its services. */
    public String mode() {
        return mode;
    }

    private String url(String database) {
        return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + database;
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(url("postgres"), dbUser, dbPassword);
    }

    private void createDatabaseIfMissing(String database) {
        try (Connection c = adminConnection()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + database + "\"");
            } catch (SQLException e) {
                // 42P04 duplicate_database, 23505: another JVM created it at the same moment
                if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " at " + url(database), e);
        }
    }

    private static void checkDatabaseName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + database);
        }
    }

    // ---------------------------------------------------------------- start-up

    private static TestInfrastructure start() {
        long begin = System.nanoTime();
        String requested = setting("jiangmen.test.infrastructure", "JIANGMEN_TEST_INFRASTRUCTURE", "auto")
                .toLowerCase(Locale.ROOT);
        boolean containers = switch (requested) {
            case "local" -> false;
            case "testcontainers" -> true;
            case "auto" -> dockerAvailable();
            default -> throw new IllegalArgumentException("jiangmen.test.infrastructure must be auto, local or testcontainers: " + requested);
        };
        String externalKeycloak = setting("jiangmen.test.keycloak-url", "JIANGMEN_TEST_KEYCLOAK_URL", null);
        Deque<AutoCloseable> started = new ArrayDeque<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "jiangmen-test-infrastructure-stop"));
        try {
            TestInfrastructure infra = containers ? startContainers(externalKeycloak, started)
                    : startLocal(externalKeycloak, started);
            log.info("test infrastructure ({}) ready in {} s: PostgreSQL {}:{}, Redis {}:{}, Keycloak {}", infra.mode,
                    (System.nanoTime() - begin) / 1_000_000_000.0, infra.dbHost, infra.dbPort, infra.redisHost,
                    infra.redisPort, infra.keycloakUrl);
            started.addFirst(infra.tokens::close);
            return infra;
        } catch (RuntimeException | Error e) {
            stopAll(started);
            throw e;
        }
    }

    private static TestInfrastructure startLocal(String externalKeycloak, Deque<AutoCloseable> started) {
        String dbHost = setting("jiangmen.test.db-host", "JIANGMEN_TEST_DB_HOST", "127.0.0.1");
        int dbPort = Integer.parseInt(setting("jiangmen.test.db-port", "JIANGMEN_TEST_DB_PORT", "5432"));
        String dbUser = setting("jiangmen.test.db-user", "JIANGMEN_TEST_DB_USER", "postgres");
        String dbPassword = setting("jiangmen.test.db-password", "JIANGMEN_TEST_DB_PASSWORD", "");
        // Where nothing listens, embedded ones (dev-infra) take their place, so a fresh machine needs neither.
        LocalServices.Endpoint postgres = LocalServices.postgres(dbHost, dbPort, dbUser, dbPassword, embeddedFallback());
        started.addFirst(postgres::close);
        LocalServices.Endpoint redis = TestRedis.endpoint(); // JVM-wide, stopped by its own hook

        String keycloakUrl;
        String adminUser = KEYCLOAK_ADMIN_USER;
        String adminPassword = KEYCLOAK_ADMIN_PASSWORD;
        if (externalKeycloak != null) {
            keycloakUrl = checkExternalKeycloak(externalKeycloak);
            adminUser = setting("jiangmen.test.keycloak-admin", "JIANGMEN_TEST_KEYCLOAK_ADMIN", KEYCLOAK_ADMIN_USER);
            adminPassword = setting("jiangmen.test.keycloak-admin-password", "JIANGMEN_TEST_KEYCLOAK_ADMIN_PASSWORD",
                    KEYCLOAK_ADMIN_PASSWORD);
        } else {
            Duration timeout = Duration.ofSeconds(Long.parseLong(
                    setting("jiangmen.test.keycloak-timeout-seconds", "JIANGMEN_TEST_KEYCLOAK_TIMEOUT_SECONDS", "480")));
            // Shared by the build's test JVMs unless JIANGMEN_TEST_KEYCLOAK_SHARED=false asks for a private one.
            boolean shared = Boolean.parseBoolean(setting("jiangmen.test.keycloak-shared", "JIANGMEN_TEST_KEYCLOAK_SHARED", "true"));
            Duration idle = Duration.ofSeconds(Long.parseLong(
                    setting("jiangmen.test.keycloak-idle-seconds", "JIANGMEN_TEST_KEYCLOAK_IDLE_SECONDS", "180")));
            LocalKeycloak keycloak = shared
                    ? LocalKeycloak.acquireShared(LocalKeycloak.distributionZip(), realmJson(),
                            Path.of("target", "keycloak-test.log"), timeout, idle)
                    : LocalKeycloak.start(LocalKeycloak.distributionZip(), realmJson(),
                            Path.of("target", "keycloak-test.log"), timeout);
            started.addFirst(keycloak::stop);
            keycloakUrl = keycloak.url();
        }
        String mode = postgres.embedded() == null && redis.embedded() == null ? "local" : "local+embedded";
        return new TestInfrastructure(mode, postgres.host(), postgres.port(), postgres.user(), postgres.password(),
                redis.host(), redis.port(), keycloakUrl, adminUser, adminPassword, started);
    }

    @SuppressWarnings("resource")
    private static TestInfrastructure startContainers(String externalKeycloak, Deque<AutoCloseable> started) {
        PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:16-alpine"))
                .withUsername("postgres").withPassword("postgres");
        GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
        GenericContainer<?> keycloak = externalKeycloak != null ? null
                : new GenericContainer<>(DockerImageName.parse("quay.io/keycloak/keycloak:26.5.6"))
                        .withExposedPorts(8080)
                        .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN_USER)
                        .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD)
                        .withCopyToContainer(Transferable.of(realmJson()), "/opt/keycloak/data/import/jiangmen-realm.json")
                        // no --hostname: the issuer follows the URL clients use, which is always keycloakUrl()
                        .withCommand("start-dev", "--db=dev-mem", "--import-realm")
                        .waitingFor(Wait.forHttp("/realms/" + REALM + "/.well-known/openid-configuration")
                                .forPort(8080).forStatusCode(200).withStartupTimeout(Duration.ofMinutes(4)));
        started.addFirst(postgres::stop);
        postgres.start();
        started.addFirst(redis::stop);
        redis.start();
        String keycloakUrl;
        String adminUser = KEYCLOAK_ADMIN_USER;
        String adminPassword = KEYCLOAK_ADMIN_PASSWORD;
        if (keycloak != null) {
            started.addFirst(keycloak::stop);
            long begin = System.nanoTime();
            keycloak.start();
            keycloakUrl = "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080);
            log.info("Keycloak container ready at {} in {} s", keycloakUrl, (System.nanoTime() - begin) / 1_000_000_000.0);
        } else {
            keycloakUrl = checkExternalKeycloak(externalKeycloak);
            adminUser = setting("jiangmen.test.keycloak-admin", "JIANGMEN_TEST_KEYCLOAK_ADMIN", KEYCLOAK_ADMIN_USER);
            adminPassword = setting("jiangmen.test.keycloak-admin-password", "JIANGMEN_TEST_KEYCLOAK_ADMIN_PASSWORD",
                    KEYCLOAK_ADMIN_PASSWORD);
        }
        return new TestInfrastructure("testcontainers", postgres.getHost(), postgres.getMappedPort(5432),
                postgres.getUsername(), postgres.getPassword(), redis.getHost(), redis.getMappedPort(6379), keycloakUrl,
                adminUser, adminPassword, started);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) { // no engine, no socket, misconfigured client: all mean "use the local services"
            log.debug("Docker not available", e);
            return false;
        }
    }

    private static String checkExternalKeycloak(String url) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI wellKnown = URI.create(base + "/realms/" + REALM + "/.well-known/openid-configuration");
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(wellKnown)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("JIANGMEN_TEST_KEYCLOAK_URL=" + url + " has no realm " + REALM
                        + " (" + wellKnown + " answered " + response.statusCode() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("JIANGMEN_TEST_KEYCLOAK_URL=" + url + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        log.info("reusing the running Keycloak at {}", base);
        return base;
    }

    static byte[] realmJson() {
        try (InputStream in = TestInfrastructure.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_RESOURCE + " not on the classpath (module auth)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code JIANGMEN_TEST_EMBEDDED=false} turns the embedded fallback off: an absent service is then an error. */
    static boolean embeddedFallback() {
        return Boolean.parseBoolean(setting("jiangmen.test.embedded", "JIANGMEN_TEST_EMBEDDED", "true"));
    }

    static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void stopAll(Deque<AutoCloseable> started) {
        synchronized (started) {
            while (!started.isEmpty()) {
                AutoCloseable resource = started.pollFirst();
                try {
                    resource.close();
                } catch (Exception e) {
                    log.warn("could not stop a test resource", e);
                }
            }
        }
    }
}
