package cn.jiangmen.innovation.portal.project.manage;

import java.util.List;
import java.util.Locale;

import cn.jiangmen.innovation.contracts.project.v1.Proposal;
import cn.jiangmen.innovation.contracts.project.v1.ProposalStatus;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One proposal for the manager: the consortium, KPIs, work plan, budget and the call's findings;
 * the formal check (pass, return for correction with a deadline, reject) and the approval (立项)
 * with the approved fiscal amount and one tranche per milestone. Each decision is typed on the
 * proposal's page, shown again on a confirmation page, and only sent from there; a refused one
 * goes back to the proposal's page (POST-redirect-GET, {@link FailedPost}) with that form as typed.
 */
@Controller
@RequestMapping("/project/manage/proposals/{proposalId}")
@PreAuthorize("hasAnyRole('program-manager', 'auditor')")
class ProposalManagerController {

	static final List<String> DECISIONS = List.of("pass", "return", "reject");

	/** The page's two forms, what a refused post is filed under ({@link FailedPost#about}). */
	static final String FORMAL_CHECK = "formal-check";

	static final String APPROVAL = "approval";

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
		Proposal proposal = project().proposal(proposalId);
		// after a refused decision (POST-redirect-GET): that form as typed, the messages next to its fields
		FailedPost failed = FailedPost.from(model);
		if (failed == null) {
			return page(proposal, new FormalCheckForm("", "", ""), ApprovalForm.empty(), FieldErrors.none(), null, model,
					locale);
		}
		FormalCheckForm decision = failed.isAbout(FORMAL_CHECK) ? new FormalCheckForm(failed.value("decision", ""),
				failed.value("reasons", ""), failed.value("correctionDue", "")) : new FormalCheckForm("", "", "");
		ApprovalForm approval = failed.isAbout(APPROVAL)
				? ApprovalForm.of(failed.typed(), proposal.getWorkPlanCount()) : ApprovalForm.empty();
		return page(proposal, decision, approval, failed.errors(FieldAdminController.MESSAGES,
				ProposalManagerController::input), failed.refusal(), model, locale);
	}

	/** The typed decision checked by the portal, then shown on its confirmation page; nothing is sent yet. */
	@PostMapping("/formal-check")
	@PreAuthorize("hasRole('program-manager')")
	String checkFormalCheck(@PathVariable("proposalId") String proposalId,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Proposal proposal = project().proposal(proposalId);
		FormalCheckForm form = FormalCheckForm.of(params);
		List<Rejected.Violation> problems = form.problems(this.properties.zone());
		if (!problems.isEmpty()) {
			return failed(FailedPost.rejected(params, problems), FORMAL_CHECK, proposal, redirect);
		}
		model.addAttribute("proposal", proposal);
		model.addAttribute("form", form);
		return "project-manage/formal-check-confirm";
	}

	@PostMapping("/formal-check/confirm")
	@PreAuthorize("hasRole('program-manager')")
	String formalCheck(@PathVariable("proposalId") String proposalId,
			@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		Proposal proposal = project().proposal(proposalId);
		FormalCheckForm form = FormalCheckForm.of(params);
		List<Rejected.Violation> problems = form.problems(this.properties.zone());
		if (!problems.isEmpty()) {
			return failed(FailedPost.rejected(params, problems), FORMAL_CHECK, proposal, redirect);
		}
		try {
			project().formalCheck(proposal.getProposalId(), form.decisionValue(), form.reasonLines(),
					form.correctionDueAt(this.properties.zone()));
			return "redirect:" + base(proposal) + "?notice=checked";
		}
		catch (Rejected rejected) {
			return failed(FailedPost.rejected(params, rejected.violations()), FORMAL_CHECK, proposal, redirect);
		}
		catch (Refused refused) {
			return failed(FailedPost.refused(params, ProjectManagerController.REFUSED + refused.code()), FORMAL_CHECK,
					proposal, redirect);
		}
	}

	/** The typed approval checked by the portal, then shown on its confirmation page; nothing is sent yet. */
	@PostMapping("/approval")
	@PreAuthorize("hasRole('program-manager')")
	String checkApproval(@PathVariable("proposalId") String proposalId,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Proposal proposal = project().proposal(proposalId);
		ApprovalForm form = ApprovalForm.of(params, proposal.getWorkPlanCount());
		List<Rejected.Violation> problems = form.problems();
		if (!problems.isEmpty()) {
			return failed(FailedPost.rejected(params, problems), APPROVAL, proposal, redirect);
		}
		model.addAttribute("proposal", proposal);
		model.addAttribute("form", form);
		return "project-manage/approval-confirm";
	}

	@PostMapping("/approval/confirm")
	@PreAuthorize("hasRole('program-manager')")
	String approve(@PathVariable("proposalId") String proposalId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		Proposal proposal = project().proposal(proposalId);
		ApprovalForm form = ApprovalForm.of(params, proposal.getWorkPlanCount());
		List<Rejected.Violation> problems = form.problems();
		if (!problems.isEmpty()) {
			return failed(FailedPost.rejected(params, problems), APPROVAL, proposal, redirect);
		}
		try {
			String projectId = project().approve(proposal.getProposalId(), form.approvedFen(), form.tranchesFen(),
					form.note());
			return "redirect:/project/manage/projects/" + projectId + "?notice=approved";
		}
		catch (Rejected rejected) {
			return failed(FailedPost.rejected(params, rejected.violations()), APPROVAL, proposal, redirect);
		}
		catch (Refused refused) {
			return failed(FailedPost.refused(params, ProjectManagerController.REFUSED + refused.code()), APPROVAL,
					proposal, redirect);
		}
	}

	/** A refused decision goes back (303) to the proposal's page, filed under the form it came from. */
	private static String failed(FailedPost failed, String form, Proposal proposal, RedirectAttributes redirect) {
		return failed.about(form).redirect(base(proposal), redirect);
	}

	/** The proposal's page, by the id the service gave (never the address as typed). */
	private static String base(Proposal proposal) {
		return "/project/manage/proposals/" + proposal.getProposalId();
	}

	private String page(Proposal proposal, FormalCheckForm decision, ApprovalForm approval, FieldErrors errors,
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

	private ProjectManagerClient project() {
		return this.clients.getObject();
	}

}
