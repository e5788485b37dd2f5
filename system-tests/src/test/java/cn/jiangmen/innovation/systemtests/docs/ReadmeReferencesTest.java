package cn.jiangmen.innovation.systemtests.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A README states only what is true: every file, folder, script verb, module, test class and
 * {@code ./mvnw} flag it names exists in this checkout (rules and allowlist:
 * {@link ReadmeReferences}).
 */
class ReadmeReferencesTest {

	static final Repository REPOSITORY = Repository.at(root());

	static Stream<Path> readmes() {
		return REPOSITORY.readmes().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readmes")
	void namesOnlyWhatExists(Path readme) {
		assertThat(new ReadmeReferences(REPOSITORY).problems(readme, REPOSITORY.read(readme))).as(readme.toString())
			.isEmpty();
	}

	@Test
	void everyModuleAndTheDocsAreRead() {
		assertThat(REPOSITORY.readmes()).contains(Path.of("README.md"), Path.of("k8s/README.md"),
				Path.of("contracts/README.md"), Path.of("docs/conventions.md"));
	}

	@Test
	void catchesMissingFilesVerbsModulesTestsAndFlags() {
		String readme = """
				See `talent-service`, `billing-service`, `auth/keycloak.sh` and `auth/no-such.sh`, `src/main/nothing.yml`, `nowhere.proto`,
				[the conventions](../docs/conventions.md) and [a dead link](../docs/gone.md).
				Placeholders are prose: `target/openapi/<service>.json`, `/api/talent/**`, `realm_access.roles`.

				```bash
				./suite up
				./suite explode
				auth/keycloak.sh start && auth/keycloak.sh melt
				./mvnw -B -pl talent-service,ghost-service -am verify -Dit.test=TalentServiceIT,GhostIT --frobnicate
				```
				""";

		List<String> problems = new ReadmeReferences(REPOSITORY).problems(Path.of("gateway/README.md"), readme);

		assertThat(problems).containsExactlyInAnyOrder("no such module: billing-service",
				"no such file or folder: auth/no-such.sh",
				"no such file or folder in gateway: src/main/nothing.yml", "no file named nowhere.proto",
				"link to a missing file: ../docs/gone.md",
				"./suite has no verb 'explode' (it knows [up, down, status, restart, test])",
				"auth/keycloak.sh has no verb 'melt' (it knows [start, stop, status, restart])",
				"./mvnw names a module that does not exist: ghost-service",
				"./mvnw names a test class that does not exist: GhostIT",
				"./mvnw argument not understood: --frobnicate");
	}

	private static Path root() {
		String configured = System.getProperty("jiangmen.repo.root");
		Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
		for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("contracts"))) {
				return dir;
			}
		}
		throw new IllegalStateException("no repository root above " + start + ": set -Djiangmen.repo.root");
	}

}
