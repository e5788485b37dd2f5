package cn.jiangmen.innovation.talent.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The store of applications, as the domain needs it (implemented in persistence). */
public interface TalentApplications {

	void add(TalentApplication application);

	/**
	 * Stores a changed application if nobody changed it since it was read (its version);
	 * otherwise a {@link cn.jiangmen.innovation.platform.error.ConflictException}.
	 */
	void update(TalentApplication application);

	Optional<TalentApplication> find(ApplicationId id);

	/**
	 * Like {@link #find}, and holds the application's row lock until the transaction ends, so
	 * checks over the application's whole state (the attachment quota) see no concurrent change.
	 */
	Optional<TalentApplication> lock(ApplicationId id);

	/**
	 * The organisation's drafts on a call, oldest first; until the transaction ends no other
	 * transaction passes this point for the same organisation and call (so two "start" clicks
	 * cannot both find none).
	 */
	List<TalentApplication> lockDraftsOf(OrganisationId organisationId, CallId callId);

	/** Removes the application with its attachments' records, people and notices. */
	void remove(TalentApplication application);

	/** Newest first. */
	List<TalentApplication> ofOrganisation(OrganisationId organisationId, int offset, int limit);

	/** Newest first. */
	List<TalentApplication> all(int offset, int limit);

	/** Applications of a call in the given states, best rank first then oldest submission. */
	List<TalentApplication> ofCall(CallId callId, Set<ApplicationStatus> states);

	/**
	 * Names of people on this application who also appear (same identity hash, or same name and
	 * birth date) on another application of the same call that is not withdrawn.
	 */
	List<String> duplicatePersons(TalentApplication application);

	/**
	 * Names of people on this application who are on an application of another call that was
	 * awarded at or after {@code awardedSince}.
	 */
	List<String> fundedElsewhere(TalentApplication application, java.time.Instant awardedSince);

}
