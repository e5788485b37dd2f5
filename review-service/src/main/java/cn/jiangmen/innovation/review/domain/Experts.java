package cn.jiangmen.innovation.review.domain;

import java.util.List;
import java.util.Optional;

/** The expert pool store. */
public interface Experts {

	/** Inserts or replaces the profile; returns the new version. */
	long save(Expert expert, String by, java.time.Instant at);

	Optional<Expert> find(ExpertId id);

	List<Expert> all();

}
