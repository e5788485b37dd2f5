package cn.jiangmen.innovation.funding.domain.subsidy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.instrument.Instrument;

/** Subsidy claims (implemented in persistence). */
public interface SubsidyClaims {

	/** False when the organisation already claimed on that recognition document. */
	boolean add(SubsidyClaim claim);

	Optional<SubsidyClaim> find(SubsidyClaim.Id id);

	/** Locks the claim's row until the transaction ends. */
	Optional<SubsidyClaim> lock(SubsidyClaim.Id id);

	/** False when the version changed meanwhile. */
	boolean update(SubsidyClaim claim);

	/** Claims of one instrument, newest first; one organisation's when {@code organisation} is given. */
	List<SubsidyClaim> list(Instrument instrument, UUID organisation, int offset, int limit);

}
