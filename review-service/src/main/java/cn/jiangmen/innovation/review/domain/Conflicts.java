package cn.jiangmen.innovation.review.domain;

import java.util.List;

/** Recorded conflicts of interest. */
public interface Conflicts {

	/** Records the conflict unless the same one (expert, item, reason, detail) exists; true if new. */
	boolean addIfAbsent(RecordedConflict conflict);

	List<RecordedConflict> forRound(RoundId round);

	boolean exists(ReviewItemId item, ExpertId expert);

}
