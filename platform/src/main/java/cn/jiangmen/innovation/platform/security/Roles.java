package cn.jiangmen.innovation.platform.security;

/** The realm roles of DESIGN.md, as names usable in {@code hasRole(...)}. */
public final class Roles {

	public static final String APPLICANT = "applicant";
	public static final String EXPERT = "expert";
	public static final String PROGRAM_MANAGER = "program-manager";
	public static final String FINANCE_OFFICER = "finance-officer";
	public static final String FINANCE_APPROVER = "finance-approver";
	public static final String AUDITOR = "auditor";
	public static final String ADMIN = "admin";
	/** The service account, for calls no user makes. */
	public static final String SERVICE = "service";

	private Roles() {
	}

}
