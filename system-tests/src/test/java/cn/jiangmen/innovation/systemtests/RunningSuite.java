package cn.jiangmen.innovation.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.jiangmen.innovation.testsupport.TestInfrastructure;

/**
 * The whole suite, started once per test JVM from the jars the build just made, each in its own
 * process with its own ports and a fresh database, against the fixture's PostgreSQL, Redis and
 * Keycloak. Nothing is mocked: what these tests reach is what a user would reach.
 */
public final class RunningSuite {

	private static volatile RunningSuite instance;

	private final TestInfrastructure infra = TestInfrastructure.get();

	private final Map<String, App> apps = new LinkedHashMap<>();

	private final List<Process> processes = new ArrayList<>();

	private final Path repoRoot = repoRoot();

	private final Path logDir;

	private Duration startTime;

	private RunningSuite() {
		this.logDir = this.repoRoot.resolve("system-tests/target/suite-logs");
	}

	/** Why the one start of this JVM failed: later test classes fail with it instead of starting again. */
	private static volatile RuntimeException failedStart;

	public static RunningSuite get() {
		if (instance == null) {
			synchronized (RunningSuite.class) {
				if (failedStart != null) {
					throw new IllegalStateException("the suite did not start in this JVM", failedStart);
				}
				if (instance == null) {
					RunningSuite suite = new RunningSuite();
					try {
						suite.start();
					}
					catch (RuntimeException ex) {
						// stop what did start: a second start would recreate the databases under these
						// processes and put six more JVMs on a machine that was already too slow
						suite.stop();
						failedStart = ex;
						throw ex;
					}
					instance = suite;
				}
			}
		}
		return instance;
	}

	public TestInfrastructure infra() {
		return this.infra;
	}

	public String gatewayUrl() {
		return "http://localhost:" + this.apps.get("gateway").httpPort();
	}

	public App app(String name) {
		return this.apps.get(name);
	}

	/** The console output of one app ({@code gateway}, {@code portal}, {@code talent-service}...). */
	public Path logFile(String app) {
		return this.logDir.resolve(app + ".log");
	}

	public Duration startTime() {
		return this.startTime;
	}

	/** A JDBC URL to a service's system-test database, for seeding. */
	public String jdbcUrl(String service) {
		return this.infra.jdbcUrl(database(service));
	}

	private void start() {
		Instant begin = Instant.now();
		try {
			Files.createDirectories(this.logDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String service : List.of("talent", "review", "project", "funding")) {
			this.apps.put(service + "-service", new App(service + "-service", freePort(), freePort()));
		}
		this.apps.put("portal", new App("portal", freePort(), 0));
		this.apps.put("gateway", new App("gateway", freePort(), 0));
		this.infra.tokens().allowGatewayRedirect(gatewayUrl());
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "suite-stop"));

		List<CompletableFuture<Void>> ready = new ArrayList<>();
		for (App app : this.apps.values()) {
			Map<String, String> env = commonEnvironment();
			env.put("SERVER_PORT", String.valueOf(app.httpPort()));
			if (app.grpcPort() > 0) {
				String service = app.name().replace("-service", "");
				this.infra.recreateDatabase(database(service));
				env.put("SPRING_GRPC_SERVER_PORT", String.valueOf(app.grpcPort()));
				env.put("SPRING_DATASOURCE_URL", this.infra.jdbcUrl(database(service)));
			}
			if (app.name().equals("portal")) {
				// one app logs ECS JSON lines, so the suite shows trace ids there too (OneTracePerRequestSystemIT)
				env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
			}
			launch(app, env);
			ready.add(CompletableFuture.runAsync(() -> awaitReady(app)));
		}
		CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
		this.startTime = Duration.between(begin, Instant.now());
		System.out.printf("[suite] all %d apps ready in %d s%n", this.apps.size(), this.startTime.toSeconds());
	}

	private Map<String, String> commonEnvironment() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("KEYCLOAK_URL", this.infra.keycloakUrl());
		env.put("DB_USER", this.infra.dbUser());
		env.put("DB_PASSWORD", this.infra.dbPassword());
		env.put("REDIS_HOST", this.infra.redisHost());
		env.put("REDIS_PORT", String.valueOf(this.infra.redisPort()));
		env.put("PORTAL_URL", "http://localhost:" + this.apps.get("portal").httpPort());
		// hand-offs between services (outbox relays) within a second instead of ten
		env.put("JIANGMEN_OUTBOX_RELAY_INTERVAL", "PT1S");
		// one access line per HTTP request / gRPC call, each with its trace id (OneTracePerRequestSystemIT);
		// packages, not classes: environment variables are lower-cased, and logger names are case-sensitive
		env.put("LOGGING_LEVEL_CN_JIANGMEN_INNOVATION_GATEWAY_TRACING", "DEBUG");
		env.put("LOGGING_LEVEL_CN_JIANGMEN_INNOVATION_PLATFORM_WEB", "DEBUG");
		env.put("LOGGING_LEVEL_CN_JIANGMEN_INNOVATION_PLATFORM_GRPC", "DEBUG");
		for (String service : List.of("talent", "review", "project", "funding")) {
			App app = this.apps.get(service + "-service");
			String key = service.toUpperCase();
			env.put(key + "_URL", "http://localhost:" + app.httpPort());
			env.put(key + "_GRPC", "static://localhost:" + app.grpcPort());
		}
		return env;
	}

	private void launch(App app, Map<String, String> env) {
		String version = System.getProperty("jiangmen.project.version", "0.1.0-SNAPSHOT");
		Path jar = this.repoRoot.resolve(app.name()).resolve("target").resolve(app.name() + "-" + version + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Missing " + jar + ": run the build (./mvnw verify) so the jars exist");
		}
		// Small heaps and C1 only: six JVMs start on two cores within the test budget.
		ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx320m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Xss512k", "-jar", jar.toString());
		builder.environment().putAll(env);
		File log = this.logDir.resolve(app.name() + ".log").toFile();
		builder.redirectErrorStream(true).redirectOutput(log);
		try {
			this.processes.add(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + app.name(), ex);
		}
	}

	private void awaitReady(App app) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI readiness = URI.create("http://localhost:" + app.httpPort() + "/actuator/health/readiness");
		// a loaded machine (several builds on two cores) may need longer: -Djiangmen.suite.ready-seconds=900
		long readySeconds = Long.getLong("jiangmen.suite.ready-seconds", 480);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(readySeconds));
		while (Instant.now().isBefore(deadline)) {
			try {
				HttpResponse<String> response = client.send(HttpRequest.newBuilder(readiness).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(500);
		}
		throw new IllegalStateException(
				app.name() + " not ready within " + readySeconds + " s; see " + this.logDir.resolve(app.name() + ".log"));
	}

	private void stop() {
		for (int i = this.processes.size() - 1; i >= 0; i--) {
			this.processes.get(i).destroy();
		}
		for (Process process : this.processes) {
			try {
				if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}
	}

	// JIANGMEN_TEST_DB_SUFFIX: two checkouts running system tests at once must not drop each other's databases
	static String database(String service) {
		return service + "_st" + System.getenv().getOrDefault("JIANGMEN_TEST_DB_SUFFIX", "");
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static Path repoRoot() {
		String configured = System.getProperty("jiangmen.repo.root");
		if (configured != null && Files.isRegularFile(Path.of(configured, "mvnw"))) {
			return Path.of(configured);
		}
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("Cannot find the repository root (no mvnw above " + Path.of("").toAbsolutePath() + ")");
		}
		return dir;
	}

	/** One launched process and its ports. */
	public record App(String name, int httpPort, int grpcPort) {
	}

}
