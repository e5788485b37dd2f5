package cn.jiangmen.innovation.portal.project;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.contracts.project.v1.PriorityField;
import cn.jiangmen.innovation.contracts.project.v1.Proposal;
import cn.jiangmen.innovation.contracts.project.v1.ProposalStatus;
import cn.jiangmen.innovation.contracts.project.v1.SaveProposalResponse;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.ProtoEnums;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consortium's proposal (申报书) for the applicant: the lead edits it (autosave through htmx one
 * second after a change, a partial save naming the fields not taken; the Save button without script,
 * POST-redirect-GET), checks the answers and submits on a page of its own, withdraws after a
 * confirmation; a partner reads it and confirms its participation. What an organisation may do is
 * decided by project-service (a partner's save is refused there too); the page offers only that.
 */
@Controller
@RequestMapping("/projects/proposals")
@PreAuthorize("hasRole('applicant')")
class ProposalPagesController {

	/** Empty rows offered below the typed ones in each editor. */
	static final int SPARE_ROWS = 2;

	/** The directory holds a city's organisations: hundreds, all offered by name. */
	static final int DIRECTORY_CHOICES = 2000;

	private final ObjectProvider<ProjectPortalClient> client;

	private final ObjectProvider<OrganisationDirectory> directory;

	private final PortalProperties properties;

	private final Clock clock = Clock.systemUTC();

	ProposalPagesController(ObjectProvider<ProjectPortalClient> client, ObjectProvider<OrganisationDirectory> directory,
			PortalProperties properties) {
		this.client = client;
		this.directory = directory;
		this.properties = properties;
	}

	/** My proposals (as lead or partner) and my projects (the approved ones). */
	@GetMapping
	String list(@RequestParam(name = "done", required = false) String done, Model model,
			Authentication authentication) {
		ProjectMessages.done(done).ifPresent(notice -> model.addAttribute("notice", notice));
		String organisation = ProjectCallsController.organisation(authentication);
		List<ProposalRow> rows = projects().proposals()
			.stream()
			.map(p -> ProposalRow.of(p, this.properties.zone(), organisation))
			.toList();
		model.addAttribute("proposals", rows);
		model.addAttribute("projects", rows.stream().filter(r -> !r.projectId().isEmpty()).toList());
		return "projects/proposals";
	}

	@GetMapping("/{id}")
	String proposal(@PathVariable("id") String id, @RequestParam(name = "done", required = false) String done,
			@RequestParam(name = "refused", required = false) String refused, Model model,
			Authentication authentication) {
		ProjectMessages.done(done).ifPresent(notice -> model.addAttribute("notice", notice));
		if (refused != null) {
			model.addAttribute("refusal", ProjectMessages.refusal(refused));
		}
		Proposal proposal = projects().proposal(id);
		FormFlash failed = FormFlash.from(model);
		ProposalForm stored = ProposalForm.of(proposal);
		ProposalForm shown = failed == null ? stored : ProposalForm.from(failed.over(stored.toParams()));
		fill(model, proposal, shown, failed == null ? List.of() : failed.violations(), authentication);
		return "projects/proposal";
	}

	/** Autosave (htmx: answers the feedback fragment) and the no-script Save button (a redirect). */
	@PostMapping("/{id}")
	String save(@PathVariable("id") String id, @RequestParam MultiValueMap<String, String> params,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			Authentication authentication, HttpServletResponse response, RedirectAttributes redirect) {
		Proposal before = projects().proposal(id);
		ProposalForm form = ProposalForm.from(params);
		ProposalForm.Converted converted = form.toContent(before, this::organisationNamed);
		try {
			SaveProposalResponse answer = projects().save(id, converted.content(), version(params.getFirst("version")));
			List<Rejected.Violation> notSaved = new ArrayList<>(converted.violations());
			answer.getFieldErrorsList().forEach(e -> notSaved.add(new Rejected.Violation(e.getField(), e.getCode())));
			if (htmx == null) {
				if (notSaved.isEmpty()) {
					return "redirect:/projects/proposals/" + ProjectMessages.id(id) + "?done=saved";
				}
				FormFlash.refused(form.toParams(), notSaved.stream().map(ProposalPagesController::asParameter).toList())
					.flash(redirect);
				return "redirect:/projects/proposals/" + ProjectMessages.id(id);
			}
			// the page shows what was typed (the refused fields too, to be corrected), not what was stored
			fill(model, answer.getProposal(), form, notSaved, authentication);
			model.addAttribute("savedAt", this.clock.instant().atZone(this.properties.zone()));
			return "projects/proposal :: feedback";
		}
		catch (Rejected rejected) {
			if (htmx == null) {
				FormFlash.refused(form.toParams(), rejected.violations()).flash(redirect);
				return "redirect:/projects/proposals/" + ProjectMessages.id(id);
			}
			fill(model, before, form, rejected.violations(), authentication);
			return "projects/proposal :: feedback";
		}
		catch (Refused refused) {
			// htmx swaps only 2xx answers (the layout's htmx-config): the fragment must arrive
			response.setStatus(htmx != null ? HttpStatus.OK.value() : HttpStatus.CONFLICT.value());
			fill(model, projects().proposal(id), form, List.of(), authentication);
			model.addAttribute("refusal", ProjectMessages.refusal(refused.code()));
			// keep the version this page was built on, so later autosaves keep being refused instead of
			// overwriting the other change; a reload shows it
			model.addAttribute("formVersion", version(params.getFirst("version")));
			return htmx != null ? "projects/proposal :: feedback" : "projects/proposal";
		}
	}

	/** Check your answers: everything as stored, the call's findings, and the submit button. */
	@GetMapping("/{id}/review")
	String review(@PathVariable("id") String id, @RequestParam(name = "refused", required = false) String refused,
			Model model, Authentication authentication) {
		Proposal proposal = projects().proposal(id);
		fill(model, proposal, ProposalForm.of(proposal), List.of(), authentication);
		if (!Boolean.TRUE.equals(model.getAttribute("editable"))) {
			return "redirect:/projects/proposals/" + ProjectMessages.id(id);
		}
		if (refused != null) {
			model.addAttribute("refusal", ProjectMessages.refusal(refused));
		}
		return "projects/review";
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable("id") String id, @RequestParam(name = "confirm", required = false) String confirm,
			RedirectAttributes redirect) {
		if (confirm == null) {
			return "redirect:/projects/proposals/" + ProjectMessages.id(id) + "/review?refused=confirm-required";
		}
		try {
			projects().submit(id);
			return "redirect:/projects/proposals/" + ProjectMessages.id(id) + "?done=submitted";
		}
		catch (Rejected rejected) {
			// the call's rules, each in words on the form; a reload submits nothing again
			new FormFlash(java.util.Map.of(), rejected.violations().stream().map(ProposalPagesController::camel).toList())
				.flash(redirect);
			return "redirect:/projects/proposals/" + ProjectMessages.id(id);
		}
		catch (Refused refused) {
			return "redirect:/projects/proposals/" + ProjectMessages.id(id) + "/review?refused="
					+ ProjectMessages.code(refused.code());
		}
	}

	/** Withdrawing is confirmed on a page of its own first. */
	@GetMapping("/{id}/withdraw")
	String confirmWithdraw(@PathVariable("id") String id, Model model, Authentication authentication) {
		Proposal proposal = projects().proposal(id);
		fill(model, proposal, ProposalForm.of(proposal), List.of(), authentication);
		if (!Boolean.TRUE.equals(model.getAttribute("canWithdraw"))) {
			return "redirect:/projects/proposals/" + ProjectMessages.id(id);
		}
		return "projects/withdraw";
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@PathVariable("id") String id) {
		try {
			projects().withdraw(id);
			return "redirect:/projects/proposals/" + ProjectMessages.id(id) + "?done=withdrawn";
		}
		catch (Refused refused) {
			return "redirect:/projects/proposals/" + ProjectMessages.id(id) + "?refused="
					+ ProjectMessages.code(refused.code());
		}
	}

	/** A partner's user confirms the organisation's participation as the proposal stands. */
	@PostMapping("/{id}/confirmation")
	String confirm(@PathVariable("id") String id, @RequestParam(name = "confirm", required = false) String confirm) {
		if (confirm == null) {
			return "redirect:/projects/proposals/" + ProjectMessages.id(id) + "?refused=confirm-required";
		}
		try {
			projects().confirm(id);
			return "redirect:/projects/proposals/" + ProjectMessages.id(id) + "?done=confirmed";
		}
		catch (Refused refused) {
			return "redirect:/projects/proposals/" + ProjectMessages.id(id) + "?refused="
					+ ProjectMessages.code(refused.code());
		}
	}

	private void fill(Model model, Proposal proposal, ProposalForm form, List<Rejected.Violation> violations,
			Authentication authentication) {
		String organisation = ProjectCallsController.organisation(authentication);
		boolean lead = proposal.getLeadOrganisationId().equals(organisation);
		ProposalStatus status = proposal.getStatus();
		boolean editable = lead && (status == ProposalStatus.PROPOSAL_STATUS_DRAFT
				|| status == ProposalStatus.PROPOSAL_STATUS_RETURNED);
		CallView call = CallView.of(projects().call(proposal.getCallId()), this.properties.zone());
		Optional<cn.jiangmen.innovation.contracts.project.v1.ConsortiumMember> membership = proposal.getConsortiumList()
			.stream()
			.filter(m -> !m.getLead() && m.getOrganisationId().equals(organisation))
			.findFirst();
		model.addAttribute("proposal", proposal);
		model.addAttribute("status", ProtoEnums.code(status));
		model.addAttribute("call", call);
		model.addAttribute("field", projects().fields()
			.stream()
			.filter(f -> f.getCode().equals(call.fieldCode()))
			.findFirst()
			.orElse(PriorityField.newBuilder().setCode(call.fieldCode()).build()));
		model.addAttribute("lead", lead);
		model.addAttribute("editable", editable);
		model.addAttribute("canWithdraw", lead && status == ProposalStatus.PROPOSAL_STATUS_SUBMITTED && call.accepting());
		model.addAttribute("canConfirm", membership.isPresent() && !membership.get().hasConfirmedAt()
				&& (status == ProposalStatus.PROPOSAL_STATUS_DRAFT || status == ProposalStatus.PROPOSAL_STATUS_RETURNED));
		model.addAttribute("membership", membership.orElse(null));
		model.addAttribute("form", editable ? form.withBlankRows(SPARE_ROWS) : form);
		model.addAttribute("budget", BudgetTable.of(form, call));
		model.addAttribute("categories", ProposalForm.CATEGORIES);
		model.addAttribute("sources", ProposalForm.SOURCES);
		model.addAttribute("kpiKinds", ProposalForm.KPI_KINDS);
		model.addAttribute("findings", Finding.of(proposal, call));
		model.addAttribute("errors", FieldErrors.of("projects", violations, ProposalPagesController::inputId));
		model.addAttribute("yuan", cn.jiangmen.innovation.portal.finance.Yuan.PAGES);
		model.addAttribute("zone", this.properties.zone());
		model.addAttribute("leadName", proposal.getLeadOrganisationName());
		model.addAttribute("submittedAt",
				proposal.hasSubmittedAt() ? CallView.at(proposal.getSubmittedAt(), this.properties.zone()) : null);
		if (editable) {
			OrganisationDirectory organisations = this.directory.getIfAvailable();
			model.addAttribute("organisationNames", organisations == null ? List.of()
					: organisations.search("", DIRECTORY_CHOICES).stream().map(Organisation::name).toList());
		}
	}

	/**
	 * The id of the control a field belongs to: {@code partners[1].organisationId} is the name input
	 * {@code partners-1-organisationName}; a budget line of the service is the grid; a rule about a
	 * whole section is that section.
	 */
	static String inputId(String field) {
		String camel = camel(field);
		if (camel.matches("partners\\[\\d+]\\.organisationId")) {
			return camel.replace("[", "-").replace("].organisationId", "-organisationName");
		}
		if (camel.startsWith("budget[") || camel.equals("budget")) {
			return "section-budget";
		}
		return switch (camel) {
			case "partners", "leadOrganisation" -> "section-consortium";
			case "kpis" -> "section-kpis";
			case "workPlan" -> "section-work-plan";
			default -> camel.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("^-|-$", "");
		};
	}

	/** Submission's refusals name fields as the proto does ({@code work_plan[0].due_date}); the form is camelCase. */
	static Rejected.Violation camel(Rejected.Violation violation) {
		return new Rejected.Violation(camel(violation.field()), violation.reason());
	}

	static String camel(String field) {
		if (field == null) {
			return "";
		}
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("_([a-z0-9])").matcher(field);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, m.group(1).toUpperCase(java.util.Locale.ROOT));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** A violation under the name of the parameter the page posts (a partner is chosen by name). */
	private static Rejected.Violation asParameter(Rejected.Violation violation) {
		String field = violation.field() == null ? "" : violation.field();
		return new Rejected.Violation(field.replaceAll("^(partners\\[\\d+])\\.organisationId$", "$1.organisationName"),
				violation.reason());
	}

	/** The directory's entry with exactly this name. */
	private Optional<Organisation> organisationNamed(String name) {
		OrganisationDirectory organisations = this.directory.getIfAvailable();
		if (organisations == null) {
			return Optional.empty();
		}
		return organisations.search(name, 20).stream().filter(o -> o.name().equals(name)).findFirst();
	}

	/** The version the page was rendered with; anything unreadable means "do not check". */
	static long version(String text) {
		try {
			return text == null ? 0 : Math.max(0, Long.parseLong(text.strip()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private ProjectPortalClient projects() {
		return this.client.getObject();
	}

}
