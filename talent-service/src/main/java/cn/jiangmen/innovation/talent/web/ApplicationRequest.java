package cn.jiangmen.innovation.talent.web;

import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.talent.domain.ApplicationForm;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The application form (create and autosave). Everything but the title may be missing in a draft;
 * submission names what is still missing. {@code callId} is needed only to create. Lengths and codes
 * are the domain's to check (a save keeps what passes and names the rest), not bean validation's.
 */
@Schema(description = "Application form; a draft may be incomplete")
public record ApplicationRequest(@Schema(description = "The call; only when creating") UUID callId,
		@Schema(maxLength = 200, example = "Visible-light communication innovation team") String title,
		@Schema(example = "TEAM_RND_INDUSTRIALISATION",
				allowableValues = { "TEAM_RND_INDUSTRIALISATION", "TEAM_APPLIED_BASIC_RESEARCH", "LEADING_TALENT",
						"OVERSEAS_YOUNG_TALENT" }) String category,
		@Schema(maxLength = 100, example = "visible-light-communication") String priorityField,
		@Schema(maxLength = 4000) String summary, Host host, @Schema(description = "At most 50 people") List<Member> team,
		@Schema(description = "Version last read; when given, a concurrent change is a 409") Long version,
		@Schema(description = "Only when creating: true starts another draft even though the organisation already has one on the call") Boolean anotherDraft) {

	public record Host(@Schema(maxLength = 200) String name,
			@Schema(maxLength = 40, description = "Unified social credit code (GB 32100-2015)",
					example = "91440703MA4UJ8K2XW") String creditCode,
			@Schema(allowableValues = { "ENTERPRISE", "UNIVERSITY", "INSTITUTE" }) String kind) {
	}

	public record Member(@Schema(maxLength = 100) String name,
			@Schema(allowableValues = { "LEADER", "CORE_MEMBER", "MEMBER" }) String role,
			@Schema(example = "PROFESSOR") String title, @Schema(example = "DOCTORATE") String degree,
			@Schema(example = "1980-05-31") String birthDate,
			@Schema(description = "ISO 3166 alpha-2", example = "CN") String nationality,
			@Schema(maxLength = 200) String employer, Boolean fullTime,
			@Schema(example = "0000-0002-1825-0097") String orcid,
			@Schema(maxLength = 40, description = "ID card or passport number; only its HMAC-SHA256 (keyed by TALENT_IDENTITY_SECRET) is kept",
					accessMode = Schema.AccessMode.WRITE_ONLY) String identityDocument) {
	}

	ApplicationForm toForm() {
		Host h = this.host == null ? new Host(null, null, null) : this.host;
		List<ApplicationForm.Member> members = this.team == null ? List.of()
				: this.team.stream()
					.map(m -> m == null ? null
							: new ApplicationForm.Member(m.name(), m.role(), m.title(), m.degree(), m.birthDate(),
									m.nationality(), m.employer(), m.fullTime(), m.orcid(), m.identityDocument()))
					.toList();
		return new ApplicationForm(this.title, this.category, this.priorityField, this.summary, h.name(),
				h.creditCode(), h.kind(), members);
	}

}
