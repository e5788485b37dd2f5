package cn.jiangmen.innovation.funding.domain;

import java.time.Instant;
import java.util.Set;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitAwardTest {

	static final String ORG = "7d1c2a8e-0000-4000-8000-000000000002";

	@Test
	void refusesForeignCurrencyAndNonPositiveAmountsNamingTheField() {
		assertThatThrownBy(() -> award("k", "major-projects", 2026, "r", ORG, "USD", 100L))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.extracting(FieldViolation::field)
				.containsExactly("amount.currency_code"));
		assertThatThrownBy(() -> award("k", "major-projects", 2026, "r", ORG, "CNY", 0L))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.extracting(FieldViolation::field)
				.containsExactly("amount.minor_units"));
		assertThatThrownBy(() -> award("k", "major-projects", 2026, "r", ORG, null, null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.extracting(FieldViolation::field)
				.containsExactly("amount"));
	}

	@Test
	void namesEveryBadFieldAtOnce() {
		assertThatThrownBy(() -> award("", " ", 1999, "", "nope", "EUR", -1L))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
						.containsExactly("idempotency_key", "budget_code", "fiscal_year", "award_reference",
								"recipient_organisation_id", "amount.currency_code", "amount.minor_units"));
	}

	@Test
	void aRetryIsTheSameRequestOnlyWithTheSameContent() {
		CommitAward request = award("k", "major-projects", 2026, "r", ORG, "CNY", 100L);
		Commitment commitment = Commitment.decide(CommitmentId.newId(), request, true, "svc", Instant.now());
		assertThat(commitment.isSameRequestAs(request)).isTrue();
		assertThat(commitment.isSameRequestAs(award("k", "major-projects", 2026, "r", ORG, "CNY", 101L)))
			.isFalse();
		assertThat(commitment.isSameRequestAs(award("k", "talent", 2026, "r", ORG, "CNY", 100L))).isFalse();
	}

	@Test
	void roles() {
		for (String role : Set.of("service", "program-manager", "finance-officer")) {
			assertThat(FundingAccess.mayCommitAwards(Caller.of(role, role))).as(role).isTrue();
		}
		for (String role : Set.of("finance-approver", "auditor", "applicant", "expert", "admin")) {
			assertThat(FundingAccess.mayCommitAwards(Caller.of(role, role))).as(role).isFalse();
		}
		assertThat(FundingAccess.mayReadBudgets(Caller.of("a", "auditor"))).isTrue();
		assertThat(FundingAccess.mayCheckReleases(Caller.of("a", "auditor"))).isFalse();
		assertThat(FundingAccess.mayCheckReleases(Caller.of("a", "finance-approver"))).isTrue();
		assertThat(FundingAccess.mayReadBudgets(Caller.of("a", "applicant"))).isFalse();
	}

	private static CommitAward award(String key, String code, int year, String reference, String org, String currency,
			Long minor) {
		return CommitAward.of(key, code, year, reference, org, currency, minor, null, java.util.List.of());
	}

}
