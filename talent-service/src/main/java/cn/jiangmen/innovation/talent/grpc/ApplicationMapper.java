package cn.jiangmen.innovation.talent.grpc;

import java.util.List;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationDetail;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.EligibilityFinding;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.talent.application.ApplicationQueries;
import cn.jiangmen.innovation.talent.domain.ApplicantNotice;
import cn.jiangmen.innovation.talent.domain.ApplicationContent;
import cn.jiangmen.innovation.talent.domain.Attachment;
import cn.jiangmen.innovation.talent.domain.AttachmentKind;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.TeamMember;

import static cn.jiangmen.innovation.platform.grpc.ProtoTimes.timestamp;

/** The application aggregate (and the notices about it) as talent.v1 messages. */
final class ApplicationMapper {

	private ApplicationMapper() {
	}

	static ApplicationSummary summary(TalentApplication application) {
		ApplicationContent c = application.content();
		ApplicationSummary.Builder summary = ApplicationSummary.newBuilder()
			.setApplicationId(application.id().toString())
			.setCallId(application.callId().toString())
			.setOrganisationId(application.organisationId().toString())
			.setTitle(application.title())
			.setStatus(status(application.status()))
			.setUpdatedAt(timestamp(application.updatedAt()))
			.setCategory(ProtoCodes.toProto(c.category(), cn.jiangmen.innovation.contracts.talent.v1.Category.class))
			.setHostName(ApplicationFormMapper.text(c.host().name()))
			.setLeaderName(c.leader().map(TeamMember::name).map(ApplicationFormMapper::text).orElse(""));
		if (application.submittedAt() != null) {
			summary.setSubmittedAt(timestamp(application.submittedAt()));
		}
		if (application.reviewOutcome() != null) {
			summary.setRank(application.reviewOutcome().rank())
				.setFinalScoreHundredths(application.reviewOutcome().scoreHundredths())
				.setPassedThresholds(application.reviewOutcome().passedThresholds());
		}
		return summary.build();
	}

	static List<ApplicationSummary> summaries(List<TalentApplication> applications) {
		return applications.stream().map(ApplicationMapper::summary).toList();
	}

	static ApplicationStatus status(cn.jiangmen.innovation.talent.domain.ApplicationStatus status) {
		return ProtoCodes.toProto(status, ApplicationStatus.class);
	}

	static cn.jiangmen.innovation.contracts.talent.v1.ApplicantNotice notice(ApplicantNotice n) {
		return cn.jiangmen.innovation.contracts.talent.v1.ApplicantNotice.newBuilder()
			.setNoticeId(n.id().toString())
			.setApplicationId(n.applicationId().toString())
			.setApplicationTitle(n.applicationTitle())
			.setStatus(status(n.status()))
			.setDetail(n.detail())
			.setAt(timestamp(n.at()))
			.build();
	}

	/** The whole application with what the form page shows beside it: findings, flags, documents. */
	static ApplicationDetail detail(ApplicationQueries.Details details, List<Attachment> attachments) {
		TalentApplication application = details.application();
		ApplicationContent c = application.content();
		ApplicationDetail.Builder detail = ApplicationDetail.newBuilder()
			.setSummary(summary(application))
			.setForm(ApplicationFormMapper.form(c))
			.setVersion(application.version())
			.addAllReturnReasons(application.returnReasons())
			.setDecisionNote(ApplicationFormMapper.text(application.decisionNote()))
			.addAllDuplicatePersons(details.duplicatePersons())
			.addAllFundedElsewhere(details.fundedElsewhere());
		if (application.correctionDueAt() != null) {
			detail.setCorrectionDueAt(timestamp(application.correctionDueAt()));
		}
		details.eligibilityFindings().forEach(f -> detail.addFindings(finding(f)));
		c.missing()
			.forEach(m -> detail.addMissingFields(cn.jiangmen.innovation.contracts.talent.v1.FieldError.newBuilder()
				.setField(m.field())
				.setCode(m.code())
				.setMessage(m.message())));
		attachments.forEach(a -> detail.addAttachments(AttachmentMapper.attachment(a)));
		detail.addAllMissingAttachmentKinds(missingKinds(c, attachments));
		return detail.build();
	}

	/**
	 * A row of the formal check (形式审查): the summary with the eligibility findings and the
	 * required documents not uploaded, so the manager sees them before opening the application.
	 */
	static ApplicationSummary formalCheckRow(TalentApplication application, List<FieldViolation> findings,
			List<Attachment> attachments) {
		return summary(application).toBuilder()
			.addAllFindings(findings.stream().map(ApplicationMapper::finding).toList())
			.addAllMissingAttachmentKinds(missingKinds(application.content(), attachments))
			.build();
	}

	private static EligibilityFinding finding(FieldViolation f) {
		return EligibilityFinding.newBuilder().setField(f.field()).setCode(f.code()).setMessage(f.message()).build();
	}

	/** The documents the category requires that are not among the attachments. */
	private static List<String> missingKinds(ApplicationContent c, List<Attachment> attachments) {
		if (c.category() == null) {
			return List.of();
		}
		return AttachmentKind.requiredFor(c.category())
			.stream()
			.filter(kind -> attachments.stream().noneMatch(a -> a.kind() == kind))
			.map(AttachmentMapper::kind)
			.toList();
	}

}
