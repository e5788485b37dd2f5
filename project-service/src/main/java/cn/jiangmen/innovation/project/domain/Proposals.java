package cn.jiangmen.innovation.project.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where proposals are kept. */
public interface Proposals {

	void add(Proposal proposal);

	/** False when the stored version is not {@code next.version() - 1} (someone else changed it). */
	boolean update(Proposal next);

	Optional<Proposal> find(ProposalId id);

	/**
	 * Newest first. {@code organisation} (when not null) keeps those it leads or partners;
	 * {@code call} (when not null) keeps one call's.
	 */
	List<Proposal> page(UUID organisation, CallId call, int offset, int size);

}
