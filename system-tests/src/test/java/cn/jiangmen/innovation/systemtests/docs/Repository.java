package cn.jiangmen.innovation.systemtests.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The files of the checkout as a reader of its READMEs sees them: build output, installed npm
 * packages and the local run directory are not part of it.
 */
record Repository(Path root, List<Path> files) {

	private static final Set<String> NOT_SOURCE = Set.of("target", "node_modules", ".git", ".run", ".idea");

	static Repository at(Path root) {
		List<Path> files = new ArrayList<>();
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					return !dir.equals(root) && NOT_SOURCE.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
							: FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					files.add(root.relativize(file));
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		files.sort(null);
		return new Repository(root, List.copyOf(files));
	}

	/** Whether a path lies in build output or a run directory ({@code target/}, {@code .run/}). */
	static boolean isGenerated(Path relative) {
		for (Path part : relative) {
			if (NOT_SOURCE.contains(part.toString())) {
				return true;
			}
		}
		return false;
	}

	/** Whether a tracked file or directory is at this repository-relative path. */
	boolean has(Path relative) {
		Path normal = relative.normalize();
		return this.files.stream().anyMatch(file -> file.equals(normal) || file.startsWith(normal));
	}

	boolean hasTopLevel(String name) {
		return this.files.stream().anyMatch(file -> file.getName(0).toString().equals(name));
	}

	/** Whether some file's path ends with these segments ({@code realm/jiangmen-realm.json}). */
	boolean hasFileEndingWith(String segments) {
		return this.files.stream().anyMatch(file -> file.endsWith(segments) || file.endsWith(segments + ".java"));
	}

	boolean isModule(String name) {
		return this.files.contains(Path.of(name, "pom.xml"));
	}

	List<Path> readmes() {
		return this.files.stream()
			.filter(file -> file.getFileName().toString().equals("README.md")
					|| (file.startsWith("docs") && file.toString().endsWith(".md")))
			.toList();
	}

	String read(Path relative) {
		try {
			return Files.readString(this.root.resolve(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
