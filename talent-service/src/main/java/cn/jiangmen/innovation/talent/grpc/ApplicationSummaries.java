package cn.jiangmen.innovation.talent.grpc;

import java.time.Instant;
import java.util.List;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationDetail;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationForm;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.CallCategory;
import cn.jiangmen.innovation.contracts.talent.v1.EligibilityFinding;
import cn.jiangmen.innovation.contracts.talent.v1.TalentAttachment;
import cn.jiangmen.innovation.contracts.talent.v1.TeamMemberForm;
import cn.jiangmen.innovation.talent.application.ApplicationQueries;
import cn.jiangmen.innovation.talent.domain.ApplicantNotice;
import cn.jiangmen.innovation.talent.domain.ApplicationContent;
import cn.jiangmen.innovation.talent.domain.Attachment;
import cn.jiangmen.innovation.talent.domain.AttachmentKind;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import cn.jiangmen.innovation.talent.domain.TalentCall;
import cn.jiangmen.innovation.talent.domain.TeamMember;
import com.google.protobuf.Timestamp;

/** Domain objects as talent.v1 messages, and forms from them. */
final class ApplicationSummaries {

	private ApplicationSummaries() {
	}

	static ApplicationSummary toProto(TalentApplication application) {
		ApplicationContent c = application.content();
		ApplicationSummary.Builder summary = ApplicationSummary.newBuilder()
			.setApplicationId(application.id().toString())
			.setCallId(application.callId().toString())
			.setOrganisationId(application.organisationId().toString())
			.setTitle(application.title())
			.setStatus(toProto(application.status()))
			.setUpdatedAt(timestamp(application.updatedAt()))
			.setCategory(name(c.category()))
			.setHostName(text(c.host().name()))
			.setLeaderName(c.leader().map(TeamMember::name).map(ApplicationSummaries::text).orElse(""));
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

	static cn.jiangmen.innovation.contracts.talent.v1.ApplicantNotice notice(ApplicantNotice n) {
		return cn.jiangmen.innovation.contracts.talent.v1.ApplicantNotice.newBuilder()
			.setNoticeId(n.id().toString())
			.setApplicationId(n.applicationId().toString())
			.setApplicationTitle(n.applicationTitle())
			.setStatus(toProto(n.status()))
			.setDetail(n.detail())
			.setAt(timestamp(n.at()))
			.build();
	}

	static ApplicationStatus toProto(cn.jiangmen.innovation.talent.domain.ApplicationStatus status) {
		return ApplicationStatus.valueOf("APPLICATION_STATUS_" + status.name());
	}

	static ApplicationDetail detail(ApplicationQueries.Details details, List<Attachment> attachments) {
		TalentApplication application = details.application();
		ApplicationContent c = application.content();
		ApplicationDetail.Builder detail = ApplicationDetail.newBuilder()
			.setSummary(toProto(application))
			.setForm(form(c))
			.setVersion(application.version())
			.addAllReturnReasons(application.returnReasons())
			.setDecisionNote(text(application.decisionNote()))
			.addAllDuplicatePersons(details.duplicatePersons())
			.addAllFundedElsewhere(details.fundedElsewhere());
		if (application.correctionDueAt() != null) {
			detail.setCorrectionDueAt(timestamp(application.correctionDueAt()));
		}
		details.eligibilityFindings()
			.forEach(f -> detail.addFindings(EligibilityFinding.newBuilder()
				.setField(f.field())
				.setCode(f.code())
				.setMessage(f.message())));
		attachments.forEach(a -> detail.addAttachments(attachment(a)));
		if (c.category() != null) {
			for (AttachmentKind kind : AttachmentKind.requiredFor(c.category())) {
				if (attachments.stream().noneMatch(a -> a.kind() == kind)) {
					detail.addMissingAttachmentKinds(kind.name());
				}
			}
		}
		return detail.build();
	}

	static ApplicationForm form(ApplicationContent c) {
		ApplicationForm.Builder form = ApplicationForm.newBuilder()
			.setTitle(c.title())
			.setCategory(name(c.category()))
			.setPriorityField(text(c.priorityField()))
			.setSummary(text(c.summary()))
			.setHostName(text(c.host().name()))
			.setHostCreditCode(c.host().creditCode() == null ? "" : c.host().creditCode().value())
			.setHostKind(name(c.host().kind()));
		for (TeamMember m : c.team()) {
			TeamMemberForm.Builder member = TeamMemberForm.newBuilder()
				.setName(text(m.name()))
				.setRole(name(m.role()))
				.setTitle(name(m.title()))
				.setDegree(name(m.degree()))
				.setBirthDate(m.birthDate() == null ? "" : m.birthDate().toString())
				.setNationality(text(m.nationality()))
				.setEmployer(text(m.employer()))
				.setOrcid(m.orcid() == null ? "" : m.orcid().value())
				.setIdentityDocumentGiven(m.identityHash() != null);
			if (m.fullTime() != null) {
				member.setFullTime(m.fullTime());
			}
			form.addTeam(member);
		}
		return form.build();
	}

	/** A form from the wire; empty strings are "not filled in". */
	static cn.jiangmen.innovation.talent.domain.ApplicationForm fromProto(ApplicationForm form) {
		return new cn.jiangmen.innovation.talent.domain.ApplicationForm(form.getTitle(), form.getCategory(),
				form.getPriorityField(), form.getSummary(), form.getHostName(), form.getHostCreditCode(),
				form.getHostKind(),
				form.getTeamList()
					.stream()
					.map(m -> new cn.jiangmen.innovation.talent.domain.ApplicationForm.Member(m.getName(), m.getRole(),
							m.getTitle(), m.getDegree(), m.getBirthDate(), m.getNationality(), m.getEmployer(),
							m.hasFullTime() ? m.getFullTime() : null, m.getOrcid(), m.getIdentityDocument()))
					.toList());
	}

	static cn.jiangmen.innovation.contracts.talent.v1.TalentCall call(TalentCall call, Instant now) {
		var proto = cn.jiangmen.innovation.contracts.talent.v1.TalentCall.newBuilder()
			.setCallId(call.id().toString())
			.setTitle(call.title())
			.setStatus(call.status().name())
			.setOpensAt(timestamp(call.opensAt()))
			.setClosesAt(timestamp(call.closesAt()))
			.setAcceptingSubmissions(call.acceptsSubmissionsAt(now))
			.addAllPriorityFields(call.priorityFields());
		call.categories()
			.forEach((category, rules) -> proto.addCategories(CallCategory.newBuilder()
				.setCategory(category.name())
				.setMaxLeaderAge(rules.maxLeaderAge() == null ? 0 : rules.maxLeaderAge())
				.setMinTeamSize(rules.minTeamSize())
				.addAllRequiredLeaderTitles(rules.requiredLeaderTitles().stream().map(Enum::name).sorted().toList())
				.setLeaderFullTime(rules.leaderFullTime())
				.setFieldMustBeInCall(rules.fieldMustBeInCall())));
		return proto.build();
	}

	static TalentAttachment attachment(Attachment a) {
		return TalentAttachment.newBuilder()
			.setAttachmentId(a.id().toString())
			.setKind(a.kind().name())
			.setFilename(a.filename())
			.setContentType(a.type().contentType())
			.setSizeBytes(a.size())
			.setSha256(a.sha256())
			.setUploadedAt(timestamp(a.uploadedAt()))
			.build();
	}

	static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

	static Instant instant(Timestamp timestamp) {
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
	}

	private static String name(Enum<?> value) {
		return value == null ? "" : value.name();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
