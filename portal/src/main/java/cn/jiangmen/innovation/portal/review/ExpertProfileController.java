package cn.jiangmen.innovation.portal.review;

import java.util.List;
import java.util.function.UnaryOperator;

import cn.jiangmen.innovation.contracts.review.v1.GetMyProfileResponse;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Rejected;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The expert's own profile, which conflict detection and automatic assignment read: fields of
 * expertise, current and past organisations with years, joint applications with years, declared
 * relationships. Saved as a whole (no autosave); a clear notice says it was saved, and a rejected
 * form comes back as typed with a message next to each bad field.
 */
@Controller
@RequestMapping("/review/profile")
@PreAuthorize("hasRole('expert')")
class ExpertProfileController {

	private final ObjectProvider<ReviewPortalClient> clients;

	private final PortalProperties properties;

	private final ObjectProvider<OrganisationDirectory> directory;

	ExpertProfileController(ObjectProvider<ReviewPortalClient> clients, PortalProperties properties,
			ObjectProvider<OrganisationDirectory> directory) {
		this.clients = clients;
		this.properties = properties;
		this.directory = directory;
	}

	/** The directory holds a city's host organisations: hundreds, all offered. */
	static final int DIRECTORY_CHOICES = 2000;

	@GetMapping
	String profile(@RequestParam(name = "notice", required = false) String notice, Model model) {
		GetMyProfileResponse mine = this.clients.getObject().myProfile();
		if ("saved".equals(notice)) {
			model.addAttribute("flash", "review.profile.saved");
		}
		model.addAttribute("found", mine.getFound());
		return page(ProfileForm.of(mine.getProfile(), fields()).withOrganisationNames(this.directory.getObject()),
				FieldErrors.none(), model);
	}

	@PostMapping
	String save(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
		ProfileForm.Resolved resolved = ProfileForm.from(params).resolveOrganisations(this.directory.getObject());
		ProfileForm form = resolved.form();
		if (!resolved.unknown().isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("found", true);
			return page(form, FieldErrors.of("review", resolved.unknown(), UnaryOperator.identity()), model);
		}
		try {
			this.clients.getObject().saveMyProfile(form.toProfile());
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("found", true);
			return page(form, FieldErrors.of("review", rejected.violations(), form.fieldNames()), model);
		}
		return "redirect:/review/profile?notice=saved";
	}

	private String page(ProfileForm form, FieldErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("knownFields", fields());
		model.addAttribute("relationshipKinds", ReviewChoices.relationshipKinds());
		// the names an expert chooses from (a server-rendered list; the browser filters it as they type)
		model.addAttribute("organisationNames",
				this.directory.getObject().search("", DIRECTORY_CHOICES).stream().map(Organisation::name).toList());
		model.addAttribute("errors", errors);
		return "review/profile";
	}

	private List<String> fields() {
		return this.properties.expertiseFields();
	}

}
