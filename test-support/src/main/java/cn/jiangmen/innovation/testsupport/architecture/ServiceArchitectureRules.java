package cn.jiangmen.innovation.testsupport.architecture;

import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture every service keeps (DESIGN.md): a framework-free domain, adapters that go
 * through the application layer, and no service depending on another service's code.
 */
public final class ServiceArchitectureRules {

	static final String ROOT = "cn.jiangmen.innovation";

	/** Every deployable module's base package; a service may use only its own. */
	static final List<String> MODULES = List.of("talent", "review", "project", "funding", "portal", "gateway");

	private ServiceArchitectureRules() {
	}

	public static JavaClasses importProduction(String module) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(ROOT + "." + module);
	}

	/** The domain uses only Java, itself and the platform's plain error types. */
	public static ArchRule domainIsFrameworkFree(String module) {
		String base = ROOT + "." + module;
		return noClasses().that()
			.resideInAPackage(base + ".domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "jakarta.servlet..",
					"jakarta.transaction..", "io.grpc..", "com.google.protobuf..", "tools.jackson..",
					"com.fasterxml.jackson..", "redis.clients..", ROOT + ".contracts..", base + ".application..",
					base + ".web..", base + ".grpc..", base + ".persistence..", base + ".config..")
			.because("the domain holds the rules and must not depend on frameworks or adapters");
	}

	/** REST and gRPC adapters reach data only through the application layer. */
	public static ArchRule adaptersUseTheApplicationLayer(String module) {
		String base = ROOT + "." + module;
		return noClasses().that()
			.resideInAnyPackage(base + ".web..", base + ".grpc..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(base + ".persistence..")
			.because("transactions and per-object checks live in the application layer");
	}

	/** Services share contracts and platform, never each other's code. */
	public static ArchRule noDependencyOnOtherServices(String module) {
		String[] others = Stream.concat(MODULES.stream().filter(m -> !m.equals(module)), Stream.of("testsupport"))
			.map(m -> ROOT + "." + m + "..")
			.toArray(String[]::new);
		return noClasses().that()
			.resideInAPackage(ROOT + "." + module + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(others)
			.because("services talk over gRPC contracts only");
	}

	/** All rules at once, for a service with the standard package layout. */
	public static void check(String module) {
		JavaClasses classes = importProduction(module);
		domainIsFrameworkFree(module).allowEmptyShould(true).check(classes);
		adaptersUseTheApplicationLayer(module).allowEmptyShould(true).check(classes);
		noDependencyOnOtherServices(module).check(classes);
	}

}
