package cn.jiangmen.innovation.funding.domain;

import java.util.List;
import java.util.Optional;

/** Tranches of committed awards (implemented in persistence). */
public interface Tranches {

	void add(Tranche tranche);

	Optional<Tranche> find(Tranche.Id id);

	List<Tranche> ofCommitment(CommitmentId commitment);

	/** Optimistic: false when someone changed the tranche since it was read. */
	boolean update(Tranche tranche);

	/**
	 * Tranches in {@code states}, oldest planned date first. With {@code dueBy}, a tranche without
	 * a milestone (a yearly instalment) only once its planned date has come; milestone tranches
	 * always, their acceptance being asked when they are prepared.
	 */
	List<Tranche> inStates(java.util.Set<TrancheState> states, java.time.LocalDate dueBy, int offset, int limit);

	/** The schedules of several awards at once, by award, in sequence. */
	List<Tranche> ofCommitments(java.util.Collection<CommitmentId> commitments);

}
