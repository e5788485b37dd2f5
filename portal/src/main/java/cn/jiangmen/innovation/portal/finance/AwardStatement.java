package cn.jiangmen.innovation.portal.finance;

import java.util.List;

import cn.jiangmen.innovation.contracts.funding.v1.Award;

/**
 * A beneficiary's statement (受资助单位对账单): its awards with their schedules and the totals
 * awarded, released for payment (approved or paid) and paid.
 *
 * @param organisationId the beneficiary
 * @param organisationName its name as recorded with the awards ("" when none was)
 * @param awards its awards, newest first
 */
public record AwardStatement(String organisationId, String organisationName, List<Award> awards) {

	public String awarded() {
		return Yuan.format(this.awards.stream().mapToLong(a -> a.getAmount().getMinorUnits()).sum());
	}

	public String released() {
		return Yuan.format(this.awards.stream().mapToLong(a -> a.getReleased().getMinorUnits()).sum());
	}

	public String paid() {
		return Yuan.format(this.awards.stream().mapToLong(a -> a.getPaid().getMinorUnits()).sum());
	}

	/** With the organisation directory's name where it knows the organisation. */
	static AwardStatement of(String organisationId, List<Award> awards, java.util.Map<String, String> names) {
		AwardStatement recorded = of(organisationId, awards);
		String name = names.get(organisationId);
		return name == null || name.isBlank() ? recorded : new AwardStatement(organisationId, name, awards);
	}

	static AwardStatement of(String organisationId, List<Award> awards) {
		String name = awards.stream()
			.map(Award::getRecipientOrganisationName)
			.filter(n -> !n.isEmpty())
			.findFirst()
			.orElse("");
		return new AwardStatement(organisationId, name, awards);
	}

}
