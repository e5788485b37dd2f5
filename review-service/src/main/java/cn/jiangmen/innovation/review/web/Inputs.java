package cn.jiangmen.innovation.review.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.review.domain.Criterion;
import cn.jiangmen.innovation.review.domain.OpenRound;
import cn.jiangmen.innovation.review.domain.OwningContext;
import cn.jiangmen.innovation.review.domain.ProfileInput;
import cn.jiangmen.innovation.review.domain.Rubric;

/** REST bodies to validated domain input; every bad field named at once. Shared with the portal-facing API. */
final class Inputs {

	private Inputs() {
	}

	static OpenRound openRound(RoundRequests.OpenRoundBody b, Instant now) {
		if (b == null) {
			throw new InvalidInputException("body", "required", "must not be empty");
		}
		OwningContext context = null;
		try {
			context = b.owningContext() == null ? null : OwningContext.valueOf(b.owningContext());
		}
		catch (IllegalArgumentException ex) {
			context = null;
		}
		return OpenRound.of(b.name(), context, b.reviewItemIds() == null ? List.of() : b.reviewItemIds(),
				() -> rubric(b.rubric()), Boolean.TRUE.equals(b.blind()), b.deadline(), RoundRequests.orZero(b.reviewersPerItem()),
				RoundRequests.orZero(b.maxItemsPerExpert()), RoundRequests.orZero(b.disagreementLimitHundredths()), now);
	}

	static Rubric rubric(RoundRequests.RubricBody r) {
		if (r == null) {
			throw new InvalidInputException("rubric", "required", "must be given");
		}
		List<Criterion> criteria = r.criteria() == null ? List.of()
				: r.criteria().stream().map(c -> new Criterion(c.code() == null ? "" : c.code(),
						c.name() == null ? "" : c.name(), RoundRequests.orZero(c.weightPercent()),
						RoundRequests.orZero(c.threshold()))).toList();
		return Rubric.of(criteria, RoundRequests.orZero(r.scaleMin()), RoundRequests.orZero(r.scaleMax()),
				RoundRequests.orZero(r.overallThresholdHundredths()), "rubric.");
	}

	static ProfileInput profile(RoundRequests.ExpertBody b) {
		if (b == null) {
			throw new InvalidInputException("body", "required", "must not be empty");
		}
		return new ProfileInput(b.displayName(), b.email(), b.personKey(), b.fieldCodes(),
				b.affiliations() == null ? null : b.affiliations()
					.stream()
					.map(a -> new ProfileInput.AffiliationInput(a.organisationId(), a.organisationName(), a.fromYear(),
							a.untilYear()))
					.toList(),
				b.coApplications() == null ? null : b.coApplications()
					.stream()
					.map(c -> new ProfileInput.CoApplicationInput(c.personKey(), c.year()))
					.toList(),
				b.relationships() == null ? null : b.relationships()
					.stream()
					.map(r -> new ProfileInput.RelationshipInput(r.kind(), r.reference(), r.note()))
					.toList());
	}

	static Map<String, Integer> orEmpty(Map<String, Integer> map) {
		return map == null ? Map.of() : map;
	}

	static long version(Long version) {
		if (version == null || version < 0) {
			throw new InvalidInputException("version", "required", "must be the version you read");
		}
		return version;
	}

}
