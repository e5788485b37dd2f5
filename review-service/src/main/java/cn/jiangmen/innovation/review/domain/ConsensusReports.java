package cn.jiangmen.innovation.review.domain;

import java.util.List;
import java.util.Optional;

/** Consensus reports, one per item. */
public interface ConsensusReports {

	Optional<Consensus> find(ReviewItemId item);

	/**
	 * Inserts (expected version 0 and none stored) or updates at the expected version; fails with a
	 * conflict otherwise. Returns the stored report.
	 */
	Consensus save(Consensus report);

	List<Consensus> forRound(RoundId round);

}
