package cn.jiangmen.innovation.talent.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;

/**
 * A person on an application. In a draft anything but the name may still be missing; submission
 * needs every field but the ORCID. The identity document (ID card or passport) number is never
 * kept, only its {@link IdentityFingerprint} ({@code identityHash}), enough to recognise the same
 * person on another application.
 */
public record TeamMember(String name, MemberRole role, ProfessionalTitle title, Degree degree, LocalDate birthDate,
		String nationality, String employer, Boolean fullTime, Orcid orcid, String identityHash) {

	public Optional<Integer> ageOn(LocalDate day) {
		return Optional.ofNullable(this.birthDate).map(birth -> Period.between(birth, day).getYears());
	}

	public boolean isLeader() {
		return this.role == MemberRole.LEADER;
	}

	/**
	 * What recognises this person across applications: the document hash when given, otherwise the
	 * normalised name with the birth date; empty when neither is known.
	 */
	public Optional<String> personKey() {
		if (this.identityHash != null) {
			return Optional.of("id:" + this.identityHash);
		}
		if (this.name != null && this.birthDate != null) {
			return Optional.of("nb:" + this.name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT) + "|" + this.birthDate);
		}
		return Optional.empty();
	}

}
