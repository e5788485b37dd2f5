package cn.jiangmen.innovation.portal.project.manage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiangmen.innovation.contracts.project.v1.ChangeRequest;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.PlannedMilestone;
import cn.jiangmen.innovation.contracts.project.v1.ProgressReport;
import cn.jiangmen.innovation.contracts.project.v1.ProjectSummary;
import cn.jiangmen.innovation.portal.project.EvidenceLinks;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One approved project for the manager: stage, task book (任务书) with its countersignature,
 * milestones with their progress reports (accept or return, each confirmed), change requests (变更)
 * with what was asked and, once approved, the values before and after (approve or reject, confirmed).
 */
@Controller
@RequestMapping("/project/manage/projects/{projectId}")
@PreAuthorize("hasAnyRole('program-manager', 'auditor')")
class ProjectManagerController {

	static final Map<String, String> NOTICES = Map.of("approved", "project.manage.project.notice.approved",
			"countersigned", "project.manage.project.notice.countersigned", "accepted",
			"project.manage.project.notice.accepted", "returned", "project.manage.project.notice.returned",
			"change-approved", "project.manage.project.notice.change-approved", "change-rejected",
			"project.manage.project.notice.change-rejected", "task-book-issued",
			"project.manage.project.notice.task-book-issued", "round-opened",
			"project.manage.project.notice.round-opened");

	/** A refused rule's message: {@code project.manage.refused.<code>}. */
	static final String REFUSED = "project.manage.refused.";

	/** Looked up per request: web slices of other pages start without a project-service channel. */
	private final ObjectProvider<ProjectManagerClient> clients;

	ProjectManagerController(ObjectProvider<ProjectManagerClient> clients) {
		this.clients = clients;
	}

	@GetMapping
	String project(@PathVariable("projectId") String projectId,
			@RequestParam(name = "notice", required = false) String notice, Model model, Locale locale) {
		ProjectSummary summary = project().summary(projectId);
		GetTaskBookResponse taskBook = project().taskBook(projectId);
		Map<String, List<ProgressReport>> reports = new LinkedHashMap<>();
		for (PlannedMilestone m : summary.getMilestonesList()) {
			if (m.getState() != MilestoneState.MILESTONE_STATE_PLANNED) {
				reports.put(m.getMilestoneId(), project().reports(projectId, m.getMilestoneId()));
			}
		}
		model.addAttribute("summary", summary);
		model.addAttribute("taskBook", taskBook == null ? null : taskBook.getStatus());
		model.addAttribute("kpiTargets", taskBook == null ? List.of() : taskBook.getKpiTargetsList());
		model.addAttribute("reports", reports);
		model.addAttribute("evidence", EvidenceLinks.of(reports.keySet(), m -> project().evidence(projectId, m)));
		model.addAttribute("rounds", project().rounds(projectId));
		List<ChangeRequest> changes = project().changes(projectId);
		model.addAttribute("changes", changes);
		model.addAttribute("asked", ChangeAsked.byId(changes));
		model.addAttribute("fieldNames", FieldLabels.of(project().fields(), locale));
		if (notice != null && NOTICES.containsKey(notice)) {
			model.addAttribute("notice", NOTICES.get(notice));
		}
		return "project-manage/project";
	}

	@GetMapping("/countersign")
	@PreAuthorize("hasRole('program-manager')")
	String confirmCountersign(@PathVariable("projectId") String projectId, Model model) {
		return confirmation(projectId, "countersign", null, null, FailedPost.from(model), model);
	}

	@PostMapping("/countersign")
	@PreAuthorize("hasRole('program-manager')")
	String countersign(@PathVariable("projectId") String projectId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		try {
			project().countersign(projectId);
			return redirect(projectId, "countersigned");
		}
		catch (Refused refused) {
			return FailedPost.refused(params, REFUSED + refused.code())
				.redirect(base(projectId) + "/countersign", redirect);
		}
	}

	@GetMapping("/milestones/{milestoneId}/{action:accept|return}")
	@PreAuthorize("hasRole('program-manager')")
	String confirmMilestone(@PathVariable("projectId") String projectId, @PathVariable("milestoneId") String milestoneId,
			@PathVariable("action") String action, Model model) {
		return confirmation(projectId, action, milestoneId, "reasons", FailedPost.from(model), model);
	}

