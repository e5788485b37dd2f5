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

}
