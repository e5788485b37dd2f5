package cn.jiangmen.innovation.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot test at {@link TestInfrastructure}. Use from a {@code @DynamicPropertySource} method:
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     ServiceTestProperties.register(registry, "talent_it");
 * }
 * }</pre>
 */
public final class ServiceTestProperties {

    private ServiceTestProperties() {
    }

    /**
     * Registers {@code spring.datasource.url/username/password} (the database is dropped and created empty the first time this JVM names it),
     * {@code spring.data.redis.host/port}, {@code spring.security.oauth2.resourceserver.jwt.issuer-uri},
     * {@code spring.security.oauth2.resourceserver.jwt.audiences=jiangmen-api},
     * {@code spring.security.oauth2.client.provider.keycloak.issuer-uri}, {@code jiangmen.keycloak-url} and a small
     * connection pool (5, 1 idle).
     * When {@code JIANGMEN_TEST_DB_SUFFIX} is set, it is appended to the database name, so builds of two
     * checkouts on one machine do not share test databases.
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        TestInfrastructure infra = TestInfrastructure.get();
        String suffix = System.getenv().getOrDefault("JIANGMEN_TEST_DB_SUFFIX", "");
        String jdbcUrl = infra.freshJdbcUrl(suffix.isBlank() ? database : database + "_" + suffix);
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", infra::dbUser);
        registry.add("spring.datasource.password", infra::dbPassword);
        registry.add("spring.data.redis.host", infra::redisHost);
        registry.add("spring.data.redis.port", infra::redisPort);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", infra::issuerUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> KeycloakTokens.API_AUDIENCE);
        registry.add("spring.security.oauth2.client.provider.keycloak.issuer-uri", infra::issuerUri);
        registry.add("jiangmen.keycloak-url", infra::keycloakUrl);
        // A test JVM keeps up to spring.test.context.cache.maxSize contexts (root pom), each with its own
        // pool: small pools keep a module's ITs under PostgreSQL's 100 connections ("too many clients").
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 5);
        registry.add("spring.datasource.hikari.minimum-idle", () -> 1);
    }
}
