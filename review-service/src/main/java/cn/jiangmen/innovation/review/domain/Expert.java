package cn.jiangmen.innovation.review.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An expert of the pool.
 *
 * @param id Keycloak subject
 * @param username Keycloak {@code preferred_username}
 * @param email where reminders go (may be blank: then only the portal notice)
 * @param personKey how owning services identify this person on teams (defaults to the subject)
 * @param fieldCodes fields of expertise (priority field codes)
 * @param affiliations current and past organisations with years
 * @param coApplications past joint applications with other persons
 * @param relationships declared relationships
 */
public record Expert(ExpertId id, String username, String displayName, String email, String personKey,
		Set<String> fieldCodes, List<Affiliation> affiliations, List<CoApplication> coApplications,
		List<DeclaredRelationship> relationships) {

	public Expert {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(username, "username");
		displayName = displayName == null || displayName.isBlank() ? username : displayName;
		email = email == null ? "" : email;
		personKey = personKey == null || personKey.isBlank() ? id.subject() : personKey;
		fieldCodes = Set.copyOf(fieldCodes);
		affiliations = List.copyOf(affiliations);
		coApplications = List.copyOf(coApplications);
		relationships = List.copyOf(relationships);
	}

	public boolean matchesAnyField(Set<String> codes) {
		return codes.stream().anyMatch(this.fieldCodes::contains);
	}

	public long sharedFields(Set<String> codes) {
		return codes.stream().filter(this.fieldCodes::contains).count();
	}

}
