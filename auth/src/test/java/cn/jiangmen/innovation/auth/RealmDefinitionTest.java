package cn.jiangmen.innovation.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks the realm file as shipped on the classpath: what every service and test relies on.
 * (That Keycloak actually imports it and issues the claims is proven by test-support's
 * TestInfrastructureIT against a real Keycloak.)
 */
class RealmDefinitionTest {

    private static final String REALM_RESOURCE = "/realm/jiangmen-realm.json";
    private static final Set<String> ROLES = Set.of("applicant", "expert", "program-manager", "finance-officer",
            "finance-approver", "auditor", "admin", "service");

    private static Map<String, Object> realm;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        try (InputStream in = RealmDefinitionTest.class.getResourceAsStream(REALM_RESOURCE)) {
            assertThat(in).as("classpath resource " + REALM_RESOURCE).isNotNull();
            realm = new ObjectMapper().readValue(in, Map.class);
        }
    }

    @Test
    void realmSettings() {
        assertThat(realm.get("realm")).isEqualTo("jiangmen");
        assertThat(realm.get("enabled")).isEqualTo(true);
        assertThat(realm.get("accessTokenLifespan")).isEqualTo(300);
        assertThat(realm.get("ssoSessionIdleTimeout")).isEqualTo(1800);
        assertThat(realm.get("ssoSessionMaxLifespan")).isEqualTo(36000);
        assertThat(realm.get("bruteForceProtected")).isEqualTo(true);
        assertThat(realm.get("registrationAllowed")).isEqualTo(false);
    }

    @Test
    void passwordPolicyAllowsTheDevPassword() {
        String policy = (String) realm.getOrDefault("passwordPolicy", "");
        Matcher length = Pattern.compile("(?<![a-zA-Z])length\\((\\d+)\\)").matcher(policy);
        if (length.find()) {
            assertThat(Integer.parseInt(length.group(1))).isLessThanOrEqualTo("demo".length());
        }
        assertThat(policy).doesNotContain("digits(", "upperCase(", "specialChars(", "passwordHistory(");
    }

    @Test
    void allRealmRoles() {
        Set<String> names = list(map(realm.get("roles")).get("realm")).stream()
                .map(r -> (String) map(r).get("name")).collect(Collectors.toSet());
        assertThat(names).containsAll(ROLES);
    }

    @Test
    void gatewayClientIsConfidentialAuthorizationCodeWithPkce() {
        Map<String, Object> gateway = client("jiangmen-gateway");
        assertThat(gateway.get("publicClient")).isEqualTo(false);
        assertThat(gateway.get("bearerOnly")).isEqualTo(false);
        assertThat(gateway.get("secret")).isEqualTo("gateway-dev-secret");
        assertThat(gateway.get("standardFlowEnabled")).isEqualTo(true);
        assertThat(gateway.get("implicitFlowEnabled")).isEqualTo(false);
        assertThat(gateway.get("directAccessGrantsEnabled")).isEqualTo(false);
        assertThat(gateway.get("serviceAccountsEnabled")).isEqualTo(false);
        assertThat(gateway.get("frontchannelLogout")).isEqualTo(false);
        assertThat(list(gateway.get("redirectUris")))
                .containsExactly("http://localhost:8080/login/oauth2/code/keycloak");
        assertThat(list(gateway.get("webOrigins"))).containsExactly("http://localhost:8080");
        Map<String, Object> attributes = map(gateway.get("attributes"));
        assertThat(attributes.get("pkce.code.challenge.method")).isEqualTo("S256");
        assertThat(attributes.get("post.logout.redirect.uris")).isEqualTo("http://localhost:8080/*");
        assertThat(list(gateway.get("defaultClientScopes")))
                .contains("jiangmen-api-audience", "organization", "jiangmen-realm-roles", "profile", "basic")
                // Keycloak's own roles scope would add client roles and the account audience
                .doesNotContain("roles");
    }

    @Test
    void servicesClientIsClientCredentialsOnlyWithRoleService() {
        Map<String, Object> services = client("jiangmen-services");
        assertThat(services.get("publicClient")).isEqualTo(false);
        assertThat(services.get("secret")).isEqualTo("services-dev-secret");
        assertThat(services.get("serviceAccountsEnabled")).isEqualTo(true);
        assertThat(services.get("standardFlowEnabled")).isEqualTo(false);
        assertThat(services.get("implicitFlowEnabled")).isEqualTo(false);
        assertThat(services.get("directAccessGrantsEnabled")).isEqualTo(false);
        assertThat(list(services.get("defaultClientScopes"))).contains("jiangmen-api-audience", "jiangmen-realm-roles")
                .doesNotContain("roles");

        Map<String, Object> serviceAccount = users().stream()
                .filter(u -> "jiangmen-services".equals(u.get("serviceAccountClientId")))
                .findFirst().orElseThrow(() -> new AssertionError("no service-account user for jiangmen-services"));
        assertThat(serviceAccount.get("username")).isEqualTo("service-account-jiangmen-services");
        assertThat(list(serviceAccount.get("realmRoles"))).contains("service");
    }

    @Test
    void apiClientHasNoFlows() {
        Map<String, Object> api = client("jiangmen-api");
        assertThat(api.get("standardFlowEnabled")).isEqualTo(false);
        assertThat(api.get("implicitFlowEnabled")).isEqualTo(false);
        assertThat(api.get("directAccessGrantsEnabled")).isEqualTo(false);
        assertThat(api.get("serviceAccountsEnabled")).isEqualTo(false);
        assertThat(api.get("publicClient")).isEqualTo(false);
    }

    @Test
    void audienceScopeAddsJiangmenApiToAccessTokens() {
        Map<String, Object> mapper = mappers(clientScope("jiangmen-api-audience")).stream()
                .filter(m -> "oidc-audience-mapper".equals(m.get("protocolMapper")))
                .findFirst().orElseThrow(() -> new AssertionError("no oidc-audience-mapper"));
        Map<String, Object> config = map(mapper.get("config"));
        assertThat(config.get("included.client.audience")).isEqualTo("jiangmen-api");
        assertThat(config.get("access.token.claim")).isEqualTo("true");
    }

    @Test
    void organisationMembershipIsTheOrganizationClaimWithIds() {
        assertThat(realm.get("organizationsEnabled")).isEqualTo(true);
        Map<String, Object> mapper = mappers(clientScope("organization")).stream()
                .filter(m -> "oidc-organization-membership-mapper".equals(m.get("protocolMapper")))
                .findFirst().orElseThrow(() -> new AssertionError("no oidc-organization-membership-mapper"));
        assertThat(map(mapper.get("config"))).containsEntry("claim.name", "organization")
                .containsEntry("jsonType.label", "JSON")
                .containsEntry("addOrganizationId", "true")
                .containsEntry("access.token.claim", "true");
        // the mapper answers only when the scope string names "organization"
        assertThat(map(clientScope("organization").get("attributes"))).containsEntry("include.in.token.scope", "true");
        // the old user attributes are gone: nothing can name an organisation but membership
        Map<String, Object> components = map(realm.get("components"));
        String profileJson = (String) list(map(map(list(components.get("org.keycloak.userprofile.UserProfileProvider")).get(0))
                .get("config")).get("kc.user.profile.config")).get(0);
        assertThat(profileJson).doesNotContain("organisation_id", "organisation_name");
        assertThat(clientScopeNames()).doesNotContain("jiangmen-organisation");
    }

    @Test
    void organisationsCarryCreditCodeKindAndCity() {
        List<Map<String, Object>> organisations = list(realm.get("organizations")).stream().map(RealmDefinitionTest::map)
                .toList();
        assertThat(organisations).hasSizeGreaterThanOrEqualTo(10);
        Set<String> kinds = Set.of("ENTERPRISE", "UNIVERSITY", "INSTITUTE", "SERVICE_AGENCY", "OTHER");
        for (Map<String, Object> organisation : organisations) {
            Map<String, Object> attributes = map(organisation.get("attributes"));
            assertThat(kinds).as((String) organisation.get("name")).containsAll(strings(attributes.get("kind")));
            assertThat(strings(attributes.get("city"))).as((String) organisation.get("name")).hasSize(1);
        }
        assertThat(organisations).extracting(o -> map(o.get("attributes")).get("kind")).contains(List.of("ENTERPRISE"),
                List.of("UNIVERSITY"), List.of("INSTITUTE"), List.of("SERVICE_AGENCY"));
    }

    @Test
    void directoryClientAloneMayReadOrganisations() {
        Map<String, Object> directory = client("jiangmen-directory");
        assertThat(directory.get("serviceAccountsEnabled")).isEqualTo(true);
        assertThat(directory.get("standardFlowEnabled")).isEqualTo(false);
        assertThat(directory.get("directAccessGrantsEnabled")).isEqualTo(false);
        Map<String, Object> account = users().stream()
                .filter(u -> "jiangmen-directory".equals(u.get("serviceAccountClientId")))
                .findFirst().orElseThrow(() -> new AssertionError("no service-account user for jiangmen-directory"));
        assertThat(map(account.get("clientRoles"))).containsOnlyKeys("realm-management");
        assertThat(list(map(account.get("clientRoles")).get("realm-management"))).containsExactly("manage-realm");
        Map<String, Object> services = users().stream()
                .filter(u -> "jiangmen-services".equals(u.get("serviceAccountClientId"))).findFirst().orElseThrow();
        assertThat(services.get("clientRoles")).isNull();
    }

    private static Set<String> clientScopeNames() {
        return list(realm.get("clientScopes")).stream().map(s -> (String) map(s).get("name")).collect(Collectors.toSet());
    }

    @Test
    void everyReferencedClientScopeIsDefined() {
        // a realm file that defines clientScopes replaces Keycloak's built-in ones: all must be present
        Set<String> defined = list(realm.get("clientScopes")).stream()
                .map(s -> (String) map(s).get("name")).collect(Collectors.toSet());
        assertThat(defined).contains("basic", "profile", "email", "roles", "web-origins", "acr",
                "jiangmen-api-audience", "organization");
        assertThat(defined).containsAll(strings(realm.get("defaultDefaultClientScopes")));
        assertThat(defined).containsAll(strings(realm.get("defaultOptionalClientScopes")));
        for (Object c : list(realm.get("clients"))) {
            assertThat(defined).containsAll(strings(map(c).getOrDefault("defaultClientScopes", List.of())));
            assertThat(defined).containsAll(strings(map(c).getOrDefault("optionalClientScopes", List.of())));
        }
    }

    @Test
    void demoUsers() {
        Map<String, String> expectedRoles = new java.util.LinkedHashMap<>();
        expectedRoles.put("applicant1", "applicant");
        expectedRoles.put("applicant2", "applicant");
        for (int i = 1; i <= 5; i++) {
            expectedRoles.put("expert" + i, "expert");
        }
        expectedRoles.put("manager", "program-manager");
        expectedRoles.put("officer", "finance-officer");
        expectedRoles.put("approver", "finance-approver");
        expectedRoles.put("auditor", "auditor");
        expectedRoles.put("admin", "admin");

        Map<String, Map<String, Object>> byName = users().stream()
                .collect(Collectors.toMap(u -> (String) u.get("username"), u -> u));
        expectedRoles.forEach((username, role) -> {
            Map<String, Object> user = byName.get(username);
            assertThat(user).as(username).isNotNull();
            assertThat(user.get("enabled")).as(username).isEqualTo(true);
            assertThat(user.get("emailVerified")).as(username).isEqualTo(true);
            assertThat(user.get("email")).as(username).isEqualTo(username + "@demo.jiangmen.local");
            assertThat((String) user.get("firstName")).as(username).isNotBlank();
            assertThat((String) user.get("lastName")).as(username).isNotBlank();
            assertThat(list(user.get("realmRoles"))).as(username).contains(role);
            assertThat(list(user.getOrDefault("requiredActions", List.of()))).as(username).isEmpty();
            Map<String, Object> credential = map(list(user.get("credentials")).get(0));
            assertThat(credential).as(username).containsEntry("type", "password")
                    .containsEntry("value", "demo").containsEntry("temporary", false);
        });

        assertOrganisation(byName.get("applicant1"), "7d1c2a8e-0000-4000-8000-000000000001", "江门市光电科技有限公司");
        assertOrganisation(byName.get("applicant2"), "7d1c2a8e-0000-4000-8000-000000000002", "五邑大学");
    }

    private static void assertOrganisation(Map<String, Object> user, String id, String name) {
        assertThat(user.get("attributes")).as("no organisation user attributes").isNull();
        Map<String, Object> organisation = list(realm.get("organizations")).stream().map(RealmDefinitionTest::map)
                .filter(o -> id.equals(o.get("id"))).findFirst().orElseThrow(() -> new AssertionError("no organisation " + id));
        assertThat(organisation.get("name")).isEqualTo(name);
        assertThat(list(organisation.get("members"))).extracting(m -> map(m).get("username"))
                .containsExactly(user.get("username"));
    }

    private static Map<String, Object> client(String clientId) {
        return list(realm.get("clients")).stream().map(RealmDefinitionTest::map)
                .filter(c -> clientId.equals(c.get("clientId")))
                .findFirst().orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private static Map<String, Object> clientScope(String name) {
        return list(realm.get("clientScopes")).stream().map(RealmDefinitionTest::map)
                .filter(c -> name.equals(c.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no client scope " + name));
    }

    private static List<Map<String, Object>> mappers(Map<String, Object> owner) {
        return list(owner.get("protocolMappers")).stream().map(RealmDefinitionTest::map).toList();
    }

    private static List<Map<String, Object>> users() {
        return list(realm.get("users")).stream().map(RealmDefinitionTest::map).toList();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
