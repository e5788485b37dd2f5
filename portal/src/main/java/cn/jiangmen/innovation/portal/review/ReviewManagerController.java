package cn.jiangmen.innovation.portal.review;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiangmen.innovation.contracts.review.v1.GetRoundPanelResponse;
import cn.jiangmen.innovation.contracts.review.v1.PanelAssignment;
import cn.jiangmen.innovation.portal.config.PortalProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Managers' and auditors' review pages: rounds, the assignment matrix with declarations and time
 * to submit, the conflict list with reasons, and results with a server-rendered chart of the
 * spread of scores.
 */
@Controller
@RequestMapping("/review/rounds")
@PreAuthorize("hasAnyRole('program-manager','auditor')")
class ReviewManagerController {

	private final ObjectProvider<ReviewPortalClient> clients;

	private final PortalProperties properties;

	ReviewManagerController(ObjectProvider<ReviewPortalClient> clients, PortalProperties properties) {
		this.clients = clients;
		this.properties = properties;
	}

	@GetMapping
	String rounds(Model model) {
		model.addAttribute("rounds", this.clients.getObject().rounds());
		model.addAttribute("zone", this.properties.zone());
		return "review/rounds";
	}

	/** Notices after a redirect travel as whitelisted query parameters (the portal keeps no session). */
	static final Map<String, String> NOTICES = Map.of("assigned", "review.assign.done", "assigned-short",
			"review.assign.short", "frozen", "review.round.frozen", "confirmed", "review.confirm.done", "not-confirmed",
			"review.confirm.refused");

	@GetMapping("/{id}")
	String panel(@PathVariable("id") String id, Model model, org.springframework.security.core.Authentication user,
			@org.springframework.web.bind.annotation.RequestParam(name = "notice", required = false) String notice,
			@org.springframework.web.bind.annotation.RequestParam(name = "added", defaultValue = "0") int added,
			@org.springframework.web.bind.annotation.RequestParam(name = "missing", defaultValue = "0") int missing) {
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("flash", NOTICES.get(notice));
			model.addAttribute("flashArgs", new Object[] { added, missing });
		}
		model.addAttribute("isManager", user.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_program-manager")));
		GetRoundPanelResponse panel = this.clients.getObject().panel(id);
		Map<String, Map<String, PanelAssignment>> matrix = new LinkedHashMap<>();
		panel.getItemsList().forEach(i -> matrix.put(i.getReviewItemId(), new LinkedHashMap<>()));
		panel.getAssignmentsList()
			.forEach(a -> matrix.computeIfAbsent(a.getReviewItemId(), k -> new LinkedHashMap<>()).put(a.getExpert(), a));
		Map<String, String> names = new LinkedHashMap<>();
		panel.getExpertsList().forEach(e -> names.put(e.getSubject(), e.getDisplayName()));
		Map<String, String> titles = new LinkedHashMap<>();
		panel.getItemsList().forEach(i -> titles.put(i.getReviewItemId(), i.getTitle()));
		model.addAttribute("panel", panel);
		model.addAttribute("matrix", matrix);
		model.addAttribute("names", names);
		model.addAttribute("titles", titles);
		model.addAttribute("deadline", ZonedDateTime.ofInstant(Instant.ofEpochSecond(panel.getRound().getDeadline().getSeconds()),
				this.properties.zone()));
		return "review/round";
	}

	@org.springframework.web.bind.annotation.PostMapping("/{id}/auto-assign")
	@PreAuthorize("hasRole('program-manager')")
	String autoAssign(@PathVariable("id") String id) {
		try {
			var result = this.clients.getObject().autoAssign(id);
			return "redirect:/review/rounds/" + id + "?notice=" + (result.getShortfallsCount() == 0 ? "assigned" : "assigned-short")
					+ "&added=" + result.getAssignmentsAdded() + "&missing=" + result.getShortfallsCount();
		}
		catch (ReviewPortalClient.Refused refused) {
			return "redirect:/review/rounds/" + id + "?notice=frozen";
		}
	}

	@org.springframework.web.bind.annotation.PostMapping("/{id}/confirm")
	@PreAuthorize("hasRole('program-manager')")
	String confirm(@PathVariable("id") String id) {
		try {
			this.clients.getObject().confirm(id);
			return "redirect:/review/rounds/" + id + "/results?notice=confirmed";
		}
		catch (ReviewPortalClient.Refused refused) {
			return "redirect:/review/rounds/" + id + "/results?notice=not-confirmed";
		}
	}

	@GetMapping("/{id}/results")
	String results(@PathVariable("id") String id, Model model,
			@org.springframework.web.bind.annotation.RequestParam(name = "notice", required = false) String notice) {
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("flash", NOTICES.get(notice));
		}
		ReviewPortalClient review = this.clients.getObject();
		GetRoundPanelResponse panel = review.panel(id);
		var results = review.results(id);
		Map<String, String> titles = new LinkedHashMap<>();
		panel.getItemsList().forEach(i -> titles.put(i.getReviewItemId(), i.getTitle()));
		model.addAttribute("round", panel.getRound());
		model.addAttribute("results", results);
		model.addAttribute("titles", titles);
		model.addAttribute("chart", SpreadChart.of(results.getItemsList(), titles));
		return "review/results";
	}

}
