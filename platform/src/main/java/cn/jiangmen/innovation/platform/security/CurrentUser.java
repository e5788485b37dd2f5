package cn.jiangmen.innovation.platform.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller as the services see them: who, which roles, and (for applicants) which organisation.
 * Built from the JWT, never from request parameters, so per-object checks cannot be spoofed.
 */
public record CurrentUser(String subject, String username, Set<String> roles, Optional<UUID> organisationId,
		String accessToken) {

	/**
	 * Keycloak Organizations' membership claim ({@code organization} client scope, mapper
	 * {@code oidc-organization-membership-mapper} with "add organization id" and JSON type):
	 * {@code {"<alias>": {"id": "<uuid>"}}}.
	 */
	public static final String ORGANISATION_CLAIM = "organization";

	public static CurrentUser from(Authentication authentication) {
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			throw new IllegalStateException("Expected a JWT-authenticated caller, got " + authentication);
		}
		var jwt = token.getToken();
		Set<String> roles = token.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith(KeycloakRealmRoleConverter.ROLE_PREFIX))
			.map(a -> a.substring(KeycloakRealmRoleConverter.ROLE_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
		Optional<UUID> organisationId = organisationOf(jwt.getClaim(ORGANISATION_CLAIM));
		String username = jwt.getClaimAsString("preferred_username");
		return new CurrentUser(jwt.getSubject(), username != null ? username : jwt.getSubject(), roles,
				organisationId, jwt.getTokenValue());
	}

	/**
	 * The one organisation the claim names by id. No claim, a claim without ids (the mapper's
	 * plain list of aliases), a malformed id or more than one organisation all grant nothing: an
	 * applicant acts for exactly one host organisation (依托单位), never for a guessed one.
	 */
	static Optional<UUID> organisationOf(Object claim) {
		if (!(claim instanceof Map<?, ?> memberships) || memberships.size() != 1) {
			return Optional.empty();
		}
		Object membership = memberships.values().iterator().next();
		if (!(membership instanceof Map<?, ?> details) || !(details.get("id") instanceof String id)) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	public boolean hasAnyRole(String... candidates) {
		for (String candidate : candidates) {
			if (this.roles.contains(candidate)) {
				return true;
			}
		}
		return false;
	}

}
