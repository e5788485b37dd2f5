package cn.jiangmen.innovation.project.domain;

import java.util.Optional;

/**
 * The review outcomes review-service delivered, by idempotency key: a redelivered message gets the
 * first answer and changes nothing twice.
 */
public interface RecordedReviewOutcomes {

	/** False when the key is taken (by this request earlier, or by another). */
	boolean claim(String key, ProposalId proposal, Proposal.ReviewResult result);

	Optional<Recorded> find(String key);

	record Recorded(ProposalId proposal, Proposal.ReviewResult result) {
	}

}
