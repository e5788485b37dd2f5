package cn.jiangmen.innovation.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the suite-wide defaults (Keycloak issuer, Jedis, probes, graceful shutdown, Flyway
 * locations...) as the lowest-precedence property source, so each service's application.yml only
 * says what is its own and any default can still be overridden by environment variables.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String RESOURCE = "jiangmen-platform-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("jiangmen-platform-defaults",
					new ClassPathResource(RESOURCE))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

}
