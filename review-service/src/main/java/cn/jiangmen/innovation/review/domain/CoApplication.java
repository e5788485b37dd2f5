package cn.jiangmen.innovation.review.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The expert applied for funding together with a person in a year. The person is given by name and
 * organisation (from the directory), and {@code personKey} is derived from them
 * ({@code PersonNameKey}); profiles saved before that carry only the key the expert typed, with no
 * name and no organisation, and are matched by that key.
 */
public record CoApplication(String personKey, int year, String personName, UUID organisationId,
		String organisationName) {

	public CoApplication {
		Objects.requireNonNull(personKey, "personKey");
		personName = personName == null ? "" : personName;
		organisationName = organisationName == null ? "" : organisationName;
	}

	/** As typed before people were given by name: a bare key. */
	public CoApplication(String personKey, int year) {
		this(personKey, year, "", null, "");
	}

	/** Whether the person was given by name (and the key derived) rather than as a typed key. */
	public boolean byName() {
		return !this.personName.isEmpty();
	}

}
