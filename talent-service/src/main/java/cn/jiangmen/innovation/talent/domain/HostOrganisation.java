package cn.jiangmen.innovation.talent.domain;

import cn.jiangmen.innovation.platform.organisation.Organisation;

/**
 * The host organisation (依托单位) as the application keeps it: a copy of the applicant's entry in
 * the organisation directory, taken on every save and kept as it was at submission, so a
 * submitted application's history does not change when the directory does. A kind the talent
 * programs do not host (a service agency ...) or a code that is not a valid 统一社会信用代码 stays
 * empty, and submission names it as missing.
 */
public record HostOrganisation(String name, CreditCode creditCode, OrganisationKind kind) {

	public static final HostOrganisation EMPTY = new HostOrganisation(null, null, null);

	public static HostOrganisation of(Organisation entry) {
		CreditCode code = null;
		try {
			code = entry.creditCode().isBlank() ? null : new CreditCode(entry.creditCode());
		}
		catch (IllegalArgumentException ex) {
			code = null;
		}
		OrganisationKind kind = switch (entry.kind()) {
			case ENTERPRISE -> OrganisationKind.ENTERPRISE;
			case UNIVERSITY -> OrganisationKind.UNIVERSITY;
			case INSTITUTE -> OrganisationKind.INSTITUTE;
			default -> null;
		};
		return new HostOrganisation(entry.name(), code, kind);
	}

}
