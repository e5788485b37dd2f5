package cn.jiangmen.innovation.portal.project.manage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.jiangmen.innovation.contracts.project.v1.FormalCheckDecision;
import cn.jiangmen.innovation.contracts.project.v1.Proposal;
import cn.jiangmen.innovation.contracts.project.v1.ProposalStatus;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.finance.Yuan;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One proposal for the manager: the consortium, KPIs, work plan, budget and the call's findings;
 * the formal check (pass, return for correction with a deadline, reject) and the approval (立项)
 * with the approved fiscal amount and one tranche per milestone. Each decision is typed on the
 * proposal's page, shown again on a confirmation page, and only sent from there.
 */
@Controller
@RequestMapping("/project/manage/proposals/{proposalId}")
@PreAuthorize("hasAnyRole('program-manager', 'auditor')")
class ProposalManagerController {

	static final List<String> DECISIONS = List.of("pass", "return", "reject");

	/** Looked up per request: web slices of other pages start without a project-service channel. */
	private final ObjectProvider<ProjectManagerClient> clients;

	private final PortalProperties properties;

	ProposalManagerController(ObjectProvider<ProjectManagerClient> clients, PortalProperties properties) {
		this.clients = clients;
		this.properties = properties;
	}

	@GetMapping
	String proposal(@PathVariable("proposalId") String proposalId,
			@RequestParam(name = "notice", required = false) String notice, Model model, Locale locale) {
		if ("checked".equals(notice)) {
			model.addAttribute("notice", "project.manage.proposal.notice.checked");
		}
		return page(project().proposal(proposalId), new DecisionForm("", "", ""), ApprovalForm.empty(),
				FieldErrors.none(), null, model, locale);
	}

