package cn.jiangmen.innovation.portal.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.project.v1.ChangeRequestKind;
import cn.jiangmen.innovation.contracts.project.v1.EvidenceDocument;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookPdfResponse;
import cn.jiangmen.innovation.contracts.project.v1.GetTaskBookResponse;
import cn.jiangmen.innovation.contracts.project.v1.KpiTarget;
import cn.jiangmen.innovation.contracts.project.v1.KpiValue;
import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.PartnerAction;
import cn.jiangmen.innovation.contracts.project.v1.PlannedMilestone;
import cn.jiangmen.innovation.contracts.project.v1.ProjectStage;
import cn.jiangmen.innovation.contracts.project.v1.ProjectSummary;
import cn.jiangmen.innovation.contracts.project.v1.RequestedChange;
import cn.jiangmen.innovation.contracts.project.v1.TaskBookState;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.web.ContentDispositions;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.finance.Yuan;
import cn.jiangmen.innovation.portal.web.FailedPost;
import cn.jiangmen.innovation.portal.web.FieldErrors;
import cn.jiangmen.innovation.portal.web.ProtoEnums;
import cn.jiangmen.innovation.portal.web.Refused;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
 * The applicant's project page (an approved major project): milestones with their state and due
 * dates, the task book (accept it after a confirmation, download the PDF), progress reports per
 * milestone (submit one with the KPI values reached) and change requests with before/after (submit
 * one). Only the lead organisation's applicants act; project-service refuses anyone else anyway.
 */
@Controller
@RequestMapping("/projects/{projectId:[0-9a-fA-F-]{36}}")
@PreAuthorize("hasRole('applicant')")
class ProjectPagesController {

	/** The kinds of change a page offers, in the contract's order. */
	static final List<String> CHANGE_KINDS = ProtoEnums.codes(ChangeRequestKind.class);

	static final List<String> PARTNER_ACTIONS = ProtoEnums.codes(PartnerAction.class);

	private final ObjectProvider<ProjectPortalClient> client;

	private final ObjectProvider<OrganisationDirectory> directory;

	private final PortalProperties properties;

	ProjectPagesController(ObjectProvider<ProjectPortalClient> client, ObjectProvider<OrganisationDirectory> directory,
			PortalProperties properties) {
		this.client = client;
		this.directory = directory;
		this.properties = properties;
	}

	/** A milestone with its KPI targets and its reports, newest first. */
	public record MilestoneView(PlannedMilestone milestone, String state, List<KpiTarget> targets,
			List<cn.jiangmen.innovation.contracts.project.v1.ProgressReport> reports, boolean reportable) {
	}

	@GetMapping
	String project(@PathVariable("projectId") String projectId,
			@RequestParam(name = "done", required = false) String done,
			@RequestParam(name = "refused", required = false) String refused, Model model,
			Authentication authentication) {
		ProjectMessages.done(done).ifPresent(notice -> model.addAttribute("notice", notice));
		if (refused != null) {
			model.addAttribute("refusal", ProjectMessages.refusal(refused));
		}
		ProjectSummary summary = fill(model, projectId, authentication);
		GetTaskBookResponse book = (GetTaskBookResponse) model.getAttribute("taskBook");
		boolean lead = Boolean.TRUE.equals(model.getAttribute("lead"));
		boolean running = running(summary.getStage());
		List<MilestoneView> milestones = new ArrayList<>();
		for (PlannedMilestone m : summary.getMilestonesList()) {
			List<KpiTarget> targets = book == null ? List.of()
					: book.getKpiTargetsList().stream().filter(t -> t.getMilestoneId().equals(m.getMilestoneId())).toList();
			milestones.add(new MilestoneView(m, ProtoEnums.code(m.getState()), targets,
					projects().reports(projectId, m.getMilestoneId()), lead && running && reportable(m.getState())));
		}
		model.addAttribute("milestones", milestones);
		model.addAttribute("evidence", EvidenceLinks.of(milestones.stream()
			.filter(m -> !m.reports().isEmpty())
			.map(m -> m.milestone().getMilestoneId())
			.toList(), m -> projects().evidence(projectId, m)));
		model.addAttribute("rounds", projects().rounds(projectId));
		model.addAttribute("changes", projects().changeRequests(projectId));
		Map<String, String> titles = new LinkedHashMap<>();
		summary.getMilestonesList().forEach(m -> titles.put(m.getMilestoneId(), m.getTitle()));
		model.addAttribute("milestoneTitles", titles);
		return "projects/project";
	}

