package cn.jiangmen.innovation.funding.domain.subsidy;

import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.instrument.Instrument;

/**
 * Which claims a list shows; every part optional (null: any).
 *
 * @param instrument POST_SUBSIDY or INTEREST_SUBSIDY
 * @param organisation the claiming organisation
 * @param fiscalYear the claim's fiscal year
 * @param queue one of finance's queues
 */
public record ClaimFilter(Instrument instrument, UUID organisation, Integer fiscalYear, ClaimQueue queue) {

	public ClaimFilter forOrganisation(UUID own) {
		return new ClaimFilter(this.instrument, own, this.fiscalYear, this.queue);
	}

}
