package cn.jiangmen.innovation.funding.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Four eyes by subject, and who reads which award. */
class FundingAccessTest {

	static final UUID ORG = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	@Test
	void holdingBothRolesDoesNotLetTheMakerDecide() {
		Caller both = new Caller("sub-1", "officer", Set.of("finance-officer", "finance-approver"), Optional.empty());
		assertThat(FundingAccess.mayDecide(both, "sub-1")).isFalse();
		assertThat(FundingAccess.mayDecide(both, "sub-2")).isTrue();
	}

	@Test
	void subjectsNotUsernamesDecide() {
		Caller renamed = new Caller("sub-1", "someone-else", Set.of("finance-approver"), Optional.empty());
		assertThat(FundingAccess.mayDecide(renamed, "sub-1")).as("same subject, other username").isFalse();
		Caller sameName = new Caller("sub-9", "officer", Set.of("finance-approver"), Optional.empty());
		assertThat(FundingAccess.mayDecide(sameName, "sub-1")).as("other subject, same username").isTrue();
		assertThat(FundingAccess.mayDecide(Caller.of("sub-3", "finance-officer"), "sub-1")).as("no checker role").isFalse();
		assertThat(FundingAccess.mayDecide(Caller.of("sub-3", "finance-approver"), null)).as("nothing prepared").isFalse();
	}

	@Test
	void applicantsReadOnlyTheirOrganisationsAwards() {
		Caller own = new Caller("a", "applicant1", Set.of("applicant"), Optional.of(ORG));
		Caller other = new Caller("b", "applicant2", Set.of("applicant"), Optional.of(UUID.randomUUID()));
		assertThat(FundingAccess.mayReadAward(own, ORG)).isTrue();
		assertThat(FundingAccess.mayReadAward(other, ORG)).isFalse();
		for (String role : Set.of("finance-officer", "finance-approver", "program-manager", "auditor")) {
			assertThat(FundingAccess.mayReadAward(Caller.of(role, role), ORG)).as(role).isTrue();
		}
		assertThat(FundingAccess.mayReadAward(Caller.of("expert1", "expert"), ORG)).isFalse();
	}

}
