package cn.jiangmen.innovation.portal.application;

import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.security.CurrentUser;
import cn.jiangmen.innovation.platform.security.Roles;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in person as the pages show them: a name to greet, their roles in a stable order and,
 * for applicants, the organisation they act for. Taken from the relayed access token only.
 *
 * @param displayName a Chinese name family name first (张卫国), else the {@code name} claim, else given +
 * family name, else the user name
 * @param username {@code preferred_username}
 * @param roles the user's realm roles that the portal knows, in {@link #KNOWN_ROLES} order
 * @param organisationName the name the organisation directory gives the token's organisation
 * (Keycloak Organizations' {@code organization} claim), when there is one and a directory was given
 */
public record PortalUser(String displayName, String username, List<String> roles,
		Optional<String> organisationName) {

	/** The roles with a home-page section, in the order the sections appear. */
	public static final List<String> KNOWN_ROLES = List.of(Roles.APPLICANT, Roles.EXPERT, Roles.PROGRAM_MANAGER,
			Roles.FINANCE_OFFICER, Roles.FINANCE_APPROVER, Roles.AUDITOR, Roles.ADMIN);

	/** Without the organisation's name (navigation and the layout need none). */
	private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}+");

	public static PortalUser from(Authentication authentication) {
		return from(authentication, null);
	}

	/** With the organisation's name from {@code directory} (none when {@code directory} is null). */
	public static PortalUser from(Authentication authentication, OrganisationDirectory directory) {
		CurrentUser user = CurrentUser.from(authentication);
		Jwt jwt = ((JwtAuthenticationToken) authentication).getToken();
		List<String> roles = KNOWN_ROLES.stream().filter(user::hasRole).toList();
		Optional<String> organisationName = directory == null ? Optional.empty()
				: user.organisationId().flatMap(directory::find).map(Organisation::name);
		return new PortalUser(displayName(jwt, user.username()), user.username(), roles, organisationName);
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	public boolean hasAnyRole(String... candidates) {
		for (String candidate : candidates) {
			if (hasRole(candidate)) {
				return true;
			}
		}
		return false;
	}

	private static String displayName(Jwt jwt, String username) {
		String given = blankToNull(jwt.getClaimAsString("given_name"));
		String family = blankToNull(jwt.getClaimAsString("family_name"));
		if (given != null && family != null && HAN.matcher(given + family).matches()) {
			// a Chinese name is family name first, without a space (张卫国), as the expert pool writes it;
			// Keycloak's name claim is always "given family"
			return family + given;
		}
		String name = blankToNull(jwt.getClaimAsString("name"));
		if (name != null) {
			return name;
		}
		if (given != null || family != null) {
			return String.join(" ", java.util.stream.Stream.of(given, family).filter(s -> s != null).toList());
		}
		return username;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
