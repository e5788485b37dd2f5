package cn.jiangmen.innovation.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import redis.clients.jedis.Jedis;

/**
 * Proves the fixture against real services: PostgreSQL, Redis and a Keycloak with the realm from module auth.
 */
class TestInfrastructureIT {

    private static TestInfrastructure infra;
    private static KeycloakTokens tokens;
    private static JWKSet realmKeys;
    /** Decoder configured like a resource server: issuer, audience jiangmen-api, 5 s clock skew. */
    private static NimbusJwtDecoder decoder;

    @BeforeAll
    static void start() throws Exception {
        infra = TestInfrastructure.get();
        tokens = infra.tokens();
        realmKeys = JWKSet.load(new URL(infra.issuerUri() + "/protocol/openid-connect/certs"));
        decoder = NimbusJwtDecoder.withIssuerLocation(infra.issuerUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(5)),
                new JwtIssuerValidator(infra.issuerUri()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(KeycloakTokens.API_AUDIENCE))));
    }

    @Test
    void getReturnsOneInstancePerJvm() {
        assertThat(TestInfrastructure.get()).isSameAs(infra);
        assertThat(infra.issuerUri()).isEqualTo(infra.keycloakUrl() + "/realms/jiangmen");
        assertThat(infra.keycloakUrl()).doesNotEndWith("/");
    }

    @Test
    void databaseIsCreatedAndUsable() throws Exception {
        String fresh = "testsupport_it_" + Long.toString(System.nanoTime(), 36);
        String url = infra.jdbcUrl(fresh);
        assertThat(url).startsWith("jdbc:postgresql://").endsWith("/" + fresh);
        try (Connection c = DriverManager.getConnection(url, infra.dbUser(), infra.dbPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (id int PRIMARY KEY, name text NOT NULL)");
            s.execute("INSERT INTO probe VALUES (1, '江门')");
            try (ResultSet rs = s.executeQuery("SELECT name, current_database() FROM probe")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("江门");
                assertThat(rs.getString(2)).isEqualTo(fresh);
            }
        }
        assertThat(infra.jdbcUrl(fresh)).isEqualTo(url); // idempotent

        // recreateDatabase gives a clean slate even while a connection is open
        Connection open = DriverManager.getConnection(url, infra.dbUser(), infra.dbPassword());
        infra.recreateDatabase(fresh);
        assertThat(open.isValid(2)).isFalse();
        open.close();
        try (Connection c = DriverManager.getConnection(url, infra.dbUser(), infra.dbPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'probe'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.dbUser(), infra.dbPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE \"" + fresh + "\" WITH (FORCE)");
        }
        assertThatThrownBy(() -> infra.jdbcUrl("bad-name; drop")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redisAnswersPing() {
        try (Jedis jedis = new Jedis(infra.redisHost(), infra.redisPort())) {
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void applicantTokenHasAudienceRoleAndOrganisation() throws Exception {
        String token = tokens.accessToken("applicant1");
        JWTClaimsSet claims = verifiedClaims(token);
        assertThat(claims.getIssuer()).isEqualTo(infra.issuerUri());
        assertThat(claims.getAudience()).contains("jiangmen-api");
        assertThat(realmRoles(claims)).contains("applicant").doesNotContain("program-manager");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("applicant1");
        // Keycloak Organizations: {alias: {id}} (the realm's organization scope)
        assertThat(claims.getJSONObjectClaim("organization")).containsOnlyKeys("jm-optoelectronics");
        Object membership = claims.getJSONObjectClaim("organization").get("jm-optoelectronics");
        assertThat(membership).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) membership).get("id")).isEqualTo("7d1c2a8e-0000-4000-8000-000000000001");
        assertThat(tokens.accessToken("applicant1")).as("cached").isEqualTo(token);

        Jwt jwt = decoder.decode(token);
        assertThat(jwt.getClaimAsMap("organization")).containsOnlyKeys("jm-optoelectronics");

        JWTClaimsSet manager = verifiedClaims(tokens.accessToken("manager"));
        assertThat(realmRoles(manager)).contains("program-manager").doesNotContain("applicant");
        assertThat(manager.getClaim("organization")).isNull();
    }

    @Test
    void wrongAudienceTokenIsRealButLacksTheAudience() throws Exception {
        String token = tokens.wrongAudienceToken("applicant1");
        JWTClaimsSet claims = verifiedClaims(token);
        assertThat(claims.getAudience()).doesNotContain("jiangmen-api");
        assertThat(realmRoles(claims)).contains("applicant");
        assertThat(claims.getExpirationTime()).isAfter(new java.util.Date());
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("aud");
    }

    @Test
    void expiredTokenIsRealAndExpiredBeyondClockSkew() throws Exception {
        String token = tokens.expiredToken("applicant1");
        JWTClaimsSet claims = verifiedClaims(token);
        assertThat(claims.getAudience()).contains("jiangmen-api");
        assertThat(claims.getExpirationTime().toInstant()).isBefore(Instant.now().minusSeconds(10));
        assertThat(tokens.expiredToken("applicant1")).as("cached per JVM").isEqualTo(token);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
    }

    @Test
    void foreignSignedTokenLooksRealButFailsVerification() throws Exception {
        String real = tokens.accessToken("expert1");
        String forged = tokens.foreignSignedToken("expert1");
        SignedJWT realJwt = SignedJWT.parse(real);
        SignedJWT forgedJwt = SignedJWT.parse(forged);
        assertThat(forgedJwt.getHeader().getKeyID()).isEqualTo(realJwt.getHeader().getKeyID());
        assertThat(forgedJwt.getHeader().getAlgorithm()).isEqualTo(realJwt.getHeader().getAlgorithm());
        assertThat(forgedJwt.getJWTClaimsSet().toJSONObject()).isEqualTo(realJwt.getJWTClaimsSet().toJSONObject());
        assertThat(forgedJwt.verify(verifierFor(forgedJwt))).isFalse();
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void serviceAccountTokenHasRoleService() throws Exception {
        String token = tokens.serviceAccountToken();
        JWTClaimsSet claims = verifiedClaims(token);
        assertThat(claims.getAudience()).contains("jiangmen-api");
        assertThat(realmRoles(claims)).contains("service");
        assertThat(claims.getStringClaim("azp")).isEqualTo("jiangmen-services");
        decoder.decode(token);
    }

    @Test
    void gatewayRedirectCanBeAllowedAtRuntime() {
        tokens.allowGatewayRedirect("http://localhost:43210/");
        tokens.allowGatewayRedirect("http://localhost:43210");
        ClientRepresentation gateway = tokens.admin().realm("jiangmen").clients().findByClientId("jiangmen-gateway").get(0);
        assertThat(gateway.getRedirectUris()).contains("http://localhost:8080/login/oauth2/code/keycloak",
                "http://localhost:43210/login/oauth2/code/keycloak");
        // the Keycloak may be shared with other test JVMs of the build, which add their own gateways
        assertThat(gateway.getAttributes().get("post.logout.redirect.uris").split("##"))
                .contains("http://localhost:8080/*", "http://localhost:43210/*")
                .doesNotHaveDuplicates();
        assertThat(gateway.getRedirectUris()).doesNotHaveDuplicates();
        assertThat(gateway.getAttributes().get("pkce.code.challenge.method")).isEqualTo("S256");
    }

    @Test
    void serviceTestPropertiesPointAtTheInfrastructure() {
        Map<String, Supplier<Object>> registered = new HashMap<>();
        ServiceTestProperties.register(registered::put, "testsupport_props");
        Map<String, Object> values = new HashMap<>();
        registered.forEach((k, v) -> values.put(k, v.get()));
        String suffix = System.getenv().getOrDefault("JIANGMEN_TEST_DB_SUFFIX", "");
        String database = suffix.isBlank() ? "testsupport_props" : "testsupport_props_" + suffix;
        assertThat(values).containsEntry("spring.datasource.url", infra.jdbcUrl(database))
                .containsEntry("spring.datasource.username", infra.dbUser())
                .containsEntry("spring.datasource.password", infra.dbPassword())
                .containsEntry("spring.data.redis.host", infra.redisHost())
                .containsEntry("spring.data.redis.port", infra.redisPort())
                .containsEntry("spring.security.oauth2.resourceserver.jwt.issuer-uri", infra.issuerUri())
                .containsEntry("spring.security.oauth2.resourceserver.jwt.audiences", "jiangmen-api")
                .containsEntry("spring.security.oauth2.client.provider.keycloak.issuer-uri", infra.issuerUri())
                .containsEntry("jiangmen.keycloak-url", infra.keycloakUrl());
    }

    private static JWTClaimsSet verifiedClaims(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(verifierFor(jwt))).as("signed by the realm's key").isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static JWSVerifier verifierFor(SignedJWT jwt) throws Exception {
        RSAKey key = (RSAKey) realmKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("realm key " + jwt.getHeader().getKeyID()).isNotNull();
        return new RSASSAVerifier(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(JWTClaimsSet claims) throws Exception {
        Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
        assertThat(realmAccess).isNotNull();
        return (List<String>) realmAccess.get("roles");
    }
}
