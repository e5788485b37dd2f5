package cn.jiangmen.innovation.portal.project;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.jiangmen.innovation.contracts.project.v1.PriorityField;
import cn.jiangmen.innovation.contracts.project.v1.Proposal;
import cn.jiangmen.innovation.contracts.project.v1.ProposalContent;
import cn.jiangmen.innovation.platform.security.CurrentUser;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.web.Refused;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The applicant's field and call browser for major S&T projects (重大科技专项): the nine priority
 * fields with their open calls, a call's guideline page, and starting a proposal on it (the lead is
 * the applicant's own organisation; project-service takes it from the token).
 */
@Controller
@RequestMapping("/projects")
class ProjectCallsController {

	private final ObjectProvider<ProjectPortalClient> client;

	private final PortalProperties properties;

	ProjectCallsController(ObjectProvider<ProjectPortalClient> client, PortalProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	/** A field with its calls, by year (latest first). */
	public record FieldCalls(PriorityField field, Map<Integer, List<CallView>> byYear, long accepting) {
	}

	/**
	 * The fields in plan order, each with its published and closed calls by year; {@code field}
	 * narrows to one field, {@code year} to one year.
	 */
	@GetMapping("/calls")
	@PreAuthorize("hasRole('applicant')")
	String calls(@RequestParam(name = "field", required = false) String field,
			@RequestParam(name = "year", required = false) Integer year, Model model) {
		List<PriorityField> fields = projects().fields();
		List<CallView> calls = projects().calls(field)
			.stream()
			.map(c -> CallView.of(c, this.properties.zone()))
			.filter(c -> year == null || c.year() == year)
			.toList();
		Map<String, FieldCalls> byField = new LinkedHashMap<>();
		for (PriorityField f : fields) {
			if (field != null && !field.isBlank() && !f.getCode().equals(field)) {
				continue;
			}
			Map<Integer, List<CallView>> byYear = new TreeMap<>(Comparator.reverseOrder());
			calls.stream()
				.filter(c -> c.fieldCode().equals(f.getCode()))
				.forEach(c -> byYear.computeIfAbsent(c.year(), y -> new java.util.ArrayList<>()).add(c));
			if (f.getRetired() && byYear.isEmpty()) {
				continue;
			}
			byField.put(f.getCode(), new FieldCalls(f, byYear, calls.stream()
				.filter(c -> c.fieldCode().equals(f.getCode()) && c.accepting())
				.count()));
		}
		model.addAttribute("fields", fields.stream().filter(f -> !f.getRetired()).toList());
		model.addAttribute("byField", byField.values());
		model.addAttribute("selectedField", field == null ? "" : field);
		model.addAttribute("selectedYear", year);
		model.addAttribute("years", calls.stream().map(CallView::year).distinct().sorted(Comparator.reverseOrder()).toList());
		return "projects/calls";
	}

	@GetMapping("/calls/{callId}")
	@PreAuthorize("hasRole('applicant')")
	String call(@PathVariable("callId") String callId, @RequestParam(name = "refused", required = false) String refused,
			Model model, Authentication authentication) {
		CallView call = CallView.of(projects().call(callId), this.properties.zone());
		PriorityField field = projects().fields()
			.stream()
			.filter(f -> f.getCode().equals(call.fieldCode()))
			.findFirst()
			.orElse(PriorityField.newBuilder().setCode(call.fieldCode()).build());
		List<Proposal> mine = projects().proposals()
			.stream()
			.filter(p -> p.getCallId().equals(call.id()))
			.toList();
		model.addAttribute("call", call);
		model.addAttribute("field", field);
		model.addAttribute("proposals", mine.stream().map(p -> ProposalRow.of(p, this.properties.zone(), organisation(authentication))).toList());
		if (refused != null) {
			model.addAttribute("refusal", ProjectMessages.refusal(refused));
		}
		return "projects/call";
	}

	/** Starts a proposal with the call's first topic chosen; the form follows. */
	@PostMapping("/calls/{callId}/proposals")
	@PreAuthorize("hasRole('applicant')")
	String start(@PathVariable("callId") String callId) {
		try {
			Proposal created = projects().create(callId, ProposalContent.getDefaultInstance());
			return "redirect:/projects/proposals/" + created.getProposalId();
		}
		catch (Refused refused) {
			return "redirect:/projects/calls/" + ProjectMessages.id(callId) + "?refused="
					+ ProjectMessages.code(refused.code());
		}
	}

	static String organisation(Authentication authentication) {
		return CurrentUser.from(authentication).organisationId().map(Object::toString).orElse("");
	}

	private ProjectPortalClient projects() {
		return this.client.getObject();
	}

}
