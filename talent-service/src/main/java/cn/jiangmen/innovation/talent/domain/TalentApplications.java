package cn.jiangmen.innovation.talent.domain;

import java.util.List;
import java.util.Optional;

/** The store of applications, as the domain needs it (implemented in persistence). */
public interface TalentApplications {

	void add(TalentApplication application);

	Optional<TalentApplication> find(ApplicationId id);

	/** Newest first. */
	List<TalentApplication> ofOrganisation(OrganisationId organisationId, int offset, int limit);

	/** Newest first. */
	List<TalentApplication> all(int offset, int limit);

}
