package cn.jiangmen.innovation.platform.security;

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

	public static final String ORGANISATION_CLAIM = "organisation_id";

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
		String organisation = jwt.getClaimAsString(ORGANISATION_CLAIM);
		Optional<UUID> organisationId = Optional.empty();
		if (organisation != null && !organisation.isBlank()) {
			try {
				organisationId = Optional.of(UUID.fromString(organisation));
			}
			catch (IllegalArgumentException ex) {
				// A malformed claim grants nothing: the caller simply has no organisation.
				organisationId = Optional.empty();
			}
		}
		String username = jwt.getClaimAsString("preferred_username");
		return new CurrentUser(jwt.getSubject(), username != null ? username : jwt.getSubject(), roles,
				organisationId, jwt.getTokenValue());
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
