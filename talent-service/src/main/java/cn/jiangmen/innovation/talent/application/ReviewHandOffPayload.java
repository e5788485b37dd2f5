package cn.jiangmen.innovation.talent.application;

import java.util.List;

import cn.jiangmen.innovation.talent.domain.ReviewHandOff;

/** The outbox payload of a hand-off to review-service, as JSON-friendly values. */
public record ReviewHandOffPayload(String applicationId, String title, List<String> fieldCodes,
		List<String> organisationIds, List<String> organisationNames, String submittedAt, String leaderPersonKey,
		List<String> memberPersonKeys, List<String> leaderNameKeys) {

	public ReviewHandOffPayload {
		// messages written before names (and name keys) were sent have none
		organisationNames = organisationNames == null ? List.of() : organisationNames;
		leaderNameKeys = leaderNameKeys == null ? List.of() : leaderNameKeys;
	}

	static ReviewHandOffPayload of(ReviewHandOff handOff) {
		return new ReviewHandOffPayload(handOff.applicationId().toString(), handOff.title(), handOff.fieldCodes(),
				handOff.organisationIds(), handOff.organisationNames(), handOff.submittedAt() == null ? null : handOff.submittedAt().toString(),
				handOff.leaderPersonKey(), handOff.memberPersonKeys(), handOff.leaderNameKeys());
	}

}
