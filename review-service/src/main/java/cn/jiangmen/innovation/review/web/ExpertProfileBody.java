package cn.jiangmen.innovation.review.web;

import java.util.List;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.review.domain.ProfileInput;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An expert profile as sent over REST: mapped to the domain's {@link ProfileInput}, the one checked
 * input of both adapters, which names bad fields by the same camelCase paths as here.
 *
 * @param username only when a manager saves someone's profile; an expert's own comes from the token
 */
record ExpertProfileBody(String username, String displayName, String email, String personKey,
		List<String> fieldCodes, List<AffiliationBody> affiliations, List<CoApplicationBody> coApplications,
		List<RelationshipBody> relationships) {

	/** @param untilYear absent while the expert still works there */
	record AffiliationBody(String organisationId, String organisationName, Integer fromYear, Integer untilYear) {
	}

	/**
	 * @param personKey deprecated: a key typed before people were given by name; read only when
	 * {@code personName} is absent
	 * @param organisationId the person's organisation in the directory, named {@code organisationName}
	 */
	record CoApplicationBody(String personKey, Integer year, String personName, String organisationId,
			String organisationName) {
	}

	/**
	 * @param reference ORGANISATION: the organisation's id; PERSON: deprecated, a key typed before people
	 * were given by name, read only when {@code personName} is absent
	 * @param personName PERSON: the person's name, at {@code organisationId} / {@code organisationName}
	 */
	record RelationshipBody(@Schema(allowableValues = { "PERSON", "ORGANISATION" }) String kind, String reference,
			String note, String personName, String organisationId, String organisationName) {
	}

	static ProfileInput toDomain(ExpertProfileBody body) {
		if (body == null) {
			throw new InvalidInputException("body", "required", "must not be empty");
		}
		return body.toDomain();
	}

	ProfileInput toDomain() {
		return new ProfileInput(this.displayName, this.email, this.personKey, this.fieldCodes,
				this.affiliations == null ? null : this.affiliations.stream()
					.map(a -> new ProfileInput.AffiliationInput(a.organisationId(), a.organisationName(), a.fromYear(),
							a.untilYear()))
					.toList(),
				this.coApplications == null ? null : this.coApplications.stream()
					.map(c -> new ProfileInput.CoApplicationInput(c.personKey(), c.year(), c.personName(),
							c.organisationId(), c.organisationName()))
					.toList(),
				this.relationships == null ? null : this.relationships.stream()
					.map(r -> new ProfileInput.RelationshipInput(r.kind(), r.reference(), r.note(), r.personName(),
							r.organisationId(), r.organisationName()))
					.toList());
	}

}
