package cn.jiangmen.innovation.portal.finance;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaimQueue;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyKind;

/**
 * The finance inbox's tabs over subsidy claims (the same names as over tranches) and its filters:
 * the instrument and the fiscal year. A filter the page cannot read shows every claim of the tab
 * rather than an error: it only narrows a list.
 */
final class ClaimQueues {

	static final Map<String, SubsidyClaimQueue> TABS = Map.of("prepare", SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_TO_PREPARE,
			"approve", SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_TO_APPROVE, "rejected",
			SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_REJECTED);

	static final Map<String, SubsidyKind> KINDS = new LinkedHashMap<>();

	static {
		KINDS.put("post-subsidy", SubsidyKind.SUBSIDY_KIND_POST_SUBSIDY);
		KINDS.put("interest-subsidy", SubsidyKind.SUBSIDY_KIND_INTEREST_SUBSIDY);
	}

	record Filter(String kindName, SubsidyKind kind, int year) {
	}

	private ClaimQueues() {
	}

	static Filter filter(String kind, String year) {
		SubsidyKind which = KINDS.getOrDefault(kind, SubsidyKind.SUBSIDY_KIND_UNSPECIFIED);
		int fiscalYear = 0;
		if (year != null && year.strip().matches("20\\d\\d|2100")) {
			fiscalYear = Integer.parseInt(year.strip());
		}
		return new Filter(which == SubsidyKind.SUBSIDY_KIND_UNSPECIFIED ? "" : kind, which, fiscalYear);
	}

}
