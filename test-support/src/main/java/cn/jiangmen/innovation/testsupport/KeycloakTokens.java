package cn.jiangmen.innovation.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;

/**
 * Real Keycloak-signed tokens of the realm {@code jiangmen} for tests (demo users, password {@code demo}).
 * <p>
 * The dev realm file is used unchanged; on first use this class adds test-only clients through the admin API:
 * {@code jiangmen-tests} (public, direct access grants, audience scope), {@code jiangmen-tests-other-audience}
 * (direct access grants, no audience scope) and {@code jiangmen-tests-short-lived} (audience scope, access token
 * lifespan 1 s). Thread-safe.
 */
public final class KeycloakTokens {

    public static final String API_AUDIENCE = "jiangmen-api";
    public static final String DEMO_PASSWORD = "demo";
    public static final String TEST_CLIENT = "jiangmen-tests";
    static final String OTHER_AUDIENCE_CLIENT = "jiangmen-tests-other-audience";
    static final String SHORT_LIVED_CLIENT = "jiangmen-tests-short-lived";
    private static final String SERVICES_CLIENT = "jiangmen-services";
    private static final String SERVICES_SECRET = "services-dev-secret";
    private static final String GATEWAY_CLIENT = "jiangmen-gateway";
    // as the realm's jiangmen-gateway client has them (checked by RealmTokenClaimsIT)
    private static final List<String> BASE_SCOPES = List.of("basic", "profile", "email", "jiangmen-realm-roles", "web-origins", "acr",
            "organization");
    private static final String AUDIENCE_SCOPE = "jiangmen-api-audience";
    /** A cached token is handed out only while it stays valid at least this long. */
    private static final Duration MIN_REMAINING = Duration.ofSeconds(60);
    /** expiredToken(): expired by more than the 5 s clock skew allowance, with margin. */
    private static final Duration EXPIRED_BY = Duration.ofSeconds(11);

    private final String keycloakUrl;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, SignedJWT> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> expiredTokens = new ConcurrentHashMap<>();
    private final Object clientsLock = new Object();
    private volatile boolean testClientsReady;
    private volatile SignedJWT serviceToken;
    private volatile RSAKey foreignKey;
    private Keycloak admin;

