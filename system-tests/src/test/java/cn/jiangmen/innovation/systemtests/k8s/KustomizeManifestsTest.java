package cn.jiangmen.innovation.systemtests.k8s;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Renders {@code k8s/overlays/dev} and {@code k8s/overlays/prod} with {@code kubectl kustomize}
 * and checks the hardening every Deployment must have. kubectl is required: when it is missing
 * this test FAILS (CI installs it) instead of skipping.
 */
class KustomizeManifestsTest {

    private static final Set<String> JAVA_APPS = Set.of(
            "gateway", "portal", "talent-service", "review-service", "project-service", "funding-service");
    private static final Set<String> SERVICES = Set.of(
            "talent-service", "review-service", "project-service", "funding-service");

    private static Path repoRoot;
    private static String kubectl;
    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    @BeforeAll
    static void locateRepoAndKubectl() {
        repoRoot = findRepoRoot();
        kubectl = findKubectl();
        if (kubectl == null) {
            fail("kubectl not found on PATH (nor -Dkubectl=/path/to/kubectl / $KUBECTL). "
                    + "These manifest checks need `kubectl kustomize`; install kubectl >= 1.27 "
                    + "(e.g. https://dl.k8s.io/release/v1.32.4/bin/linux/amd64/kubectl).");
        }
    }

