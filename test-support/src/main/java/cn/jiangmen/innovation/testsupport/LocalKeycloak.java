package cn.jiangmen.innovation.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Keycloak started from the {@code org.keycloak:keycloak-quarkus-dist} zip (no container engine):
 * unpacked once per machine into {@code ${java.io.tmpdir}/jiangmen-keycloak-<version>}, then
 * {@code kc.sh start-dev --db=dev-mem --import-realm} on a free port with Java of the running JVM.
 * Keycloak's own store is its in-memory dev database, so every instance starts from the realm file.
 */
final class LocalKeycloak {

    private static final Logger log = LoggerFactory.getLogger(LocalKeycloak.class);
    private static final String DEFAULT_VERSION = "26.5.6";
    /** $1 = pid of the test JVM, $2.. = kc.sh and its arguments. */
    private static final String WATCHDOG = """
            jvm="$1"; shift
            bash "$@" &
            kc=$!
            trap 'kill -TERM $kc 2>/dev/null; wait $kc; exit 143' TERM INT
            while kill -0 "$jvm" 2>/dev/null && kill -0 $kc 2>/dev/null; do sleep 1; done
            kill -TERM $kc 2>/dev/null
            wait $kc
            """;
    /**
     * $1 = shared dir (holds {@code url} and {@code leases/<pid>}), $2 = idle seconds, $3.. = kc.sh and its
     * arguments. Keeps Keycloak running while any test JVM holds a lease and stops it after {@code idle}
     * seconds without one. Before stopping it withdraws {@code url}, waits, and looks again, so a JVM that
     * took a lease in that moment keeps it alive (and the url is written back).
     */
    private static final String LEASE_WATCHDOG = """
            dir="$1"; idle="$2"; shift 2
            bash "$@" &
            kc=$!
            trap 'rm -f "$dir/url"; kill -TERM $kc 2>/dev/null; wait $kc; exit 143' TERM INT
            live() {
              local any=1 f
              for f in "$dir"/leases/*; do
                [ -e "$f" ] || continue
                if kill -0 "${f##*/}" 2>/dev/null; then any=0; else rm -f "$f"; fi
              done
              return $any
            }
            last=$(date +%s)
            while kill -0 $kc 2>/dev/null; do
              if live; then
                last=$(date +%s)
              elif [ $(( $(date +%s) - last )) -ge "$idle" ]; then
                url=$(cat "$dir/url" 2>/dev/null)
                rm -f "$dir/url"
                sleep 3
                if live; then
                  [ -n "$url" ] && printf '%s' "$url" > "$dir/url"
                  last=$(date +%s)
                else
                  break
                fi
              fi
              sleep 2
            done
            rm -f "$dir/url"
            kill -TERM $kc 2>/dev/null
            wait $kc
            """;
    private static final Pattern ZIP_NAME = Pattern.compile("keycloak-quarkus-dist-(.+)\\.zip");

    private final Process process;
    private final String url;
    private final Duration startup;
    private final Path instanceTmp;
    /** Set when this JVM only leases a Keycloak shared by the test JVMs of one build. */
    private final Path lease;

    private LocalKeycloak(Process process, String url, Duration startup, Path instanceTmp) {
        this(process, url, startup, instanceTmp, null);
    }

    private LocalKeycloak(Process process, String url, Duration startup, Path instanceTmp, Path lease) {
        this.process = process;
        this.url = url;
        this.startup = startup;
        this.instanceTmp = instanceTmp;
        this.lease = lease;
    }

    String url() {
        return url;
    }

    Duration startup() {
        return startup;
    }

