package cn.jiangmen.innovation.talent.domain;

/**
 * The host organisation (依托单位) as the application names it. In a draft the fields may be
 * missing; submission needs all three.
 */
public record HostOrganisation(String name, CreditCode creditCode, OrganisationKind kind) {

	public static final HostOrganisation EMPTY = new HostOrganisation(null, null, null);

}
