package cn.jiangmen.innovation.platform.organisation;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the organisation directory is read ({@code jiangmen.organisation-directory.*}): Keycloak's
 * Organizations admin API of the realm.
 *
 * @param adminUrl the realm's admin API, {@code <keycloak>/admin/realms/<realm>} (platform's
 * defaults derive it from {@code jiangmen.keycloak-url} and {@code jiangmen.realm})
 * @param clientRegistration the client-credentials registration whose service account may read
 * organisations ({@code jiangmen-directory}: its tokens go to Keycloak only)
 * @param cacheTtl how long one read of the whole directory is served before the next read: a new
 * or renamed organisation shows after at most this long
 * @param timeout connect and read timeout of one call to Keycloak
 * @param pageSize organisations per admin API page
 */
@ConfigurationProperties("jiangmen.organisation-directory")
public record OrganisationDirectoryProperties(URI adminUrl, @DefaultValue("jiangmen-directory") String clientRegistration,
		@DefaultValue("PT1M") Duration cacheTtl, @DefaultValue("PT5S") Duration timeout,
		@DefaultValue("100") int pageSize) {
}
