package cn.jiangmen.innovation.review.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.review.domain.Affiliation;
import cn.jiangmen.innovation.review.domain.CoApplication;
import cn.jiangmen.innovation.review.domain.Criterion;
import cn.jiangmen.innovation.review.domain.DeclaredRelationship;
import cn.jiangmen.innovation.review.domain.Expert;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.OpenRound;
import cn.jiangmen.innovation.review.domain.OwningContext;
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

	static Expert expert(ExpertId id, String username, RoundRequests.ExpertBody b) {
		List<FieldViolation> violations = new ArrayList<>();
		if (b == null) {
			throw new InvalidInputException("body", "required", "must not be empty");
		}
		if (username == null || username.isBlank() || username.length() > 200) {
			violations.add(new FieldViolation("username", "required", "must be 1 to 200 characters"));
		}
		if (b.email() != null && !b.email().isBlank() && (b.email().length() > 320 || !b.email().contains("@"))) {
			violations.add(new FieldViolation("email", "malformed", "must be an e-mail address"));
		}
		List<String> fields = b.fieldCodes() == null ? List.of() : b.fieldCodes();
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i) == null || fields.get(i).isBlank() || fields.get(i).length() > 64) {
				violations.add(new FieldViolation("field_codes[" + i + "]", "malformed", "must be 1 to 64 characters"));
			}
		}
		List<Affiliation> affiliations = new ArrayList<>();
		List<RoundRequests.AffiliationBody> as = b.affiliations() == null ? List.of() : b.affiliations();
		for (int i = 0; i < as.size(); i++) {
			RoundRequests.AffiliationBody a = as.get(i);
			try {
				affiliations.add(new Affiliation(UUID.fromString(a.organisationId()),
						a.organisationName() == null ? "" : a.organisationName(), RoundRequests.orZero(a.fromYear()),
						a.untilYear() == null ? OptionalInt.empty() : OptionalInt.of(a.untilYear())));
			}
			catch (RuntimeException ex) {
				violations.add(new FieldViolation("affiliations[" + i + "]", "malformed",
						"needs an organisation UUID and until_year not before from_year"));
			}
		}
		List<CoApplication> co = new ArrayList<>();
		List<RoundRequests.CoApplicationBody> cs = b.coApplications() == null ? List.of() : b.coApplications();
		for (int i = 0; i < cs.size(); i++) {
			if (cs.get(i).personKey() == null || cs.get(i).personKey().isBlank()) {
				violations.add(new FieldViolation("co_applications[" + i + "].person_key", "required", "must not be blank"));
			}
			else {
				co.add(new CoApplication(cs.get(i).personKey().strip(), RoundRequests.orZero(cs.get(i).year())));
			}
		}
		List<DeclaredRelationship> rel = new ArrayList<>();
		List<RoundRequests.RelationshipBody> rs = b.relationships() == null ? List.of() : b.relationships();
		for (int i = 0; i < rs.size(); i++) {
			try {
				rel.add(new DeclaredRelationship(DeclaredRelationship.Kind.valueOf(rs.get(i).kind()),
						rs.get(i).reference().strip(), rs.get(i).note()));
			}
			catch (RuntimeException ex) {
				violations.add(new FieldViolation("relationships[" + i + "]", "malformed",
						"needs kind PERSON or ORGANISATION and a reference"));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new Expert(id, username, b.displayName(), b.email(), b.personKey(), Set.copyOf(fields), affiliations, co,
				rel);
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
