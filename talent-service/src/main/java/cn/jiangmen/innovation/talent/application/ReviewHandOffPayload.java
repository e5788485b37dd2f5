package cn.jiangmen.innovation.talent.application;

import java.util.List;

import cn.jiangmen.innovation.talent.domain.ReviewHandOff;

/** The outbox payload of a hand-off to review-service, as JSON-friendly values. */
public record ReviewHandOffPayload(String applicationId, String title, List<String> fieldCodes,
		List<String> organisationIds, String submittedAt, String leaderPersonKey, List<String> memberPersonKeys) {

	static ReviewHandOffPayload of(ReviewHandOff handOff) {
		return new ReviewHandOffPayload(handOff.applicationId().toString(), handOff.title(), handOff.fieldCodes(),
				handOff.organisationIds(), handOff.submittedAt() == null ? null : handOff.submittedAt().toString(),
				handOff.leaderPersonKey(), handOff.memberPersonKeys());
	}

}
