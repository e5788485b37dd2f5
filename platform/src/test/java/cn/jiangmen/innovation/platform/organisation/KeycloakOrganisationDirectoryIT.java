package cn.jiangmen.innovation.platform.organisation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.config.PlatformOrganisationAutoConfiguration;
import cn.jiangmen.innovation.platform.config.PlatformWebAutoConfiguration;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.platform.security.KeycloakRealmRoleConverter;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory as every service gets it (platform's auto-configuration, the realm's
 * {@code jiangmen-directory} service account) against the test Keycloak with the realm's organisations,
 * and the applicants' real tokens naming those organisations.
 */
class KeycloakOrganisationDirectoryIT {

	static final UUID OPTOELECTRONICS = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final UUID WUYI_UNIVERSITY = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002");

	static final UUID GDAS_JIANGMEN = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000004");

	static final TestInfrastructure INFRA = TestInfrastructure.get();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
				PlatformWebAutoConfiguration.class, PlatformOrganisationAutoConfiguration.class))
		.withPropertyValues("jiangmen.organisation-directory.admin-url=" + INFRA.keycloakUrl() + "/admin/realms/jiangmen",
				"spring.security.oauth2.client.registration.jiangmen-directory.provider=keycloak",
				"spring.security.oauth2.client.registration.jiangmen-directory.client-id=jiangmen-directory",
				"spring.security.oauth2.client.registration.jiangmen-directory.client-secret=directory-dev-secret",
				"spring.security.oauth2.client.registration.jiangmen-directory.authorization-grant-type=client_credentials",
				"spring.security.oauth2.client.provider.keycloak.token-uri=" + INFRA.issuerUri()
						+ "/protocol/openid-connect/token");

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void findsTheRealmsOrganisationsWithTheirAttributes() {
		this.runner.run(context -> {
			OrganisationDirectory directory = context.getBean(OrganisationDirectory.class);
			assertThat(directory.find(OPTOELECTRONICS)).contains(new Organisation(OPTOELECTRONICS, "江门市光电科技有限公司",
					"91440703MA4UJM0L1T", OrganisationKind.ENTERPRISE, "江门市蓬江区"));
			assertThat(directory.find(OPTOELECTRONICS).orElseThrow().isJiangmenEnterprise()).isTrue();
			Organisation wyu = directory.find(WUYI_UNIVERSITY).orElseThrow();
			assertThat(wyu.name()).isEqualTo("五邑大学");
			assertThat(wyu.kind()).isEqualTo(OrganisationKind.UNIVERSITY);
			assertThat(wyu.isResearchBody()).isTrue();
			assertThat(directory.find(GDAS_JIANGMEN).orElseThrow().kind()).isEqualTo(OrganisationKind.INSTITUTE);
			assertThat(directory.find(UUID.randomUUID())).isEmpty();
		});
	}

	@Test
	void findAllLeavesUnknownIdsOut() {
		this.runner.run(context -> {
			OrganisationDirectory directory = context.getBean(OrganisationDirectory.class);
			UUID unknown = UUID.randomUUID();
			assertThat(directory.findAll(List.of(OPTOELECTRONICS, unknown, WUYI_UNIVERSITY)))
				.containsOnlyKeys(OPTOELECTRONICS, WUYI_UNIVERSITY);
		});
	}

	@Test
	void searchesByPartOfTheNameInNameOrderWithALimit() {
		this.runner.run(context -> {
			OrganisationDirectory directory = context.getBean(OrganisationDirectory.class);
			assertThat(directory.search("大学", 10)).extracting(Organisation::name)
				.contains("五邑大学", "华南理工大学")
				.isSorted();
			assertThat(directory.search("江门", 2)).hasSize(2);
			assertThat(directory.search("研究院", 10)).extracting(Organisation::id).containsExactly(GDAS_JIANGMEN);
			assertThat(directory.search("no such organisation", 10)).isEmpty();
			assertThat(directory.search("", 100)).hasSizeGreaterThanOrEqualTo(10);
		});
	}

	/** Only the directory's own account reads organisations: the services' relayed tokens cannot. */
	@Test
	void theServicesAccountCannotReadTheOrganisationsApi() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(INFRA.keycloakUrl() + "/admin/realms/jiangmen/organizations"))
				.header("Authorization", "Bearer " + INFRA.tokens().serviceAccountToken())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void anApplicantsRealTokenNamesTheirOrganisationForTheCaller() {
		assertThat(callerOf("applicant1").organisationId()).contains(OPTOELECTRONICS);
		assertThat(callerOf("applicant2").organisationId()).contains(WUYI_UNIVERSITY);
		assertThat(callerOf("applicant2").isApplicantOf(OPTOELECTRONICS)).isFalse();
		assertThat(callerOf("expert1").organisationId()).isEmpty();
		assertThat(callerOf("manager").organisationId()).isEmpty();
	}

	private static Caller callerOf(String username) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoleConverter());
		converter.setPrincipalClaimName("preferred_username");
		var jwt = NimbusJwtDecoder.withIssuerLocation(INFRA.issuerUri()).build()
			.decode(INFRA.tokens().accessToken(username));
		SecurityContextHolder.getContext().setAuthentication(converter.convert(jwt));
		return Callers.current();
	}

}
