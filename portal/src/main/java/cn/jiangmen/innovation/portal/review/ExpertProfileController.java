package cn.jiangmen.innovation.portal.review;

import java.util.List;

import cn.jiangmen.innovation.contracts.review.v1.GetMyProfileResponse;
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

	ExpertProfileController(ObjectProvider<ReviewPortalClient> clients, PortalProperties properties) {
		this.clients = clients;
		this.properties = properties;
	}

	@GetMapping
	String profile(@RequestParam(name = "notice", required = false) String notice, Model model) {
		GetMyProfileResponse mine = this.clients.getObject().myProfile();
		if ("saved".equals(notice)) {
			model.addAttribute("flash", "review.profile.saved");
		}
		model.addAttribute("found", mine.getFound());
		return page(ProfileForm.of(mine.getProfile(), fields()), FieldErrors.none(), model);
	}

	@PostMapping
	String save(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
		ProfileForm form = ProfileForm.from(params);
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
		model.addAttribute("errors", errors);
		return "review/profile";
	}

	private List<String> fields() {
		return this.properties.expertiseFields();
	}

}
