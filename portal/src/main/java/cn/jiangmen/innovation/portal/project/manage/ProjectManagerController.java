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
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

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
			"project.manage.project.notice.change-rejected");

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
		return confirmation(projectId, "countersign", null, null, FieldErrors.none(), null, model);
	}

	@PostMapping("/countersign")
	@PreAuthorize("hasRole('program-manager')")
	String countersign(@PathVariable("projectId") String projectId, Model model, HttpServletResponse response) {
		try {
			project().countersign(projectId);
			return redirect(projectId, "countersigned");
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return confirmation(projectId, "countersign", null, null, FieldErrors.none(), refused.code(), model);
		}
	}

	@GetMapping("/milestones/{milestoneId}/{action:accept|return}")
	@PreAuthorize("hasRole('program-manager')")
	String confirmMilestone(@PathVariable("projectId") String projectId, @PathVariable("milestoneId") String milestoneId,
			@PathVariable("action") String action, Model model) {
		return confirmation(projectId, action, milestoneId, "", FieldErrors.none(), null, model);
	}

	@PostMapping("/milestones/{milestoneId}/{action:accept|return}")
	@PreAuthorize("hasRole('program-manager')")
	String decideMilestone(@PathVariable("projectId") String projectId, @PathVariable("milestoneId") String milestoneId,
			@PathVariable("action") String action, @RequestParam(name = "reasons", defaultValue = "") String reasons,
			Model model, HttpServletResponse response) {
		try {
			if ("accept".equals(action)) {
				project().acceptMilestone(projectId, milestoneId);
				return redirect(projectId, "accepted");
			}
			project().returnMilestone(projectId, milestoneId, reasons);
			return redirect(projectId, "returned");
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return confirmation(projectId, action, milestoneId, reasons,
					FieldErrors.of(FieldAdminController.MESSAGES, rejected.violations(), s -> s), null, model);
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return confirmation(projectId, action, milestoneId, reasons, FieldErrors.none(), refused.code(), model);
		}
	}

	@GetMapping("/changes/{changeId}/{action:approve|reject}")
	@PreAuthorize("hasRole('program-manager')")
	String confirmChange(@PathVariable("projectId") String projectId, @PathVariable("changeId") String changeId,
			@PathVariable("action") String action, Model model) {
		return confirmation(projectId, "change-" + action, changeId, "", FieldErrors.none(), null, model);
	}

	@PostMapping("/changes/{changeId}/{action:approve|reject}")
	@PreAuthorize("hasRole('program-manager')")
	String decideChange(@PathVariable("projectId") String projectId, @PathVariable("changeId") String changeId,
			@PathVariable("action") String action, @RequestParam(name = "note", defaultValue = "") String note,
			Model model, HttpServletResponse response) {
		try {
			project().decideChange(projectId, changeId, "approve".equals(action), note);
			return redirect(projectId, "change-" + action + "d");
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			// the service names the rejection's reason "reason"; the form's textarea is "note"
			return confirmation(projectId, "change-" + action, changeId, note, FieldErrors.of(
					FieldAdminController.MESSAGES, rejected.violations(), s -> "reason".equals(s) ? "note" : s), null,
					model);
		}
		catch (Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return confirmation(projectId, "change-" + action, changeId, note, FieldErrors.none(), refused.code(), model);
		}
	}

	/**
	 * The confirmation page of every decision on the project: what is decided on (a milestone and its
	 * latest report, a change request), the text the decision needs, and the button.
	 */
	private String confirmation(String projectId, String action, String subjectId, String text, FieldErrors errors,
			String refusal, Model model) {
		ProjectSummary summary = project().summary(projectId);
		model.addAttribute("summary", summary);
		model.addAttribute("action", action);
		model.addAttribute("text", text == null ? "" : text);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal == null ? null : "project.manage.refused." + refusal);
		if ("accept".equals(action) || "return".equals(action)) {
			PlannedMilestone milestone = summary.getMilestonesList()
				.stream()
				.filter(m -> m.getMilestoneId().equals(subjectId))
				.findFirst()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no milestone " + subjectId));
			List<ProgressReport> reports = project().reports(projectId, subjectId);
			model.addAttribute("milestone", milestone);
			model.addAttribute("report", reports.isEmpty() ? null : reports.get(0));
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
		return "redirect:/project/manage/projects/" + projectId + "?notice=" + notice;
	}

	private ProjectManagerClient project() {
		return this.clients.getObject();
	}

}
