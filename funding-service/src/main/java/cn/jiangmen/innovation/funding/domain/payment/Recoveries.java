package cn.jiangmen.innovation.funding.domain.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.CommitmentId;
import cn.jiangmen.innovation.funding.domain.Tranche;

/** Recovery demands (implemented in persistence). */
public interface Recoveries {

	void add(Recovery recovery);

	Optional<Recovery> find(Recovery.Id id);

	boolean update(Recovery recovery);

	/** Approved offsets of an organisation not settled yet, oldest first, locked until the transaction ends. */
	List<Recovery> openOffsetsLocked(UUID organisation);

	/** What offsets already kept back from a tranche. */
	long offsetFrom(Tranche.Id tranche);

	/** Raised, approved or settled demands on an award: what is already claimed back. */
	long claimedOn(CommitmentId award);

	/** Newest first; an organisation's only when given. */
	List<Recovery> page(UUID organisation, int offset, int size);

}
