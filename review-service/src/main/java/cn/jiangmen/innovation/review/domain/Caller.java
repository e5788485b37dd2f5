package cn.jiangmen.innovation.review.domain;

import java.util.Set;

/**
 * Who is calling, as far as review rules care. Managers and auditors see every item; experts see
 * only items assigned to them (none until assignments exist); applicants never see reviews.
 */
public record Caller(String subject, String username, Set<String> roles) {

	static final Set<String> SEE_ALL = Set.of("program-manager", "auditor", "service");

	static final Set<String> MAY_OPEN = Set.of("program-manager", "service");

	public Caller {
		roles = Set.copyOf(roles);
	}

	/** A caller whose subject is their username (tests, service accounts). */
	public Caller(String username, Set<String> roles) {
		this(username, username, roles);
	}

	public ExpertId expertId() {
		return new ExpertId(this.subject);
	}

	public boolean isManager() {
		return this.roles.contains("program-manager");
	}

	/** Managers, auditors and the service account see rounds, conflicts and results. */
	public boolean overseesRounds() {
		return seesAllItems();
	}

	public boolean seesAllItems() {
		return this.roles.stream().anyMatch(SEE_ALL::contains);
	}

	public boolean isExpert() {
		return this.roles.contains("expert");
	}

	/** Whether the caller may look at review items at all (the list may still be empty). */
	public boolean mayListItems() {
		return seesAllItems() || isExpert();
	}

	public boolean mayOpenReviews() {
		return this.roles.stream().anyMatch(MAY_OPEN::contains);
	}

}
