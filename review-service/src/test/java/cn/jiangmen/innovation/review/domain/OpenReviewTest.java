package cn.jiangmen.innovation.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenReviewTest {

	static final String ITEM = UUID.randomUUID().toString();

	static final String ORG = "7d1c2a8e-0000-4000-8000-000000000001";

	@Test
	void validRequestOpensAnItemAwaitingARound() {
		OpenReview request = OpenReview.of(" key-1 ", OwningContext.TALENT, ITEM, "  LED backlight team ",
				List.of("led-lighting"), List.of(ORG), Optional.of(Instant.parse("2026-03-01T08:00:00.123456789Z")));
		ReviewItem item = ReviewItem.open(request, "svc", Instant.parse("2026-03-02T00:00:00Z"));
		assertThat(item.state()).isEqualTo(ReviewState.AWAITING_ROUND);
		assertThat(item.title()).isEqualTo("LED backlight team");
		assertThat(item.idempotencyKey()).isEqualTo("key-1");
		assertThat(item.submittedAt()).contains(Instant.parse("2026-03-01T08:00:00.123456Z"));
		assertThat(item.isSameRequestAs(request)).isTrue();
	}

	@Test
	void organisationsCarryTheirNamesAndAnItemWithoutAnyNameKeepsNone() {
		OpenReview named = OpenReview.of("k", OwningContext.TALENT, ITEM, "A", List.of(),
				List.of(new OpenReview.OrganisationInput(ORG, " 江门市光电科技有限公司 ")), Optional.empty(), "", List.of());
		assertThat(ReviewItem.open(named, "svc", Instant.now()).organisationNames()).containsExactly("江门市光电科技有限公司");
		OpenReview unnamed = OpenReview.of("k", OwningContext.TALENT, ITEM, "A", List.of(),
				List.of(new OpenReview.OrganisationInput(ORG, " ")), Optional.empty(), "", List.of());
		assertThat(unnamed.organisationIds()).hasSize(1);
		assertThat(unnamed.organisationNames()).isEmpty();
		assertThatThrownBy(() -> OpenReview.of("k", OwningContext.TALENT, ITEM, "A", List.of(),
				List.of(new OpenReview.OrganisationInput(ORG, "x".repeat(201))), Optional.empty(), "", List.of()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
						.containsExactly("organisations[0].name"));
	}

	@Test
	void everyBadFieldIsNamedAtOnce() {
		assertThatThrownBy(() -> OpenReview.of(" ", null, "not-a-uuid", "", List.of(" "), List.of("x"),
				Optional.empty()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
						.containsExactly("idempotencyKey", "owningContext", "itemId", "title", "fieldCodes[0]",
								"organisations[0].id"));
		assertThatThrownBy(() -> OpenReview.of("k", OwningContext.PROJECT, ITEM, "x".repeat(301), List.of(), List.of(),
				Optional.empty()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field).containsExactly("title"));
	}

	@Test
	void sameKeyWithOtherContentIsNotTheSameRequest() {
		OpenReview first = OpenReview.of("k", OwningContext.TALENT, ITEM, "A", List.of(), List.of(), Optional.empty());
		ReviewItem item = ReviewItem.open(first, "svc", Instant.now());
		assertThat(item.isSameRequestAs(
				OpenReview.of("k", OwningContext.TALENT, ITEM, "B", List.of(), List.of(), Optional.empty())))
			.isFalse();
		assertThat(item.isSameRequestAs(
				OpenReview.of("k", OwningContext.PROJECT, ITEM, "A", List.of(), List.of(), Optional.empty())))
			.isFalse();
	}

	@Test
	void onlyManagersAndTheServiceOpenAndOnlyManagersAuditorsAndTheServiceSeeAll() {
		assertThat(ReviewAccess.mayOpenReviews(caller("service"))).isTrue();
		assertThat(ReviewAccess.mayOpenReviews(caller("program-manager"))).isTrue();
		assertThat(ReviewAccess.mayOpenReviews(caller("auditor"))).isFalse();
		assertThat(ReviewAccess.mayOpenReviews(caller("expert"))).isFalse();
		assertThat(ReviewAccess.mayOpenReviews(caller("applicant"))).isFalse();

		assertThat(ReviewAccess.seesAllItems(caller("auditor"))).isTrue();
		assertThat(ReviewAccess.seesAllItems(caller("expert"))).isFalse();
		assertThat(ReviewAccess.mayListItems(caller("expert"))).isTrue();
		assertThat(ReviewAccess.mayListItems(caller("applicant"))).isFalse();
		assertThat(ReviewAccess.mayListItems(caller("finance-officer"))).isFalse();
	}

	@Test
	void expertsDoNotSeeUnassignedItems() {
		ReviewItem item = ReviewItem.open(
				OpenReview.of("k", OwningContext.TALENT, ITEM, "A", List.of(), List.of(), Optional.empty()), "svc",
				Instant.now());
		assertThat(item.isVisibleTo(caller("expert"))).isFalse();
		assertThat(item.isVisibleTo(caller("program-manager"))).isTrue();
	}

	private static Caller caller(String role) {
		return Caller.of(role + "-user", role);
	}

}