	/** Accepting the task book binds the organisation: confirmed on a page of its own first. */
	@GetMapping("/task-book/acceptance")
	String confirmAcceptance(@PathVariable("projectId") String projectId, Model model, Authentication authentication) {
		fill(model, projectId, authentication);
		if (!Boolean.TRUE.equals(model.getAttribute("canAccept"))) {
			return "redirect:/projects/" + projectId;
		}
		return "projects/accept-task-book";
	}

	@PostMapping("/task-book/acceptance")
	String accept(@PathVariable("projectId") String projectId) {
		try {
			projects().acceptTaskBook(projectId);
			return "redirect:/projects/" + projectId + "?done=accepted";
		}
		catch (Refused refused) {
			return "redirect:/projects/" + projectId + "?refused=" + ProjectMessages.code(refused.code());
		}
	}

	@GetMapping("/task-book.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable("projectId") String projectId) {
		GetTaskBookPdfResponse pdf = projects().taskBookPdf(projectId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(pdf.getFileName()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(pdf.getPdf().toByteArray());
	}

	/** The progress report form of one milestone: a summary and the value reached per KPI target. */
	@GetMapping("/milestones/{milestoneId}/report")
	String reportForm(@PathVariable("projectId") String projectId, @PathVariable("milestoneId") String milestoneId,
			Model model, Authentication authentication) {
		ProjectSummary summary = fill(model, projectId, authentication);
		PlannedMilestone milestone = milestone(summary, milestoneId);
		if (!Boolean.TRUE.equals(model.getAttribute("lead")) || !running(summary.getStage())
				|| !reportable(milestone.getState())) {
			return "redirect:/projects/" + projectId;
		}
		FormFlash failed = FormFlash.from(model);
		model.addAttribute("milestone", milestone);
		model.addAttribute("targets", targets(model, milestoneId));
		ReportEvidence.fill(model, projects().evidence(projectId, milestoneId), failed == null ? null : failed.typed(),
				FailedPost.from(model));
		model.addAttribute("typed", failed == null ? Map.of() : failed.typed());
		model.addAttribute("errors", failed == null ? FieldErrors.none()
				: FieldErrors.of("projects", failed.violations(), ProjectPagesController::inputId));
		return "projects/report";
	}

	@PostMapping("/milestones/{milestoneId}/report")
	String report(@PathVariable("projectId") String projectId, @PathVariable("milestoneId") String milestoneId,
			@RequestParam MultiValueMap<String, String> params, Model model, Authentication authentication,
			RedirectAttributes redirect) {
		fill(model, projectId, authentication);
		List<KpiTarget> targets = targets(model, milestoneId);
		List<KpiValue> values = new ArrayList<>();
		// the service names kpiValues[i]: which target the i-th value sent belongs to
		List<String> sent = new ArrayList<>();
		for (KpiTarget target : targets) {
			String reached = params.getFirst("kpi." + target.getKpiTargetId());
			if (reached != null && !reached.isBlank()) {
				values.add(KpiValue.newBuilder().setKpiTargetId(target.getKpiTargetId()).setReached(reached.strip()).build());
				sent.add(target.getKpiTargetId());
			}
		}
		String summaryText = params.getFirst("summary") == null ? "" : params.getFirst("summary");
		List<EvidenceDocument> documents = ReportEvidence.chosen(projects().evidence(projectId, milestoneId), params);
		try {
			projects().report(projectId, milestoneId, summaryText, values, documents);
			return "redirect:/projects/" + projectId + "?done=reported#milestone-" + ProjectMessages.id(milestoneId);
		}
		catch (Rejected rejected) {
			List<Rejected.Violation> named = rejected.violations().stream().map(v -> {
				java.util.regex.Matcher m = java.util.regex.Pattern.compile("^kpiValues\\[(\\d+)]\\..*$").matcher(v.field());
				if (m.matches() && Integer.parseInt(m.group(1)) < sent.size()) {
					return new Rejected.Violation("kpi." + sent.get(Integer.parseInt(m.group(1))), v.reason());
				}
				return v;
			}).toList();
			FormFlash.all(params, named).flash(redirect);
			return "redirect:/projects/" + projectId + "/milestones/" + ProjectMessages.id(milestoneId) + "/report";
		}
		catch (Refused refused) {
			return "redirect:/projects/" + projectId + "?refused=" + ProjectMessages.code(refused.code());
		}
	}

	/** A change request: what to change (by kind) and why. */
	@GetMapping("/changes/new")
	String changeForm(@PathVariable("projectId") String projectId,
			@RequestParam(name = "kind", required = false) String kind, Model model, Authentication authentication) {
		ProjectSummary summary = fill(model, projectId, authentication);
		if (!Boolean.TRUE.equals(model.getAttribute("lead")) || !running(summary.getStage())) {
			return "redirect:/projects/" + projectId;
		}
		FormFlash failed = FormFlash.from(model);
		Map<String, String> typed = new LinkedHashMap<>(failed == null ? Map.of() : failed.typed());
		if (kind != null && CHANGE_KINDS.contains(kind)) {
			typed.putIfAbsent("kind", kind);
		}
		GetTaskBookResponse book = (GetTaskBookResponse) model.getAttribute("taskBook");
		model.addAttribute("typed", typed);
		model.addAttribute("kinds", CHANGE_KINDS);
		model.addAttribute("partnerActions", PARTNER_ACTIONS);
		model.addAttribute("categories", ProposalForm.CATEGORIES);
		model.addAttribute("allTargets", book == null ? List.of() : book.getKpiTargetsList());
		model.addAttribute("organisationNames", organisationNames());
		model.addAttribute("errors", failed == null ? FieldErrors.none()
				: FieldErrors.of("projects", failed.violations(), ProjectPagesController::inputId));
		return "projects/change";
	}

	@PostMapping("/changes")
	String requestChange(@PathVariable("projectId") String projectId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		List<Rejected.Violation> portal = new ArrayList<>();
		String kind = value(params, "kind");
		RequestedChange.Builder change = RequestedChange.newBuilder()
			.setKind(ProtoEnums.value(ChangeRequestKind.class, kind));
		switch (kind) {
			case "MILESTONE_DATE" -> change.setMilestoneId(value(params, "milestoneId"))
				.setNewDueDate(value(params, "newDueDate"));
			case "BUDGET_REALLOCATION" -> {
				change.setFromCategory(value(params, "fromCategory").toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
					.setToCategory(value(params, "toCategory").toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
				java.util.Optional<Long> fen = ProposalForm.fen(value(params, "amount"));
				if (fen.isEmpty() || fen.get() <= 0) {
					portal.add(new Rejected.Violation("amount", "amount.malformed"));
				}
				else {
					change.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen.get()));
				}
			}
			case "PARTNER" -> {
				String name = value(params, "organisationName");
				java.util.Optional<Organisation> found = organisationNamed(name);
				if (found.isEmpty()) {
					portal.add(new Rejected.Violation("organisationName",
							name.isEmpty() ? "required" : "organisation.unknown-name"));
				}
				change.setPartnerAction(ProtoEnums.value(PartnerAction.class, value(params, "partnerAction")))
					.setOrganisationId(found.map(o -> o.id().toString()).orElse(""))
					.setPartnerRole(value(params, "partnerRole"));
			}
			case "KPI_TARGET" -> change.setKpiTargetId(value(params, "kpiTargetId")).setNewTarget(value(params, "newTarget"));
			default -> {
				// no kind chosen: project-service names it
			}
		}
		if (!portal.isEmpty()) {
			FormFlash.all(params, portal).flash(redirect);
			return "redirect:/projects/" + projectId + "/changes/new";
		}
		try {
			projects().requestChange(projectId, change.build(), value(params, "reason"));
			return "redirect:/projects/" + projectId + "?done=changed#changes";
		}
		catch (Rejected rejected) {
			FormFlash.all(params, rejected.violations()).flash(redirect);
			return "redirect:/projects/" + projectId + "/changes/new";
		}
		catch (Refused refused) {
			return "redirect:/projects/" + projectId + "?refused=" + ProjectMessages.code(refused.code());
		}
	}

	/** The summary, the task book when issued, and what the caller may do; the summary is returned. */
	private ProjectSummary fill(Model model, String projectId, Authentication authentication) {
		ProjectSummary summary = projects().project(projectId);
		GetTaskBookResponse book = null;
		try {
			book = projects().taskBook(projectId);
		}
		catch (ResponseStatusException ex) {
			if (ex.getStatusCode() != HttpStatus.NOT_FOUND) {
				throw ex;
			}
			// not issued yet: the page says so
		}
		boolean lead = summary.getLeadOrganisationId().equals(ProjectCallsController.organisation(authentication));
		model.addAttribute("summary", summary);
		model.addAttribute("stage", ProtoEnums.code(summary.getStage()));
		model.addAttribute("taskBook", book);
		model.addAttribute("taskBookState", ProtoEnums.code(summary.getTaskBookState()));
		model.addAttribute("lead", lead);
		model.addAttribute("running", running(summary.getStage()));
		model.addAttribute("canAccept", lead && summary.getTaskBookState() == TaskBookState.TASK_BOOK_STATE_ISSUED);
		model.addAttribute("yuan", Yuan.PAGES);
		model.addAttribute("zone", this.properties.zone());
		model.addAttribute("field", projects().fields()
			.stream()
			.filter(f -> f.getCode().equals(summary.getFieldCode()))
			.findFirst()
			.orElse(null));
		return summary;
	}

	private static List<KpiTarget> targets(Model model, String milestoneId) {
		GetTaskBookResponse book = (GetTaskBookResponse) model.getAttribute("taskBook");
		return book == null ? List.of()
				: book.getKpiTargetsList().stream().filter(t -> t.getMilestoneId().equals(milestoneId)).toList();
	}

	private static PlannedMilestone milestone(ProjectSummary summary, String milestoneId) {
		return summary.getMilestonesList()
			.stream()
			.filter(m -> m.getMilestoneId().equals(milestoneId))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such milestone"));
	}

	static boolean running(ProjectStage stage) {
		return stage == ProjectStage.PROJECT_STAGE_EXECUTION || stage == ProjectStage.PROJECT_STAGE_MID_TERM
				|| stage == ProjectStage.PROJECT_STAGE_FINAL_ACCEPTANCE;
	}

	static boolean reportable(MilestoneState state) {
		return state == MilestoneState.MILESTONE_STATE_PLANNED || state == MilestoneState.MILESTONE_STATE_REJECTED;
	}

	/** The control a field of the report or change forms belongs to. */
	static String inputId(String field) {
		if ("organisationId".equals(field)) {
			return "organisationName";
		}
		return field == null ? "" : field.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("^-|-$", "");
	}

	private List<String> organisationNames() {
		OrganisationDirectory organisations = this.directory.getIfAvailable();
		return organisations == null ? List.of()
				: organisations.search("", ProposalPagesController.DIRECTORY_CHOICES).stream().map(Organisation::name).toList();
	}

	private java.util.Optional<Organisation> organisationNamed(String name) {
		OrganisationDirectory organisations = this.directory.getIfAvailable();
		if (organisations == null || name.isEmpty()) {
			return java.util.Optional.empty();
		}
		return organisations.search(name, 20).stream().filter(o -> o.name().equals(name)).findFirst();
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value.strip();
	}

	private ProjectPortalClient projects() {
		return this.client.getObject();
	}

}
