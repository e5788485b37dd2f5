package cn.jiangmen.innovation.talent.application;

import cn.jiangmen.innovation.platform.paging.PageRequest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.talent.domain.ApplicantNotice;
import cn.jiangmen.innovation.talent.domain.ApplicantNotices;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.ApplicationStatus;
import cn.jiangmen.innovation.talent.domain.CallId;
import cn.jiangmen.innovation.talent.domain.FundingOverlap;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.TalentApplications;
import cn.jiangmen.innovation.talent.domain.TalentCalls;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.talent.domain.TalentAccess;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of applications, with the per-object visibility rule applied on every path. */
@Service
@Transactional(readOnly = true)
public class ApplicationQueries {

	/** The states that belong on a ranking / recommendation list. */
	static final EnumSet<ApplicationStatus> RANKING = EnumSet.of(ApplicationStatus.RANKED,
			ApplicationStatus.RECOMMENDED, ApplicationStatus.AWARDED, ApplicationStatus.DECLINED);

	/** An application with what the applicant should know while editing it. */
	public record Details(TalentApplication application, List<FieldViolation> eligibilityFindings,
			List<String> duplicatePersons, List<String> fundedElsewhere) {
	}

	private final TalentApplications applications;

	private final TalentCalls calls;

	private final FundingOverlap fundingOverlap;

	private final ApplicantNotices notices;

	private final Clock clock;

	public ApplicationQueries(TalentApplications applications, TalentCalls calls, FundingOverlap fundingOverlap,
			ApplicantNotices notices, Clock clock) {
		this.applications = applications;
		this.calls = calls;
		this.fundingOverlap = fundingOverlap;
		this.notices = notices;
		this.clock = clock;
	}

	public List<TalentApplication> visibleTo(Caller caller, PageRequest page) {
		if (TalentAccess.seesAllApplications(caller)) {
			return this.applications.all(page.offset(), page.size());
		}
		if (TalentAccess.isApplicant(caller)) {
			return this.applications.ofOrganisation(TalentAccess.organisationOf(caller).orElseThrow(), page.offset(), page.size());
		}
		return List.of();
	}

	/** The latest decisions on the caller's organisation's applications (applicants only), newest first. */
	public List<ApplicantNotice> noticesFor(Caller caller, PageRequest page) {
		if (!TalentAccess.isApplicant(caller)) {
			throw new AccessDeniedException("Notices go to host organisations' applicants");
		}
		return this.notices.latest(TalentAccess.organisationOf(caller).orElseThrow(), page.offset(), page.size());
	}

	/** Not visible is reported as not found, so ids of other organisations cannot be probed. */
	public TalentApplication get(ApplicationId id, Caller caller) {
		return this.applications.find(id)
			.filter(application -> application.isVisibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Application", id));
	}

	/**
	 * The application, its current eligibility findings, any person also on another application of
	 * the call, and any person already funded by an award of another call still in its support period.
	 */
	public Details details(ApplicationId id, Caller caller) {
		TalentApplication application = get(id, caller);
		List<FieldViolation> findings = this.calls.find(application.callId())
			.map(application::eligibilityFindings)
			.orElse(List.of());
		return new Details(application, findings, this.applications.duplicatePersons(application),
				this.applications.fundedElsewhere(application, this.fundingOverlap.awardedSince(this.clock.instant())));
	}

	/** The call's eligibility rules the application does not meet today (none when the call is gone). */
	public List<FieldViolation> eligibilityFindings(TalentApplication application) {
		return this.calls.find(application.callId()).map(application::eligibilityFindings).orElse(List.of());
	}

	/** Ranked applications of a call, best first: for managers and auditors only. */
	public List<TalentApplication> rankingOf(CallId callId, Caller caller) {
		if (!TalentAccess.seesAllApplications(caller)) {
			throw new AccessDeniedException("Only bureau roles see the ranking");
		}
		requireCall(callId);
		return this.applications.ofCall(callId, RANKING);
	}

	/** Applications of a call waiting for or in formal check (SUBMITTED), for managers and auditors. */
	public List<TalentApplication> awaitingFormalCheck(CallId callId, Caller caller) {
		if (!TalentAccess.seesAllApplications(caller)) {
			throw new AccessDeniedException("Only bureau roles see the formal check queue");
		}
		requireCall(callId);
		return this.applications.ofCall(callId, EnumSet.of(ApplicationStatus.SUBMITTED));
	}

	/** A list of a call that does not exist is not found, not an empty list. */
	private void requireCall(CallId callId) {
		if (this.calls.find(callId).isEmpty()) {
			throw new NotFoundException("Call", callId);
		}
	}

}