    static Path distributionZip() {
        String configured = System.getProperty("keycloak.dist.zip");
        if (configured != null && !configured.isBlank() && !configured.contains("${")) {
            Path zip = Path.of(configured);
            if (Files.isRegularFile(zip)) {
                return zip;
            }
            log.warn("keycloak.dist.zip={} does not exist; trying the default local Maven repository", configured);
        }
        Path fallback = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                "keycloak-quarkus-dist", DEFAULT_VERSION, "keycloak-quarkus-dist-" + DEFAULT_VERSION + ".zip");
        if (!Files.isRegularFile(fallback)) {
            throw new IllegalStateException("Keycloak distribution not found: neither system property keycloak.dist.zip ("
                    + configured + ") nor " + fallback + ". Depend on test-support (it declares "
                    + "org.keycloak:keycloak-quarkus-dist:zip so Maven downloads it) or run "
                    + "./mvnw dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:" + DEFAULT_VERSION + ":zip");
        }
        return fallback;
    }

    /**
     * A Keycloak shared by every test JVM of a build (one Maven module after another): the first JVM starts
     * it under a watchdog that outlives that JVM, later ones reuse it, each holding a lease file while it
     * runs; the watchdog stops Keycloak once no lease is held for {@code idle}. Starting Keycloak is the
     * slowest part of an integration test JVM, so this saves it in all but the first. The realm file's hash
     * is part of the shared directory, so a changed realm never reuses an old instance.
     */
    static LocalKeycloak acquireShared(Path zip, byte[] realmJson, Path logFile, Duration timeout, Duration idle) {
        String version = versionOf(zip);
        Path shared = Path.of(System.getProperty("java.io.tmpdir"),
                "jiangmen-keycloak-" + version + "-shared-" + shortHash(realmJson));
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "jiangmen-keycloak-" + version + ".lock");
        Instant begin = Instant.now();
        try {
            Files.createDirectories(shared.resolve("leases"));
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Path lease = shared.resolve("leases").resolve(String.valueOf(ProcessHandle.current().pid()));
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Path urlFile = shared.resolve("url");
                if (Files.isRegularFile(urlFile)) {
                    String url = Files.readString(urlFile).strip();
                    Files.writeString(lease, url);
                    // the watchdog withdraws url before it stops: if url is still there, our lease counts
                    if (Files.isRegularFile(urlFile) && answers(url)) {
                        log.info("reusing the build's shared Keycloak at {} (lease {})", url, lease);
                        return new LocalKeycloak(null, url, Duration.between(begin, Instant.now()), null, lease);
                    }
                    Files.deleteIfExists(lease);
                }
                Path home = unpackOnce(zip, Path.of(System.getProperty("java.io.tmpdir"), "jiangmen-keycloak-" + version),
                        version);
                Path importDir = home.resolve("data").resolve("import");
                Files.createDirectories(importDir);
                Files.write(importDir.resolve("jiangmen-realm.json"), realmJson);
                int port = freePort();
                String url = "http://localhost:" + port;
                Path instanceTmp = Files.createDirectories(shared.resolve("tmp"));
                List<String> command = new ArrayList<>(List.of("setsid", "bash", "-c", LEASE_WATCHDOG,
                        "jiangmen-keycloak-shared", shared.toString(), String.valueOf(idle.toSeconds())));
                command.addAll(kcArguments(home, port, url));
                Process process = launch(command, home, logFile, instanceTmp, version, url);
                Files.writeString(lease, url);
                try {
                    awaitRealm(process, url, timeout, logFile);
                } catch (RuntimeException e) {
                    Files.deleteIfExists(lease);
                    process.destroy();
                    throw e;
                }
                Files.writeString(urlFile, url);
                Duration startup = Duration.between(begin, Instant.now());
                log.info("Keycloak {} started at {} in {} s, shared with the build's later test JVMs until idle for {} s (log {})",
                        version, url, startup.toMillis() / 1000.0, idle.toSeconds(), logFile.toAbsolutePath());
                return new LocalKeycloak(null, url, startup, null, lease);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start or reuse the shared Keycloak from " + zip, e);
        }
    }

    private static List<String> kcArguments(Path home, int port, String url) throws IOException {
        return List.of(home.resolve("bin").resolve("kc.sh").toString(), "start-dev", "--http-port=" + port,
                "--http-management-port=" + freePort(), "--hostname=" + url, "--db=dev-mem", "--import-realm");
    }

    private static Process launch(List<String> command, Path home, Path logFile, Path instanceTmp, String version,
            String url) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("QUARKUS_") || k.equals("JAVA_OPTS")
                || k.equals("JAVA_OPTS_APPEND") || k.equals("KEYCLOAK_ADMIN") || k.equals("KEYCLOAK_ADMIN_PASSWORD"));
        env.put("JAVA_HOME", System.getProperty("java.home")); // Keycloak runs on the test JVM's Java (17)
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", TestInfrastructure.KEYCLOAK_ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", TestInfrastructure.KEYCLOAK_ADMIN_PASSWORD);
        env.put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + instanceTmp);
        Files.writeString(logFile, System.lineSeparator() + "===== " + Instant.now() + " starting Keycloak " + version
                + " at " + url + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return builder.start();
    }

    private static boolean answers(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url + "/realms/" + TestInfrastructure.REALM
                            + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String shortHash(byte[] content) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content);
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static LocalKeycloak start(Path zip, byte[] realmJson, Path logFile, Duration timeout) {
        String version = versionOf(zip);
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "jiangmen-keycloak-" + version);
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "jiangmen-keycloak-" + version + ".lock");
        Instant begin = Instant.now();
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            // One lock for unpacking and for starting: the first start-dev of a fresh unpack re-augments
            // Quarkus (writes lib/), and data/import is shared, so starts from the same directory are serialised.
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Instant locked = Instant.now();
                Path home = unpackOnce(zip, base, version);
                Path importDir = home.resolve("data").resolve("import");
                Files.createDirectories(importDir);
                Files.write(importDir.resolve("jiangmen-realm.json"), realmJson);

                int port = freePort();
                int managementPort = freePort();
                String url = "http://localhost:" + port;
                Path instanceTmp = Files.createTempDirectory("jiangmen-keycloak-instance-");
                // A small bash watchdog runs kc.sh and stops it when this JVM disappears without running its
                // shutdown hook (e.g. a killed surefire fork), so no Keycloak is left behind.
                List<String> command = List.of("bash", "-c", WATCHDOG, "jiangmen-keycloak-watchdog",
                        String.valueOf(ProcessHandle.current().pid()),
                        home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                        "--http-port=" + port,
                        "--http-management-port=" + managementPort,
                        "--hostname=" + url,
                        "--db=dev-mem",
                        "--import-realm");
                ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
                Map<String, String> env = builder.environment();
                env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("QUARKUS_") || k.equals("JAVA_OPTS")
                        || k.equals("JAVA_OPTS_APPEND") || k.equals("KEYCLOAK_ADMIN") || k.equals("KEYCLOAK_ADMIN_PASSWORD"));
                env.put("JAVA_HOME", System.getProperty("java.home")); // Keycloak runs on the test JVM's Java (17)
                env.put("KC_BOOTSTRAP_ADMIN_USERNAME", TestInfrastructure.KEYCLOAK_ADMIN_USER);
                env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", TestInfrastructure.KEYCLOAK_ADMIN_PASSWORD);
                env.put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + instanceTmp);
                Files.writeString(logFile, System.lineSeparator() + "===== " + Instant.now() + " starting Keycloak "
                        + version + " at " + url + ": " + String.join(" ", command.subList(5, command.size()))
                        + System.lineSeparator(),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Process process = builder.start();
                LocalKeycloak keycloak = new LocalKeycloak(process, url, null, instanceTmp);
                try {
                    awaitRealm(process, url, timeout, logFile);
                } catch (RuntimeException e) {
                    keycloak.stop();
                    throw e;
                }
                Duration startup = Duration.between(begin, Instant.now());
                log.info("Keycloak {} ready at {} in {} s ({} s waiting for other JVMs' starts, {} s starting; pid {}, log {})",
                        version, url, startup.toMillis() / 1000.0, Duration.between(begin, locked).toMillis() / 1000.0,
                        Duration.between(locked, Instant.now()).toMillis() / 1000.0, process.pid(), logFile.toAbsolutePath());
                return new LocalKeycloak(process, url, startup, instanceTmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + zip, e);
        }
    }

    void stop() {
        if (lease != null) {
            try {
                Files.deleteIfExists(lease); // the shared instance's watchdog stops it once idle
            } catch (IOException e) {
                // a dead pid's lease is cleaned by the watchdog anyway
            }
            return;
        }
        try {
            stopProcess();
        } finally {
            try {
                deleteRecursively(instanceTmp);
            } catch (IOException | RuntimeException e) {
                // best effort
            }
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy(); // kc.sh forwards SIGTERM to its java child
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle handle : tree) {
                handle.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void awaitRealm(Process process, String url, Duration timeout, Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI wellKnown = URI.create(url + "/realms/" + TestInfrastructure.REALM + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " during start; see " + logFile.toAbsolutePath() + tail(logFile));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(3))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak did not serve realm " + TestInfrastructure.REALM + " within "
                + timeout.toSeconds() + " s; see " + logFile.toAbsolutePath() + tail(logFile));
    }

    private static Path unpackOnce(Path zip, Path base, String version) throws IOException {
        Path home = base.resolve("keycloak-" + version);
        Path marker = base.resolve(".unpacked");
        if (Files.exists(marker) && Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
            return home;
        }
        Instant begin = Instant.now();
        deleteRecursively(base);
        Path staging = Files.createDirectories(base.resolveSibling(base.getFileName() + ".staging-" + ProcessHandle.current().pid()));
        try (InputStream in = Files.newInputStream(zip); ZipInputStream zin = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zin.getNextEntry()) != null) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zin, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> scripts = Files.list(staging.resolve("keycloak-" + version).resolve("bin"))) {
            scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
        }
        Files.move(staging, base, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(marker, zip + System.lineSeparator());
        log.info("unpacked {} into {} in {} ms", zip, base, Duration.between(begin, Instant.now()).toMillis());
        return home;
    }

    private static String versionOf(Path zip) {
        Matcher m = ZIP_NAME.matcher(zip.getFileName().toString());
        return m.matches() ? m.group(1) : DEFAULT_VERSION;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return System.lineSeparator() + String.join(System.lineSeparator(),
                    lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
