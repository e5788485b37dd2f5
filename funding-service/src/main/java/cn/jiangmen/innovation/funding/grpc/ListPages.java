package cn.jiangmen.innovation.funding.grpc;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.funding.domain.CommitAward;
import cn.jiangmen.innovation.platform.paging.PageRequest;

/** AIP-158 pages for the List RPCs (the opaque offset token of platform's {@link PageRequest}), and money in fen. */
final class ListPages {

	private ListPages() {
	}

	static PageRequest of(int pageSize, String pageToken) {
		return PageRequest.of(pageSize, pageToken, "page_size", "page_token");
	}

	static Money fen(long minorUnits) {
		return Money.newBuilder().setCurrencyCode(CommitAward.CURRENCY).setMinorUnits(minorUnits).build();
	}

}
