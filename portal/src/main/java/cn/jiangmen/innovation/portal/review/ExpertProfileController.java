package cn.jiangmen.innovation.portal.review;

import java.util.Locale;

import cn.jiangmen.innovation.contracts.review.v1.GetMyProfileResponse;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.portal.project.FieldChoices;
import cn.jiangmen.innovation.portal.project.ProjectPortalClient;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The expert's own profile, which conflict detection and automatic assignment read: fields of
 * expertise, current and past organisations with years, joint applications with years, declared
 * relationships, people given by name and organisation. The fields of expertise are project-service's
 * priority fields, read over gRPC at each page (a field an admin adds is offered at once, a retired one
 * only where the expert already has it). Saved as a whole (no autosave); a clear
 * notice says it was saved. A rejected form is POST-redirect-GET: the redirect carries what was typed
 * and the reasons in the flash cookie, and the page shows them again with a message next to each bad
 * field, so a reload posts nothing and the language switch works there.
 */
@Controller
@RequestMapping("/review/profile")
@PreAuthorize("hasRole('expert')")
class ExpertProfileController {

	private final ObjectProvider<ReviewPortalClient> clients;

	private final ObjectProvider<ProjectPortalClient> projects;

	private final ObjectProvider<OrganisationDirectory> directory;

	ExpertProfileController(ObjectProvider<ReviewPortalClient> clients, ObjectProvider<ProjectPortalClient> projects,
			ObjectProvider<OrganisationDirectory> directory) {
		this.clients = clients;
		this.projects = projects;
		this.directory = directory;
	}

	/** The directory holds a city's host organisations: hundreds, all offered. */
	static final int DIRECTORY_CHOICES = 2000;

	@GetMapping
	String profile(@RequestParam(name = "notice", required = false) String notice, Model model, Locale locale) {
		GetMyProfileResponse mine = this.clients.getObject().myProfile();
		FieldChoices fields = FieldChoices.of(this.projects.getObject().fields(), locale);
		if ("saved".equals(notice)) {
			model.addAttribute("flash", "review.profile.saved");
		}
		model.addAttribute("found", mine.getFound());
		// after a failed save (POST-redirect-GET): the form as typed and why it was refused
		FailedProfile failed = FailedProfile.from(model);
		if (failed != null) {
			ProfileForm typed = ProfileForm.from(failed.typed());
			return page(typed, fields, FieldErrors.of("review", failed.violations(), typed.fieldNames()), model);
		}
		return page(ProfileForm.of(mine.getProfile(), fields::knows).withOrganisationNames(this.directory.getObject()),
				fields, FieldErrors.none(), model);
	}

	@PostMapping
	String save(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		ProfileForm.Resolved resolved = ProfileForm.from(params).resolveOrganisations(this.directory.getObject());
		ProfileForm form = resolved.form();
		if (!resolved.unknown().isEmpty()) {
			FailedProfile.of(params, resolved.unknown()).flash(redirect);
			return "redirect:/review/profile";
		}
		try {
			this.clients.getObject().saveMyProfile(form.toProfile());
		}
		catch (Rejected rejected) {
			FailedProfile.of(params, rejected.violations()).flash(redirect);
			return "redirect:/review/profile";
		}
		return "redirect:/review/profile?notice=saved";
	}

	private String page(ProfileForm form, FieldChoices fields, FieldErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("knownFields", fields.offered(form.fields()));
		model.addAttribute("relationshipKinds", ReviewChoices.relationshipKinds());
		// the names an expert chooses from (a server-rendered list; the browser filters it as they type)
		model.addAttribute("organisationNames",
				this.directory.getObject().search("", DIRECTORY_CHOICES).stream().map(Organisation::name).toList());
		model.addAttribute("errors", errors);
		return "review/profile";
	}

}
