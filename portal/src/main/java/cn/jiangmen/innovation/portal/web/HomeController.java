package cn.jiangmen.innovation.portal.web;

import cn.jiangmen.innovation.platform.security.Roles;
import cn.jiangmen.innovation.portal.application.HomePage;
import cn.jiangmen.innovation.portal.application.PortalUser;
import cn.jiangmen.innovation.portal.application.TalentApplicationsClient;
import cn.jiangmen.innovation.portal.finance.FinanceWork;
import cn.jiangmen.innovation.portal.finance.FundingPortalClient;

import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page every user lands on after login: one section per role they hold; applicants also see
 * the latest decisions on their organisation's applications.
 */
@Controller
class HomeController {

	private final TalentApplicationsClient talent;

	private final ObjectProvider<OrganisationDirectory> directory;

	private final ObjectProvider<FundingPortalClient> funding;

	HomeController(TalentApplicationsClient talent, ObjectProvider<OrganisationDirectory> directory,
			ObjectProvider<FundingPortalClient> funding) {
		this.talent = talent;
		this.directory = directory;
		this.funding = funding;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		HomePage home = HomePage.of(PortalUser.from(authentication, this.directory.getIfAvailable()));
		model.addAttribute("home", home);
		if (home.shows(HomePage.Section.APPLICANT.name())) {
			model.addAttribute("notices", this.talent.notices());
		}
		FundingPortalClient client = this.funding.getIfAvailable();
		if (home.shows(HomePage.Section.FINANCE.name()) && client != null) {
			model.addAttribute("financeWork", FinanceWork.of(client, home.user().hasRole(Roles.FINANCE_OFFICER),
					home.user().hasRole(Roles.FINANCE_APPROVER)));
		}
		return "home";
	}

}