	@PostMapping("/formal-check")
	@PreAuthorize("hasRole('program-manager')")
	String checkFormalCheck(@PathVariable("proposalId") String proposalId,
			@RequestParam(name = "decision", defaultValue = "") String decision,
			@RequestParam(name = "reasons", defaultValue = "") String reasons,
			@RequestParam(name = "correctionDue", defaultValue = "") String correctionDue, Model model, Locale locale,
			HttpServletResponse response) {
		Proposal proposal = project().proposal(proposalId);
		DecisionForm form = new DecisionForm(decision, reasons, correctionDue);
		List<Rejected.Violation> problems = form.problems(this.properties.zone());
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(proposal, form, ApprovalForm.empty(), errors(problems), null, model, locale);
		}
		model.addAttribute("proposal", proposal);
		model.addAttribute("form", form);
		return "project-manage/formal-check-confirm";
	}

	@PostMapping("/formal-check/confirm")
	@PreAuthorize("hasRole('program-manager')")
	String formalCheck(@PathVariable("proposalId") String proposalId,
			@RequestParam(name = "decision", defaultValue = "") String decision,
			@RequestParam(name = "reasons", defaultValue = "") String reasons,
			@RequestParam(name = "correctionDue", defaultValue = "") String correctionDue, Model model, Locale locale,
			HttpServletResponse response) {
		DecisionForm form = new DecisionForm(decision, reasons, correctionDue);
		List<Rejected.Violation> problems = form.problems(this.properties.zone());
		if (problems.isEmpty()) {
			try {
				project().formalCheck(proposalId, form.decisionValue(), form.reasonLines(),
						form.correctionDueAt(this.properties.zone()));
				return "redirect:/project/manage/proposals/" + proposalId + "?notice=checked";
			}
			catch (Rejected rejected) {
				problems = rejected.violations();
			}
			catch (Refused refused) {
				response.setStatus(HttpStatus.CONFLICT.value());
				return page(project().proposal(proposalId), form, ApprovalForm.empty(), FieldErrors.none(),
						"project.manage.refused." + refused.code(), model, locale);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(project().proposal(proposalId), form, ApprovalForm.empty(), errors(problems), null, model, locale);
	}

	@PostMapping("/approval")
	@PreAuthorize("hasRole('program-manager')")
	String checkApproval(@PathVariable("proposalId") String proposalId,
			@RequestParam MultiValueMap<String, String> posted, Model model, Locale locale,
			HttpServletResponse response) {
		Proposal proposal = project().proposal(proposalId);
		ApprovalForm form = ApprovalForm.of(posted, proposal.getWorkPlanCount());
		List<Rejected.Violation> problems = form.problems();
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(proposal, new DecisionForm("", "", ""), form, errors(problems), null, model, locale);
		}
		model.addAttribute("proposal", proposal);
		model.addAttribute("form", form);
		return "project-manage/approval-confirm";
	}

	@PostMapping("/approval/confirm")
	@PreAuthorize("hasRole('program-manager')")
	String approve(@PathVariable("proposalId") String proposalId, @RequestParam MultiValueMap<String, String> posted,
			Model model, Locale locale, HttpServletResponse response) {
		Proposal proposal = project().proposal(proposalId);
		ApprovalForm form = ApprovalForm.of(posted, proposal.getWorkPlanCount());
		List<Rejected.Violation> problems = form.problems();
		if (problems.isEmpty()) {
			try {
				String projectId = project().approve(proposalId, form.approvedFen(), form.tranchesFen(), form.note());
				return "redirect:/project/manage/projects/" + projectId + "?notice=approved";
			}
			catch (Rejected rejected) {
				problems = rejected.violations();
			}
			catch (Refused refused) {
				response.setStatus(HttpStatus.CONFLICT.value());
				return page(proposal, new DecisionForm("", "", ""), form, FieldErrors.none(),
						"project.manage.refused." + refused.code(), model, locale);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(proposal, new DecisionForm("", "", ""), form, errors(problems), null, model, locale);
	}

	private String page(Proposal proposal, DecisionForm decision, ApprovalForm approval, FieldErrors errors,
			String refusal, Model model, Locale locale) {
		model.addAttribute("proposal", proposal);
		model.addAttribute("call", project().call(proposal.getCallId()));
		model.addAttribute("fieldNames", FieldLabels.of(project().fields(), locale));
		model.addAttribute("decision", decision);
		model.addAttribute("approval", approval);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		model.addAttribute("decisions", DECISIONS);
		model.addAttribute("checkable", proposal.getStatus() == ProposalStatus.PROPOSAL_STATUS_SUBMITTED);
		model.addAttribute("approvable", proposal.getStatus() == ProposalStatus.PROPOSAL_STATUS_REVIEWED);
		return "project-manage/proposal";
	}

	private static FieldErrors errors(List<Rejected.Violation> problems) {
		return FieldErrors.of(FieldAdminController.MESSAGES, problems, ProposalManagerController::input);
	}

	/** The service's names to the form's ids (tranches[1].amount is the second tranche's input). */
	static String input(String service) {
		if (service.startsWith("tranches[")) {
			return "tranche-" + service.substring("tranches[".length(), service.indexOf(']'));
		}
		return switch (service) {
			case "approvedFiscal", "approved_fiscal" -> "approved";
			case "correctionDueAt", "correction_due_at" -> "correctionDue";
			default -> service;
		};
	}

	/**
	 * The formal check as typed: pass, return (reasons, one a line, and a correction deadline: the
	 * end of that day in Beijing) or reject (reasons).
	 */
	public record DecisionForm(String decision, String reasons, String correctionDue) {

		List<Rejected.Violation> problems(java.time.ZoneId zone) {
			List<Rejected.Violation> problems = new ArrayList<>();
			if (!DECISIONS.contains(this.decision)) {
				problems.add(new Rejected.Violation("decision", "required"));
				return problems;
			}
			if (!"pass".equals(this.decision) && reasonLines().isEmpty()) {
				problems.add(new Rejected.Violation("reasons", "required"));
			}
			if ("return".equals(this.decision)) {
				try {
					if (correctionDueAt(zone).isBefore(Instant.now())) {
						problems.add(new Rejected.Violation("correctionDue", "in-the-past"));
					}
				}
				catch (DateTimeParseException ex) {
					problems.add(new Rejected.Violation("correctionDue",
							this.correctionDue.isBlank() ? "required" : "malformed"));
				}
			}
			return problems;
		}

		public List<String> reasonLines() {
			return this.reasons.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		}

		FormalCheckDecision decisionValue() {
			return switch (this.decision) {
				case "pass" -> FormalCheckDecision.FORMAL_CHECK_DECISION_PASS;
				case "return" -> FormalCheckDecision.FORMAL_CHECK_DECISION_RETURN;
				default -> FormalCheckDecision.FORMAL_CHECK_DECISION_REJECT;
			};
		}

		Instant correctionDueAt(java.time.ZoneId zone) {
			if (!"return".equals(this.decision)) {
				return null;
			}
			return LocalDate.parse(this.correctionDue.strip()).plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
		}

	}

	/** The approval as typed: the approved fiscal amount, one tranche per work-plan milestone, a note. */
	public record ApprovalForm(String approved, List<String> tranches, String note) {

		static ApprovalForm empty() {
			return new ApprovalForm("", List.of(), "");
		}

		static ApprovalForm of(MultiValueMap<String, String> posted, int milestones) {
			List<String> tranches = new ArrayList<>();
			for (int i = 0; i < milestones; i++) {
				String value = posted.getFirst("tranche-" + i);
				tranches.add(value == null ? "" : value);
			}
			String approved = posted.getFirst("approved");
			String note = posted.getFirst("note");
			return new ApprovalForm(approved == null ? "" : approved, tranches, note == null ? "" : note);
		}

		public String tranche(int index) {
			return index < this.tranches.size() ? this.tranches.get(index) : "";
		}

		List<Rejected.Violation> problems() {
			List<Rejected.Violation> problems = new ArrayList<>();
			Yuan.Parsed approvedFen = Yuan.parse(this.approved);
			if (!approvedFen.ok()) {
				problems.add(new Rejected.Violation("approvedFiscal", approvedFen.problem()));
			}
			for (int i = 0; i < this.tranches.size(); i++) {
				Yuan.Parsed fen = Yuan.parse(this.tranches.get(i));
				if (!fen.ok()) {
					problems.add(new Rejected.Violation("tranches[" + i + "].amount", fen.problem()));
				}
			}
			return problems;
		}

		long approvedFen() {
			return Yuan.parse(this.approved).fen();
		}

		List<Long> tranchesFen() {
			return this.tranches.stream().map(t -> Yuan.parse(t).fen()).toList();
		}

	}

	private ProjectManagerClient project() {
		return this.clients.getObject();
	}

}
