package cn.jiangmen.innovation.funding.domain.instrument;

import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;

/**
 * Who may do what with the instruments (vouchers, post-subsidies, interest subsidies). Four eyes
 * on money stays {@code FundingAccess.mayDecide}; these are the roles around it.
 */
public final class InstrumentAccess {

	static final Set<String> READS_ALL = Set.of("program-manager", "finance-officer", "finance-approver", "auditor");

	private InstrumentAccess() {
	}

	/** Rules per year, the provider register, issuing vouchers, reviewing claims: program managers. */
	public static boolean mayManage(Caller caller) {
		return caller.hasRole("program-manager");
	}

	public static boolean mayReadRules(Caller caller) {
		return caller.hasAnyRole(READS_ALL) || caller.hasRole("applicant");
	}

	/** Bureau staff and auditors read every voucher and claim; an applicant those of their organisation. */
	public static boolean mayRead(Caller caller, UUID organisation) {
		return caller.hasAnyRole(READS_ALL) || caller.isApplicantOf(organisation);
	}

	/** A provider sees the vouchers redeemed with it (服务机构). */
	public static boolean mayReadAsProvider(Caller caller, UUID provider) {
		return provider != null && caller.isApplicantOf(provider);
	}

}