    KeycloakTokens(String keycloakUrl, String adminUser, String adminPassword) {
        this.keycloakUrl = keycloakUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Access token of a demo user: {@code aud} contains {@code jiangmen-api}, realm roles, organisation claims. Cached until near expiry. */
    public String accessToken(String username) {
        SignedJWT cached = accessTokens.get(username);
        if (cached != null && validFor(cached, MIN_REMAINING)) {
            return cached.serialize();
        }
        SignedJWT fresh = parse(passwordGrant(TEST_CLIENT, username));
        accessTokens.put(username, fresh);
        return fresh.serialize();
    }

    /** Client-credentials token of {@code jiangmen-services} (realm role {@code service}, aud {@code jiangmen-api}). */
    public String serviceAccountToken() {
        SignedJWT cached = serviceToken;
        if (cached != null && validFor(cached, MIN_REMAINING)) {
            return cached.serialize();
        }
        Map<String, Object> response = tokenRequest(Map.of("grant_type", "client_credentials",
                "client_id", SERVICES_CLIENT, "client_secret", SERVICES_SECRET));
        SignedJWT fresh = parse((String) response.get("access_token"));
        serviceToken = fresh;
        return fresh.serialize();
    }

    /** A real, valid Keycloak-signed token of the user whose {@code aud} does NOT contain {@code jiangmen-api}. */
    public String wrongAudienceToken(String username) {
        return passwordGrant(OTHER_AUDIENCE_CLIENT, username);
    }

    /**
     * A real Keycloak-signed token (aud {@code jiangmen-api}) that expired more than 10 s ago. The first call per user
     * blocks for about 12 s (lifespan 1 s, then waiting); the result is cached per JVM.
     */
    public String expiredToken(String username) {
        String cached = expiredTokens.get(username);
        if (cached != null) {
            return cached;
        }
        synchronized (expiredTokens) {
            cached = expiredTokens.get(username);
            if (cached != null) {
                return cached;
            }
            SignedJWT token = parse(passwordGrant(SHORT_LIVED_CLIENT, username));
            Instant expiry = expiry(token);
            Instant issued = claims(token).getIssueTime().toInstant();
            if (Duration.between(issued, expiry).compareTo(Duration.ofSeconds(5)) > 0) {
                throw new IllegalStateException(SHORT_LIVED_CLIENT + " issued a token living "
                        + Duration.between(issued, expiry).toSeconds() + " s; expected 1 s");
            }
            Instant expiredEnough = expiry.plus(EXPIRED_BY).plusMillis(500);
            long wait = Duration.between(Instant.now(), expiredEnough).toMillis();
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the token to expire", e);
                }
            }
            String serialized = token.serialize();
            expiredTokens.put(username, serialized);
            return serialized;
        }
    }

    /** Same header (alg, kid, typ) and claims as a real token of the user, but signed with a freshly generated RSA key. */
    public String foreignSignedToken(String username) {
        SignedJWT real = parse(accessToken(username));
        try {
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(real.getHeader()).build(), real.getJWTClaimsSet());
            forged.sign(new RSASSASigner(foreignKey(real.getHeader().getKeyID())));
            return forged.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("could not sign the foreign token", e);
        }
    }

    /**
     * Admin client (master realm, bootstrap admin) of the test Keycloak, shared per JVM: do not close it
     * (a closed one is replaced on the next call). Realm: {@code admin().realm("jiangmen")}.
     */
    public Keycloak admin() {
        synchronized (clientsLock) {
            if (admin == null || admin.isClosed()) {
                admin = KeycloakBuilder.builder().serverUrl(keycloakUrl).realm("master").clientId("admin-cli")
                        .username(adminUser).password(adminPassword).build();
            }
            return admin;
        }
    }

    /**
     * Lets a gateway running at {@code baseUrl} (e.g. {@code http://localhost:41234}) log users in and out:
     * adds {@code baseUrl/login/oauth2/code/keycloak} to {@code jiangmen-gateway}'s redirect URIs,
     * {@code baseUrl/*} to its post-logout redirect URIs and {@code baseUrl} to its web origins. Idempotent.
     */
    public void allowGatewayRedirect(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        synchronized (clientsLock) {
            ClientResource resource = client(realm(), GATEWAY_CLIENT);
            ClientRepresentation gateway = resource.toRepresentation();
            Set<String> redirects = new LinkedHashSet<>(nullToEmpty(gateway.getRedirectUris()));
            redirects.add(base + "/login/oauth2/code/keycloak");
            gateway.setRedirectUris(new ArrayList<>(redirects));
            Set<String> origins = new LinkedHashSet<>(nullToEmpty(gateway.getWebOrigins()));
            origins.add(base);
            gateway.setWebOrigins(new ArrayList<>(origins));
            Map<String, String> attributes = new LinkedHashMap<>(gateway.getAttributes() == null ? Map.of() : gateway.getAttributes());
            Set<String> postLogout = new LinkedHashSet<>();
            String existing = attributes.get("post.logout.redirect.uris");
            if (existing != null && !existing.isBlank()) {
                postLogout.addAll(Arrays.asList(existing.split("##")));
            }
            postLogout.add(base + "/*");
            attributes.put("post.logout.redirect.uris", String.join("##", postLogout));
            gateway.setAttributes(attributes);
            resource.update(gateway);
        }
    }

    void close() {
        synchronized (clientsLock) {
            if (admin != null && !admin.isClosed()) {
                admin.close();
            }
        }
    }

    // ------------------------------------------------------------------ internals

    private String passwordGrant(String clientId, String username) {
        ensureTestClients();
        Map<String, Object> response = tokenRequest(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", DEMO_PASSWORD, "scope", "openid"));
        return (String) response.get("access_token");
    }

    private Map<String, Object> tokenRequest(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI endpoint = URI.create(keycloakUrl + "/realms/" + TestInfrastructure.REALM + "/protocol/openid-connect/token");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request (client " + form.get("client_id") + ", user "
                        + form.getOrDefault("username", "-") + ") failed: HTTP " + response.statusCode() + " " + response.body());
            }
            return JSONObjectUtils.parse(response.body());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("token request to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void ensureTestClients() {
        if (testClientsReady) {
            return;
        }
        synchronized (clientsLock) {
            if (testClientsReady) {
                return;
            }
            RealmResource realm = realm();
            Map<String, String> scopeIds = realm.clientScopes().findAll().stream()
                    .collect(Collectors.toMap(ClientScopeRepresentation::getName, ClientScopeRepresentation::getId, (a, b) -> a));
            List<String> withAudience = new ArrayList<>(BASE_SCOPES);
            withAudience.add(AUDIENCE_SCOPE);
            upsertTestClient(realm, scopeIds, TEST_CLIENT, withAudience, Map.of());
            upsertTestClient(realm, scopeIds, OTHER_AUDIENCE_CLIENT, BASE_SCOPES, Map.of());
            upsertTestClient(realm, scopeIds, SHORT_LIVED_CLIENT, withAudience, Map.of("access.token.lifespan", "1"));
            testClientsReady = true;
        }
    }

    private void upsertTestClient(RealmResource realm, Map<String, String> scopeIds, String clientId,
            List<String> defaultScopes, Map<String, String> extraAttributes) {
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(clientId);
        rep.setName("test only: " + clientId);
        rep.setDescription("Added at runtime by test-support; not part of the realm file");
        rep.setEnabled(true);
        rep.setProtocol("openid-connect");
        rep.setPublicClient(true);
        rep.setStandardFlowEnabled(false);
        rep.setImplicitFlowEnabled(false);
        rep.setDirectAccessGrantsEnabled(true);
        rep.setServiceAccountsEnabled(false);
        rep.setFullScopeAllowed(true);
        rep.setDefaultClientScopes(defaultScopes);
        rep.setOptionalClientScopes(List.of());
        Map<String, String> attributes = new LinkedHashMap<>(extraAttributes);
        rep.setAttributes(attributes);

        List<ClientRepresentation> existing = realm.clients().findByClientId(clientId);
        String id;
        if (existing.isEmpty()) {
            try (Response response = realm.clients().create(rep)) {
                if (response.getStatus() != 201 && response.getStatus() != 409) {
                    throw new IllegalStateException("could not create test client " + clientId + ": HTTP "
                            + response.getStatus() + " " + response.readEntity(String.class));
                }
            }
            id = realm.clients().findByClientId(clientId).get(0).getId();
        } else {
            id = existing.get(0).getId();
            rep.setId(id);
            realm.clients().get(id).update(rep);
        }
        // make the default scopes exactly the wanted ones (create may have added the realm defaults)
        ClientResource client = realm.clients().get(id);
        Set<String> current = client.getDefaultClientScopes().stream().map(ClientScopeRepresentation::getName)
                .collect(Collectors.toSet());
        for (String name : defaultScopes) {
            if (!current.contains(name)) {
                String scopeId = scopeIds.get(name);
                if (scopeId == null) {
                    throw new IllegalStateException("client scope " + name + " missing in realm " + TestInfrastructure.REALM);
                }
                client.addDefaultClientScope(scopeId);
            }
        }
        for (String name : current) {
            if (!defaultScopes.contains(name)) {
                client.removeDefaultClientScope(scopeIds.get(name));
            }
        }
        for (ClientScopeRepresentation optional : client.getOptionalClientScopes()) {
            client.removeOptionalClientScope(optional.getId());
        }
    }

    private RealmResource realm() {
        return admin().realm(TestInfrastructure.REALM);
    }

    private static ClientResource client(RealmResource realm, String clientId) {
        List<ClientRepresentation> found = realm.clients().findByClientId(clientId);
        if (found.isEmpty()) {
            throw new IllegalStateException("client " + clientId + " missing in realm " + TestInfrastructure.REALM);
        }
        return realm.clients().get(found.get(0).getId());
    }

    private RSAKey foreignKey(String kid) throws JOSEException {
        RSAKey key = foreignKey;
        if (key == null) {
            synchronized (this) {
                if (foreignKey == null) {
                    foreignKey = new RSAKeyGenerator(2048).keyID(kid).generate();
                }
                key = foreignKey;
            }
        }
        return key;
    }

    private static SignedJWT parse(String token) {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new IllegalStateException("Keycloak returned something that is not a signed JWT", e);
        }
    }

    private static com.nimbusds.jwt.JWTClaimsSet claims(SignedJWT token) {
        try {
            return token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant expiry(SignedJWT token) {
        return claims(token).getExpirationTime().toInstant();
    }

    private static boolean validFor(SignedJWT token, Duration remaining) {
        return expiry(token).isAfter(Instant.now().plus(remaining));
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
