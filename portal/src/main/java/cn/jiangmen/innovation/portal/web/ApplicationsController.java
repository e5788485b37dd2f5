package cn.jiangmen.innovation.portal.web;

import cn.jiangmen.innovation.portal.application.MyApplications;
import cn.jiangmen.innovation.portal.application.TalentApplicationsClient;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My applications" for applicants, from talent-service: every application of the organisation with
 * its call, status and last change; a draft is continued or deleted from here. When talent-service cannot answer, the
 * page still renders, with a banner and status 503, so the user keeps the header and navigation.
 */
@Controller
class ApplicationsController {

	private final TalentApplicationsClient talent;

	ApplicationsController(TalentApplicationsClient talent) {
		this.talent = talent;
	}

	@GetMapping("/applications")
	@PreAuthorize("hasRole('applicant')")
	String myApplications(@RequestParam(name = "done", required = false) String done, Model model,
			HttpServletResponse response) {
		if ("deleted".equals(done)) {
			model.addAttribute("notice", "talent.mine.deleted");
		}
		MyApplications applications = this.talent.myApplications();
		if (!applications.available()) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		}
		model.addAttribute("applications", applications);
		return "applications";
	}

}
