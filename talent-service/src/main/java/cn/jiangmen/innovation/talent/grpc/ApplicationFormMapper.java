package cn.jiangmen.innovation.talent.grpc;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationForm;
import cn.jiangmen.innovation.contracts.talent.v1.TeamMemberForm;
import cn.jiangmen.innovation.talent.domain.ApplicationContent;
import cn.jiangmen.innovation.talent.domain.TeamMember;

/**
 * The application form both ways. Input stays text until the domain's {@code ApplicationForm}
 * parses it, so every bad field is named by the domain's own checks at once.
 */
final class ApplicationFormMapper {

	private ApplicationFormMapper() {
	}

	static ApplicationForm form(ApplicationContent c) {
		ApplicationForm.Builder form = ApplicationForm.newBuilder()
			.setTitle(c.title())
			.setCategory(ProtoCodes.toProto(c.category(), cn.jiangmen.innovation.contracts.talent.v1.Category.class))
			.setPriorityField(text(c.priorityField()))
			.setSummary(text(c.summary()))
			.setHostName(text(c.host().name()))
			.setHostCreditCode(c.host().creditCode() == null ? "" : c.host().creditCode().value())
			.setHostKind(ProtoCodes.toProto(c.host().kind(), cn.jiangmen.innovation.contracts.talent.v1.HostKind.class));
		for (TeamMember m : c.team()) {
			TeamMemberForm.Builder member = TeamMemberForm.newBuilder()
				.setName(text(m.name()))
				.setRole(ProtoCodes.toProto(m.role(), cn.jiangmen.innovation.contracts.talent.v1.MemberRole.class))
				.setTitle(ProtoCodes.toProto(m.title(), cn.jiangmen.innovation.contracts.talent.v1.ProfessionalTitle.class))
				.setDegree(ProtoCodes.toProto(m.degree(), cn.jiangmen.innovation.contracts.talent.v1.Degree.class))
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
		return new cn.jiangmen.innovation.talent.domain.ApplicationForm(form.getTitle(),
				ProtoCodes.code(form.getCategory()), form.getPriorityField(), form.getSummary(), form.getHostName(),
				form.getHostCreditCode(), ProtoCodes.code(form.getHostKind()),
				form.getTeamList()
					.stream()
					.map(m -> new cn.jiangmen.innovation.talent.domain.ApplicationForm.Member(m.getName(),
							ProtoCodes.code(m.getRole()), ProtoCodes.code(m.getTitle()), ProtoCodes.code(m.getDegree()),
							m.getBirthDate(), m.getNationality(), m.getEmployer(),
							m.hasFullTime() ? m.getFullTime() : null, m.getOrcid(), m.getIdentityDocument()))
					.toList());
	}

	static String text(String value) {
		return value == null ? "" : value;
	}

}
