package cn.jiangmen.innovation.review.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.domain.PersonNameKey;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.review.domain.Expert;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.Experts;
import cn.jiangmen.innovation.review.domain.ProfileInput;
import cn.jiangmen.innovation.review.domain.ReviewAccess;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert pool: managers maintain any profile; an expert maintains their own (subject and
 * username always come from their token). Conflicts are detected from these profiles.
 */
@Service
@Transactional
public class ExpertPool {

	private final Experts experts;

	private final Audit audit;

	private final Clock clock;

	private final PersonNameKey keys;

	ExpertPool(Experts experts, Audit audit, Clock clock, PersonNameKey keys) {
		this.experts = experts;
		this.audit = audit;
		this.clock = clock;
		this.keys = keys;
	}

	/** Checks the typed profile (years up to this year) and saves it as {@link #save(Caller, Expert)}. */
	public Expert save(Caller caller, ExpertId id, String username, ProfileInput input) {
		if (!ReviewAccess.isManager(caller) && !(ReviewAccess.isExpert(caller) && caller.subject().equals(id.subject()))) {
			throw new AccessDeniedException("Managers maintain the pool; experts only their own profile");
		}
		return save(caller, input.toExpert(id, username, this.clock.instant().atZone(ZoneOffset.UTC).getYear(), this.keys));
	}

	/** The calling expert's own profile (subject and username from the token). */
	public Expert saveMine(Caller caller, ProfileInput input) {
		requireExpert(caller);
		return save(caller, ReviewAccess.expertId(caller), caller.username(), input);
	}

	/** The calling expert's own profile; empty before their first save. */
	@Transactional(readOnly = true)
	public Optional<Expert> mine(Caller caller) {
		requireExpert(caller);
		return this.experts.find(ReviewAccess.expertId(caller));
	}

	private static void requireExpert(Caller caller) {
		if (!ReviewAccess.isExpert(caller)) {
			throw new AccessDeniedException("Only experts have a profile of their own");
		}
	}

	public Expert save(Caller caller, Expert profile) {
		boolean self = ReviewAccess.isExpert(caller) && caller.subject().equals(profile.id().subject())
				&& caller.username().equals(profile.username());
		if (!ReviewAccess.isManager(caller) && !self) {
			throw new AccessDeniedException("Managers maintain the pool; experts only their own profile");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Optional<Expert> before = this.experts.find(profile.id());
		this.experts.save(profile, caller.username(), now);
		this.audit.record(caller.username(), now, "expert.saved", "expert", profile.id(),
				before.map(ExpertPool::snapshot).orElse(null), snapshot(profile));
		return profile;
	}

	@Transactional(readOnly = true)
	public List<Expert> all(Caller caller) {
		if (!ReviewAccess.overseesRounds(caller)) {
			throw new AccessDeniedException("The pool is for program managers and auditors");
		}
		return this.experts.all();
	}

	@Transactional(readOnly = true)
	public Expert get(Caller caller, ExpertId id) {
		if (!ReviewAccess.overseesRounds(caller) && !caller.subject().equals(id.subject())) {
			throw new AccessDeniedException("Experts see only their own profile");
		}
		return this.experts.find(id).orElseThrow(() -> new NotFoundException("Expert", id));
	}

	private static Map<String, Object> snapshot(Expert e) {
		return Map.of("username", e.username(), "fieldCodes", e.fieldCodes().stream().sorted().toList(), "affiliations",
				e.affiliations().size(), "coApplications", e.coApplications().size(), "relationships",
				e.relationships().size());
	}

}
