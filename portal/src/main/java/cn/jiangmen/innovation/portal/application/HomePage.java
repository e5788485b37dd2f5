package cn.jiangmen.innovation.portal.application;

import java.util.List;

import cn.jiangmen.innovation.platform.security.Roles;

/**
 * What the home page shows: one section per role the user holds, in a fixed order. A section
 * names its role (for the heading and anchor); the template fills it with that role's links, each
 * to a page that works. Roles whose pages do not exist yet (admin) get no section: a card
 * that leads nowhere only costs the reader a click.
 *
 * @param user who is signed in
 * @param sections the sections to show, one per role with pages
 */
public record HomePage(PortalUser user, List<Section> sections) {

	public enum Section {

		APPLICANT("applicant"), EXPERT("expert"), PROGRAM_MANAGER("manager"), FINANCE("finance"), AUDITOR("auditor"),
		ADMIN("admin");

		private final String anchor;

		Section(String anchor) {
			this.anchor = anchor;
		}

		public String anchor() {
			return this.anchor;
		}

	}

	public static HomePage of(PortalUser user) {
		List<Section> sections = new java.util.ArrayList<>();
		if (user.hasRole(Roles.APPLICANT)) {
			sections.add(Section.APPLICANT);
		}
		if (user.hasRole(Roles.EXPERT)) {
			sections.add(Section.EXPERT);
		}
		if (user.hasRole(Roles.PROGRAM_MANAGER)) {
			sections.add(Section.PROGRAM_MANAGER);
		}
		if (user.hasAnyRole(Roles.FINANCE_OFFICER, Roles.FINANCE_APPROVER)) {
			sections.add(Section.FINANCE);
		}
		if (user.hasRole(Roles.AUDITOR)) {
			sections.add(Section.AUDITOR);
		}
		if (user.hasRole(Roles.ADMIN)) {
			sections.add(Section.ADMIN);
		}
		return new HomePage(user, List.copyOf(sections));
	}

	public boolean shows(String section) {
		return this.sections.stream().anyMatch(s -> s.name().equals(section));
	}

	/** A signed-in user with none of the suite's roles: the page says whom to ask. */
	public boolean noRole() {
		return this.user.roles().isEmpty();
	}

	/** Roles held, but none has pages yet: the page says so instead of showing cards. */
	public boolean noWork() {
		return this.sections.isEmpty() && !noRole();
	}

}
