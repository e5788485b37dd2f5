package cn.jiangmen.innovation.project.domain;

import java.util.List;

/** Where decision notices are kept. */
public interface ProposalNotices {

	void add(ProposalNotice notice);

	/** Oldest first. */
	List<ProposalNotice> of(ProposalId proposal);

}
