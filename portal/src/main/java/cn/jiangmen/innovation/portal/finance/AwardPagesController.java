package cn.jiangmen.innovation.portal.finance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.funding.v1.Award;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyClaimQueue;
import cn.jiangmen.innovation.contracts.funding.v1.SubsidyKind;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Awards as their beneficiaries and finance see them: an applicant's organisation's awards with
 * their schedule and payment states (funding decides whose they are: the token's organisation),
 * and finance's beneficiary statements.
 */
@Controller
class AwardPagesController {

	private final ObjectProvider<FundingPortalClient> clients;

	private final Beneficiaries beneficiaries;

	private final ObjectProvider<InstrumentPortalClient> instruments;

	AwardPagesController(ObjectProvider<FundingPortalClient> clients, Beneficiaries beneficiaries,
			ObjectProvider<InstrumentPortalClient> instruments) {
		this.clients = clients;
		this.beneficiaries = beneficiaries;
		this.instruments = instruments;
	}

	/** The applicant's own organisation's awards; funding-service reads the organisation from the token. */
	@ModelAttribute("yuan")
	Yuan yuan() {
		return Yuan.PAGES;
	}

	@GetMapping("/funding/awards")
	@PreAuthorize("hasRole('applicant')")
	String myAwards(Model model) {
		List<Award> awards = this.clients.getObject().awards("");
		model.addAttribute("statement", AwardStatement.of("", awards));
		model.addAttribute("own", true);
		// the organisation's own subsidy claims (funding reads the organisation from the token)
		model.addAttribute("claims", ClaimRow.of(this.instruments.getObject()
			.claims(SubsidyClaimQueue.SUBSIDY_CLAIM_QUEUE_UNSPECIFIED, SubsidyKind.SUBSIDY_KIND_UNSPECIFIED, 0),
				this.beneficiaries));
		return "finance/statement";
	}

	/** Every beneficiary with awards, for finance to open one's statement. */
	@GetMapping("/finance/statements")
	@PreAuthorize("hasAnyRole('finance-officer','finance-approver','program-manager','auditor')")
	String beneficiaries(Model model) {
		Map<String, List<Award>> byOrganisation = new LinkedHashMap<>();
		for (Award award : this.clients.getObject().awards("")) {
			byOrganisation.computeIfAbsent(award.getRecipientOrganisationId(), k -> new java.util.ArrayList<>()).add(award);
		}
		Map<String, String> names = this.beneficiaries.names(byOrganisation.keySet());
		model.addAttribute("statements", byOrganisation.entrySet()
			.stream()
			.map(e -> AwardStatement.of(e.getKey(), e.getValue(), names))
			.toList());
		return "finance/beneficiaries";
	}

	@GetMapping("/finance/statements/{organisationId}")
	@PreAuthorize("hasAnyRole('finance-officer','finance-approver','program-manager','auditor')")
	String statement(@PathVariable("organisationId") String organisationId, Model model) {
		model.addAttribute("statement", AwardStatement.of(organisationId,
				this.clients.getObject().awards(organisationId), this.beneficiaries.names(List.of(organisationId))));
		model.addAttribute("own", false);
		return "finance/statement";
	}

}
