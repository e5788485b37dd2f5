package cn.jiangmen.innovation.funding.domain.subsidy;

import java.util.List;
import java.util.Optional;

/** Subsidy claims (implemented in persistence). */
public interface SubsidyClaims {

	/** False when the organisation already claimed on that recognition document. */
	boolean add(SubsidyClaim claim);

	Optional<SubsidyClaim> find(SubsidyClaim.Id id);

	/** Locks the claim's row until the transaction ends. */
	Optional<SubsidyClaim> lock(SubsidyClaim.Id id);

	/** False when the version changed meanwhile. */
	boolean update(SubsidyClaim claim);

	/** Claims as filtered, newest first. */
	List<SubsidyClaim> list(ClaimFilter filter, int offset, int limit);

}
