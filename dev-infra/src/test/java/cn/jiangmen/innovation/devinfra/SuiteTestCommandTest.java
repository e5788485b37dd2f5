package cn.jiangmen.innovation.devinfra;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./suite test}, the README's test command, in its dry-run: which Debian packages it would install
 * for which missing command, and that it hands the remaining arguments to Maven. It lives here, beside the
 * other half of "a fresh machine runs the tests" (the embedded services), because this module builds in
 * seconds. Each case runs the script with a PATH of its own, so "missing" does not depend on this machine.
 */
class SuiteTestCommandTest {

    @TempDir
    Path dir;
    private Path bin;

    @BeforeEach
    void emptyPath() throws IOException {
        bin = Files.createDirectory(dir.resolve("bin"));
    }

    @Test
    void dryRunNamesThePackagesOfTheMissingCommandsAndTheMavenCall() throws Exception {
        tools("javac", "chromium", "npm");

        Result result = suite("test", "--dry-run", "-pl", "talent-service", "-am");

        assertThat(result.exit).isZero();
        assertThat(result.out).contains("would install (Debian): chromium-driver kubernetes-client fonts-wqy-zenhei")
                .contains("would run: ./mvnw -B verify -pl talent-service -am");
    }

    @Test
    void dryRunWithEverythingPresentInstallsNothing() throws Exception {
        tools("javac", "chromium", "chromedriver", "kubectl", "npm");
        Path font = dir.resolve("root/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
        Files.createDirectories(font.getParent());
        Files.writeString(font, "font");

        Result result = suite("test", "--dry-run");

        assertThat(result.exit).isZero();
        assertThat(result.out).contains("test tools present").doesNotContain("would install")
                .contains("would run: ./mvnw -B verify");
    }

    @Test
    void withoutAJdkItStopsBeforeInstallingAnything() throws Exception {
        tools("chromium", "chromedriver", "kubectl", "npm");

        Result result = suite("test", "--dry-run");

        assertThat(result.exit).isEqualTo(1);
        assertThat(result.err).contains("no JDK");
        assertThat(result.out).doesNotContain("would run");
    }

    @Test
    void helpListsWhatItInstallsAndWhy() throws Exception {
        Result result = suite("test", "--help");

        assertThat(result.exit).isZero();
        assertThat(result.out).contains("usage: ./suite test").contains("chromium-driver")
                .contains("kubernetes-client").contains("embedded");
    }

    /** Fake executables on the script's PATH. */
    private void tools(String... names) throws IOException {
        for (String name : names) {
            executable(name, "exit 0");
        }
    }

    private void executable(String name, String body) throws IOException {
        Path tool = bin.resolve(name);
        Files.writeString(tool, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result suite(String... args) throws Exception {
        // the two real commands the script needs before Maven
        for (String real : List.of("dirname", "cat")) {
            executable(real, "exec " + onPath(real) + " \"$@\"");
        }
        List<String> command = new ArrayList<>(List.of("/bin/bash", repoRoot().resolve("suite").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("SUITE_TEST_FILES_ROOT", dir.resolve("root").toString());
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("suite finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(command + " not on PATH");
    }

    private static Path repoRoot() {
        String configured = System.getProperty("jiangmen.repo.root");
        Path root = configured == null || configured.isBlank() ? Path.of("..") : Path.of(configured);
        return root.toAbsolutePath().normalize();
    }

    private record Result(int exit, String out, String err) {
    }
}