    @ParameterizedTest(name = "{0}: every container has probes, resources and a locked-down securityContext")
    @ValueSource(strings = {"dev", "prod"})
    void deploymentsAreHardened(String overlay) {
        List<Map<String, Object>> deployments = ofKind(render(overlay), "Deployment");
        assertThat(deployments).as("Deployments in %s", overlay).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : deployments) {
            String name = name(deployment);
            Map<String, Object> podSpec = map(deployment, "spec", "template", "spec");
            Map<String, Object> podSecurity = map(podSpec, "securityContext");
            List<Map<String, Object>> containers = list(podSpec, "containers");
            if (containers.isEmpty()) {
                problems.add(name + ": no containers");
            }
            for (Map<String, Object> container : containers) {
                String where = name + "/" + container.get("name");
                if (container.get("readinessProbe") == null) {
                    problems.add(where + ": no readinessProbe");
                }
                if (container.get("livenessProbe") == null) {
                    problems.add(where + ": no livenessProbe");
                }
                checkResources(where, container, problems);
                checkSecurity(where, container, podSecurity, problems);
            }
            for (Map<String, Object> init : list(podSpec, "initContainers")) {
                String where = name + "/init:" + init.get("name");
                checkResources(where, init, problems);
                checkSecurity(where, init, podSecurity, problems);
            }
            if (!Boolean.FALSE.equals(podSpec.get("automountServiceAccountToken"))) {
                problems.add(name + ": automountServiceAccountToken must be false");
            }
        }
        assertThat(problems).as("hardening problems in overlay %s", overlay).isEmpty();
    }

    @ParameterizedTest(name = "{0}: the Java apps use the actuator probes and named ports")
    @ValueSource(strings = {"dev", "prod"})
    void javaAppsUseActuatorProbes(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        Set<String> present = ofKind(docs, "Deployment").stream().map(KustomizeManifestsTest::name)
                .collect(Collectors.toSet());
        assertThat(present).as("Deployments in %s", overlay).containsAll(JAVA_APPS).contains("keycloak");
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            if (!JAVA_APPS.contains(name(deployment))) {
                continue;
            }
            Map<String, Object> container = list(map(deployment, "spec", "template", "spec"), "containers").get(0);
            assertThat(map(container, "readinessProbe", "httpGet").get("path"))
                    .as("%s readiness path", name(deployment)).isEqualTo("/actuator/health/readiness");
            assertThat(map(container, "livenessProbe", "httpGet").get("path"))
                    .as("%s liveness path", name(deployment)).isEqualTo("/actuator/health/liveness");
            assertThat(container.get("startupProbe")).as("%s startupProbe", name(deployment)).isNotNull();
            assertThat(String.valueOf(container.get("image")))
                    .as("%s image", name(deployment)).isEqualTo("jiangmen/" + name(deployment) + ":0.1.0");
            Set<String> portNames = list(container, "ports").stream().map(p -> String.valueOf(p.get("name")))
                    .collect(Collectors.toSet());
            assertThat(portNames).as("%s port names", name(deployment)).contains("http");
            if (SERVICES.contains(name(deployment))) {
                assertThat(portNames).as("%s port names", name(deployment)).contains("grpc");
            }
        }
    }

    @ParameterizedTest(name = "{0}: every Deployment has a Service that selects its pods")
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasAMatchingService(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        List<Map<String, Object>> services = ofKind(docs, "Service");
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            Map<String, Object> podLabels = map(deployment, "spec", "template", "metadata", "labels");
            Map<String, Object> podSpec = map(deployment, "spec", "template", "spec");
            Set<Object> containerPortNames = list(podSpec, "containers").stream()
                    .flatMap(c -> list(c, "ports").stream()).map(p -> p.get("name")).collect(Collectors.toSet());
            List<Map<String, Object>> matching = services.stream()
                    .filter(s -> Objects.equals(namespace(s), namespace(deployment)))
                    .filter(s -> {
                        Map<String, Object> selector = map(s, "spec", "selector");
                        return !selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet());
                    })
                    .toList();
            assertThat(matching).as("Service selecting Deployment %s in %s", name(deployment), overlay).isNotEmpty();
            for (Map<String, Object> service : matching) {
                for (Map<String, Object> port : list(map(service, "spec"), "ports")) {
                    Object target = port.get("targetPort");
                    if (target instanceof String) {
                        assertThat(containerPortNames).as("Service %s targetPort %s", name(service), target)
                                .contains(target);
                    }
                }
            }
        }
    }

    @Test
    void prodRunsAtLeastTwoReplicasWithAutoscalingAndNoGeneratedSecrets() {
        List<Map<String, Object>> docs = render("prod");
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            Object replicas = map(deployment, "spec").get("replicas");
            assertThat(replicas).as("prod replicas of %s", name(deployment)).isInstanceOf(Integer.class);
            assertThat((Integer) replicas).as("prod replicas of %s", name(deployment)).isGreaterThanOrEqualTo(2);
            assertThat(namespace(deployment)).isEqualTo("jiangmen");
        }
        Map<String, Map<String, Object>> hpas = ofKind(docs, "HorizontalPodAutoscaler").stream()
                .collect(Collectors.toMap(h -> String.valueOf(map(h, "spec", "scaleTargetRef").get("name")), h -> h));
        for (String app : JAVA_APPS) {
            assertThat(hpas).as("HPA for %s", app).containsKey(app);
            assertThat((Integer) map(hpas.get(app), "spec").get("minReplicas")).isGreaterThanOrEqualTo(2);
        }
        assertThat(ofKind(docs, "Secret")).as("prod must not generate Secrets").isEmpty();
        assertThat(ofKind(docs, "Ingress")).as("prod Ingress").isNotEmpty()
                .allSatisfy(ingress -> assertThat(list(map(ingress, "spec"), "tls")).isNotEmpty());
        assertThat(ofKind(docs, "PodDisruptionBudget")).as("prod PDBs").hasSizeGreaterThanOrEqualTo(JAVA_APPS.size());
    }

    @Test
    void devHasOneReplicaAndItsOwnSecrets() {
        List<Map<String, Object>> docs = render("dev");
        for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
            assertThat(map(deployment, "spec").get("replicas")).as("dev replicas of %s", name(deployment)).isEqualTo(1);
            assertThat(namespace(deployment)).isEqualTo("jiangmen-dev");
        }
        Set<String> secrets = ofKind(docs, "Secret").stream().map(KustomizeManifestsTest::name).collect(Collectors.toSet());
        assertThat(secrets).anyMatch(s -> s.startsWith("jiangmen-db"))
                .anyMatch(s -> s.startsWith("jiangmen-oidc"))
                .anyMatch(s -> s.startsWith("jiangmen-keycloak"));
    }

    @ParameterizedTest(name = "{0}: every portal replica takes the same flash signing key from a Secret")
    @ValueSource(strings = {"dev", "prod"})
    void portalTakesItsFlashKeyFromASecret(String overlay) {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, Object> portal = ofKind(docs, "Deployment").stream()
                .filter(d -> "portal".equals(name(d))).findFirst().orElseThrow();
        Map<String, Object> container = list(map(portal, "spec", "template", "spec"), "containers").get(0);
        List<String> secrets = list(container, "envFrom").stream()
                .map(from -> map(from, "secretRef").get("name"))
                .filter(Objects::nonNull).map(String::valueOf).toList();
        assertThat(secrets).as("%s: the portal's secretRefs", overlay).anyMatch(s -> s.startsWith("jiangmen-portal"));
        assertThat(list(container, "env")).as("%s: the key is never a literal in the Deployment", overlay)
                .noneMatch(e -> "PORTAL_FLASH_KEY".equals(e.get("name")) && e.get("value") != null);
        assertThat(ofKind(docs, "ConfigMap")).as("%s: the key is never in a ConfigMap", overlay)
                .noneMatch(c -> map(c, "data").containsKey("PORTAL_FLASH_KEY"));
        if ("dev".equals(overlay)) {
            // the generated Secret the Deployment names (kustomize's hash suffix) holds the key
            String ref = secrets.stream().filter(s -> s.startsWith("jiangmen-portal")).findFirst().orElseThrow();
            Map<String, Object> secret = ofKind(docs, "Secret").stream().filter(d -> ref.equals(name(d)))
                    .findFirst().orElseThrow(() -> new AssertionError("no Secret " + ref + " in dev"));
            assertThat(map(secret, "data")).containsKey("PORTAL_FLASH_KEY");
        }
        else {
            assertThat(secrets).as("prod names the Secret the operators create").contains("jiangmen-portal");
            Map<String, Object> config = ofKind(docs, "ConfigMap").stream()
                    .filter(c -> "jiangmen-config".equals(name(c))).findFirst().orElseThrow();
            assertThat(map(config, "data")).as("prod serves HTTPS only: the flash cookie is Secure")
                    .containsEntry("LOCALE_COOKIE_SECURE", "true");
        }
    }

    @Test
    void realmConfigMapRendersFromTheAuthModule() {
        Path realm = repoRoot.resolve("auth/src/main/resources/realm/jiangmen-realm.json");
        Assumptions.assumeTrue(Files.isRegularFile(realm), "auth module has no realm file yet: " + realm);
        List<Map<String, Object>> docs = parse(run(List.of(kubectl, "kustomize", "--load-restrictor",
                "LoadRestrictionsNone", repoRoot.resolve("k8s/realm").toString())), "k8s/realm");
        List<Map<String, Object>> configMaps = ofKind(docs, "ConfigMap");
        assertThat(configMaps).extracting(KustomizeManifestsTest::name).containsExactly("jiangmen-realm");
        assertThat(map(configMaps.get(0), "data")).containsKey("jiangmen-realm.json");
    }

    // ---------------------------------------------------------------------------------------

    private static void checkResources(String where, Map<String, Object> container, List<String> problems) {
        Map<String, Object> resources = map(container, "resources");
        for (String kind : List.of("requests", "limits")) {
            Map<String, Object> values = map(resources, kind);
            for (String resource : List.of("cpu", "memory")) {
                if (values.get(resource) == null) {
                    problems.add(where + ": no resources." + kind + "." + resource);
                }
            }
        }
    }

    private static void checkSecurity(String where, Map<String, Object> container, Map<String, Object> podSecurity,
                                      List<String> problems) {
        Map<String, Object> security = map(container, "securityContext");
        Object runAsNonRoot = security.containsKey("runAsNonRoot") ? security.get("runAsNonRoot")
                : podSecurity.get("runAsNonRoot");
        if (!Boolean.TRUE.equals(runAsNonRoot)) {
            problems.add(where + ": runAsNonRoot must be true (pod or container)");
        }
        if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
            problems.add(where + ": readOnlyRootFilesystem must be true");
        }
        if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
            problems.add(where + ": allowPrivilegeEscalation must be false");
        }
        Object drop = map(security, "capabilities").get("drop");
        if (!(drop instanceof List<?> dropped) || !dropped.contains("ALL")) {
            problems.add(where + ": capabilities.drop must contain ALL");
        }
    }

    private static List<Map<String, Object>> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> parse(
                run(List.of(kubectl, "kustomize", repoRoot.resolve("k8s/overlays/" + o).toString())),
                "k8s/overlays/" + o));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String yamlText, String what) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml.loadAll(yamlText)) {
            if (doc instanceof Map<?, ?> m) {
                docs.add((Map<String, Object>) m);
            }
        }
        assertThat(docs).as("documents rendered from %s", what).isNotEmpty();
        return docs;
    }

    private static String run(List<String> command) {
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(repoRoot.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                process.getOutputStream().close();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("timed out: " + String.join(" ", command));
                }
                if (process.exitValue() != 0) {
                    fail(String.join(" ", command) + " exited " + process.exitValue() + ":\n"
                            + Files.readString(stderr, StandardCharsets.UTF_8));
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static Path findRepoRoot() {
        String property = System.getProperty("jiangmen.repo.root");
        if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property, "k8s"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("k8s"))) {
                return dir;
            }
        }
        return fail("cannot find the repository root (a directory with mvnw and k8s/): set -Djiangmen.repo.root");
    }

    private static String findKubectl() {
        String explicit = System.getProperty("kubectl", System.getenv("KUBECTL"));
        if (explicit != null && !explicit.isBlank() && Files.isExecutable(Path.of(explicit))) {
            return explicit;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/local/bin", "/usr/bin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst()
                .orElse(null);
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static String name(Map<String, Object> doc) {
        return String.valueOf(map(doc, "metadata").get("name"));
    }

    private static String namespace(Map<String, Object> doc) {
        return (String) map(doc, "metadata").get("namespace");
    }

    /** Walks nested maps; a missing step gives an empty map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> from, String... path) {
        Map<String, Object> current = from;
        for (String key : path) {
            Object next = current == null ? null : current.get(key);
            current = next instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>();
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> from, String key) {
        Object value = from == null ? null : from.get(key);
        if (!(value instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().filter(Map.class::isInstance).map(i -> (Map<String, Object>) i).toList();
    }
}
