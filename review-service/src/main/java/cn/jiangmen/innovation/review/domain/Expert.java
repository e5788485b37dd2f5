package cn.jiangmen.innovation.review.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import cn.jiangmen.innovation.platform.domain.PersonNameKey;

/**
 * An expert of the pool.
 *
 * @param id Keycloak subject
 * @param username Keycloak {@code preferred_username}
 * @param email where reminders go (may be blank: then only the portal notice)
 * @param personKey deprecated: a key the expert typed before they were recognised by name (defaults to
 *        the subject, which no owner sends); kept so profiles saved then still match
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

	/**
	 * The keys owners may know this expert by in {@code referenceYear}: their display name at each
	 * organisation they work at or left at most {@code windowYears} before (as owners send a team
	 * member's name key per organisation they know for them), plus the key typed in an older profile.
	 * Derived on every check, not stored, so a renamed expert or a changed profile counts at once.
	 */
	public Set<String> ownKeys(PersonNameKey keys, int referenceYear, int windowYears) {
		Set<String> own = new LinkedHashSet<>();
		own.add(this.personKey);
		for (Affiliation affiliation : this.affiliations) {
			if (affiliation.within(referenceYear, windowYears)) {
				keys.of(this.displayName, affiliation.organisationName()).ifPresent(own::add);
			}
		}
		return own;
	}

	public boolean matchesAnyField(Set<String> codes) {
		return codes.stream().anyMatch(this.fieldCodes::contains);
	}

	public long sharedFields(Set<String> codes) {
		return codes.stream().filter(this.fieldCodes::contains).count();
	}

}