	@PostMapping("/milestones/{milestoneId}/{action:accept|return}")
	@PreAuthorize("hasRole('program-manager')")
	String decideMilestone(@PathVariable("projectId") String projectId, @PathVariable("milestoneId") String milestoneId,
			@PathVariable("action") String action, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		String page = base(projectId) + "/milestones/" + milestoneId + "/" + action;
		try {
			if ("accept".equals(action)) {
				project().acceptMilestone(projectId, milestoneId);
				return redirect(projectId, "accepted");
			}
			String reasons = params.getFirst("reasons");
			project().returnMilestone(projectId, milestoneId, reasons == null ? "" : reasons);
			return redirect(projectId, "returned");
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations()).redirect(page, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, REFUSED + refused.code()).redirect(page, redirect);
		}
	}

	@GetMapping("/changes/{changeId}/{action:approve|reject}")
	@PreAuthorize("hasRole('program-manager')")
	String confirmChange(@PathVariable("projectId") String projectId, @PathVariable("changeId") String changeId,
			@PathVariable("action") String action, Model model) {
		return confirmation(projectId, "change-" + action, changeId, "note", FailedPost.from(model), model);
	}

	@PostMapping("/changes/{changeId}/{action:approve|reject}")
	@PreAuthorize("hasRole('program-manager')")
	String decideChange(@PathVariable("projectId") String projectId, @PathVariable("changeId") String changeId,
			@PathVariable("action") String action, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		String page = base(projectId) + "/changes/" + changeId + "/" + action;
		String note = params.getFirst("note");
		try {
			project().decideChange(projectId, changeId, "approve".equals(action), note == null ? "" : note);
			return redirect(projectId, "change-" + action + "d");
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations()).redirect(page, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, REFUSED + refused.code()).redirect(page, redirect);
		}
	}

	/**
	 * The confirmation page of every decision on the project: what is decided on (a milestone and its
	 * latest report, a change request), the text the decision needs, and the button.
	 */
	private String confirmation(String projectId, String action, String subjectId, String textField, FailedPost failed,
			Model model) {
		ProjectSummary summary = project().summary(projectId);
		model.addAttribute("summary", summary);
		model.addAttribute("action", action);
		// after a failed POST (POST-redirect-GET): the text as typed, the message next to it or the refusal
		model.addAttribute("text", failed == null || textField == null ? "" : failed.value(textField, ""));
		// the service names a change's rejection reason "reason"; the form's textarea is "note"
		model.addAttribute("errors", failed == null ? FieldErrors.none()
				: failed.errors(FieldAdminController.MESSAGES,
						s -> action.startsWith("change-") && "reason".equals(s) ? "note" : s));
		model.addAttribute("refusal", failed == null ? null : failed.refusal());
		if ("accept".equals(action) || "return".equals(action)) {
			PlannedMilestone milestone = summary.getMilestonesList()
				.stream()
				.filter(m -> m.getMilestoneId().equals(subjectId))
				.findFirst()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no milestone " + subjectId));
			List<ProgressReport> reports = project().reports(projectId, subjectId);
			model.addAttribute("milestone", milestone);
			model.addAttribute("report", reports.isEmpty() ? null : reports.get(0));
			model.addAttribute("evidence", EvidenceLinks.of(List.of(subjectId), m -> project().evidence(projectId, m)));
		}
		if (action.startsWith("change-")) {
			ChangeRequest change = project().changes(projectId)
				.stream()
				.filter(c -> c.getChangeRequestId().equals(subjectId))
				.findFirst()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no change request " + subjectId));
			model.addAttribute("change", change);
			model.addAttribute("asked", ChangeAsked.of(change.getChange()));
		}
		return "project-manage/project-confirm";
	}

	private static String redirect(String projectId, String notice) {
		return "redirect:" + base(projectId) + "?notice=" + notice;
	}

	private static String base(String projectId) {
		return "/project/manage/projects/" + projectId;
	}

	private ProjectManagerClient project() {
		return this.clients.getObject();
	}

}
