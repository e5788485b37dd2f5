package cn.jiangmen.innovation.portal.project.manage;

import java.util.Map;

import cn.jiangmen.innovation.contracts.project.v1.CheckRoundKind;
import cn.jiangmen.innovation.contracts.project.v1.DownloadMilestoneEvidenceResponse;
import cn.jiangmen.innovation.contracts.project.v1.PlannedMilestone;
import cn.jiangmen.innovation.contracts.project.v1.ProjectStage;
import cn.jiangmen.innovation.contracts.project.v1.ProjectSummary;
import cn.jiangmen.innovation.contracts.project.v1.TaskBookState;
import cn.jiangmen.innovation.portal.project.EvidenceDownload;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The manager's steps that start a project's phases: issuing the task book (任务书) of an approved
 * project (its milestones and tranches as approved, each milestone's KPI targets typed here; shown
 * on a confirmation page, then sent) and opening a mid-term check (中期检查) or the final acceptance
 * (验收), confirmed first. A refusal comes back to the form or confirmation page after a redirect
 * ({@link FailedPost}), the message next to the field it names.
 */
@Controller
@RequestMapping("/project/manage/projects/{projectId}")
@PreAuthorize("hasRole('program-manager')")
class ProjectExecutionManagerController {

	static final Map<String, CheckRoundKind> KINDS = Map.of("MID_TERM", CheckRoundKind.CHECK_ROUND_KIND_MID_TERM,
			"FINAL_ACCEPTANCE", CheckRoundKind.CHECK_ROUND_KIND_FINAL_ACCEPTANCE);

	private final ObjectProvider<ProjectManagerClient> clients;

	ProjectExecutionManagerController(ObjectProvider<ProjectManagerClient> clients) {
		this.clients = clients;
	}

	@GetMapping("/task-book/issue")
	String issueForm(@PathVariable("projectId") String projectId, Model model) {
		FailedPost failed = FailedPost.from(model);
		MultiValueMap<String, String> typed = failed == null ? new LinkedMultiValueMap<>() : failed.typed();
		ProjectSummary summary = issuable(projectId, model);
		TaskBookIssue issue = TaskBookIssue.of(summary, typed);
		model.addAttribute("typed", typed.toSingleValueMap());
		model.addAttribute("errors", failed == null ? FieldErrors.none()
				: failed.errors(FieldAdminController.MESSAGES, issue::inputOf));
		model.addAttribute("refusal", failed == null ? null : failed.refusal());
		return "project-manage/task-book-issue";
	}

	/** What will be issued, shown once more with the typed rows carried in hidden fields. */
	@PostMapping("/task-book/issue/confirm")
	String confirmIssue(@PathVariable("projectId") String projectId, @RequestParam MultiValueMap<String, String> params,
			Model model) {
		ProjectSummary summary = issuable(projectId, model);
		TaskBookIssue issue = TaskBookIssue.of(summary, params);
		model.addAttribute("rows", issue.rows());
		model.addAttribute("titles", summary.getMilestonesList()
			.stream()
			.collect(java.util.stream.Collectors.toMap(PlannedMilestone::getMilestoneId, PlannedMilestone::getTitle)));
		return "project-manage/task-book-issue-confirm";
	}

	@PostMapping("/task-book/issue")
	String issue(@PathVariable("projectId") String projectId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		String form = base(projectId) + "/task-book/issue";
		TaskBookIssue issue = TaskBookIssue.of(project().summary(projectId), params);
		try {
			project().issueTaskBook(projectId, issue.targets());
			FailedPost.seeOther();
			return "redirect:" + base(projectId) + "?notice=task-book-issued";
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations()).redirect(form, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, ProjectManagerController.REFUSED + refused.code()).redirect(form, redirect);
		}
	}

	/** Opening a round hands the project to an expert panel: confirmed on a page of its own. */
	@GetMapping("/check-rounds/new")
	String confirmRound(@PathVariable("projectId") String projectId,
			@RequestParam(name = "kind", required = false) String kind, Model model) {
		ProjectSummary summary = project().summary(projectId);
		FailedPost failed = FailedPost.from(model);
		String chosen = failed != null ? failed.value("kind", "") : kind == null ? "" : kind;
		model.addAttribute("summary", summary);
		model.addAttribute("kind", KINDS.containsKey(chosen) ? chosen : null);
		model.addAttribute("kinds", KINDS.keySet().stream().sorted(java.util.Comparator.reverseOrder()).toList());
		model.addAttribute("running", summary.getStage() == ProjectStage.PROJECT_STAGE_EXECUTION);
		model.addAttribute("openMilestones", summary.getMilestonesList()
			.stream()
			.filter(m -> m.getState() != cn.jiangmen.innovation.contracts.project.v1.MilestoneState.MILESTONE_STATE_ACCEPTED)
			.toList());
		model.addAttribute("errors", failed == null ? FieldErrors.none() : failed.errors(FieldAdminController.MESSAGES, s -> s));
		model.addAttribute("refusal", failed == null ? null : failed.refusal());
		return "project-manage/check-round-confirm";
	}

	@PostMapping("/check-rounds")
	String openRound(@PathVariable("projectId") String projectId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		String kind = params.getFirst("kind") == null ? "" : params.getFirst("kind");
		String page = base(projectId) + "/check-rounds/new";
		try {
			project().openRound(projectId, KINDS.getOrDefault(kind, CheckRoundKind.CHECK_ROUND_KIND_UNSPECIFIED));
			FailedPost.seeOther();
			return "redirect:" + base(projectId) + "?notice=round-opened#rounds-title";
		}
		catch (Rejected rejected) {
			return FailedPost.rejected(params, rejected.violations()).redirect(page, redirect);
		}
		catch (Refused refused) {
			return FailedPost.refused(params, ProjectManagerController.REFUSED + refused.code()).redirect(page, redirect);
		}
	}

	/** A milestone's evidence (佐证材料) as the lead uploaded it, for the manager and the auditor. */
	@GetMapping("/milestones/{milestoneId}/evidence/{documentId}")
	@PreAuthorize("hasAnyRole('program-manager', 'auditor')")
	ResponseEntity<byte[]> evidence(@PathVariable("projectId") String projectId,
			@PathVariable("milestoneId") String milestoneId, @PathVariable("documentId") String documentId) {
		DownloadMilestoneEvidenceResponse download = project().downloadEvidence(projectId, milestoneId, documentId);
		return EvidenceDownload.of(download.getDocument(), download.getContent().toByteArray());
	}

	/** The project with what the task-book form shows: milestones, tranches and their total. */
	private ProjectSummary issuable(String projectId, Model model) {
		ProjectSummary summary = project().summary(projectId);
		long total = summary.getMilestonesList().stream().mapToLong(m -> m.getTranche().getMinorUnits()).sum();
		model.addAttribute("summary", summary);
		model.addAttribute("rowsPerMilestone", TaskBookIssue.ROWS);
		model.addAttribute("trancheTotal", ProjectManagerClient.fen(total));
		model.addAttribute("trancheDifference",
				ProjectManagerClient.fen(summary.getApprovedFiscal().getMinorUnits() - total));
		model.addAttribute("tranchesAddUp", total == summary.getApprovedFiscal().getMinorUnits());
		model.addAttribute("issued", summary.getTaskBookState() != TaskBookState.TASK_BOOK_STATE_UNSPECIFIED);
		return summary;
	}

	static String base(String projectId) {
		return "/project/manage/projects/" + projectId;
	}

	private ProjectManagerClient project() {
		return this.clients.getObject();
	}

}
