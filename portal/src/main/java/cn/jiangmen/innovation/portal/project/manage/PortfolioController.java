package cn.jiangmen.innovation.portal.project.manage;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiangmen.innovation.contracts.project.v1.DueWindow;
import cn.jiangmen.innovation.contracts.project.v1.PortfolioProject;
import cn.jiangmen.innovation.contracts.project.v1.ProjectStage;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import cn.jiangmen.innovation.portal.finance.Exports;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The manager's portfolio (项目库): approved projects filtered by field, year and stage, a milestone
 * timeline (Gantt-like, ECharts) with a table of the same facts, the milestones due within 30 days
 * and the overdue ones (by project-service's clock), and CSV/XLSX exports of the filtered projects'
 * milestones.
 */
@Controller
@RequestMapping("/project/manage")
@PreAuthorize("hasAnyRole('program-manager', 'auditor')")
class PortfolioController {

	static final List<String> STAGES = Arrays.stream(ProjectStage.values())
		.filter(s -> s != ProjectStage.UNRECOGNIZED && s != ProjectStage.PROJECT_STAGE_UNSPECIFIED)
		.map(s -> s.name().substring("PROJECT_STAGE_".length()))
		.toList();

	static final List<String> COLUMNS = List.of("project", "field", "year", "stage", "approved", "sequence",
			"milestone", "due", "state", "tranche");

	/** Looked up per request: web slices of other pages start without a project-service channel. */
	private final ObjectProvider<ProjectManagerClient> clients;

	private final MessageSource messages;

	private final ZoneId zone;

	PortfolioController(ObjectProvider<ProjectManagerClient> clients, MessageSource messages,
			PortalProperties properties) {
		this.clients = clients;
		this.messages = messages;
		this.zone = properties.zone();
	}

	@GetMapping("/portfolio")
	String portfolio(@RequestParam(name = "field", defaultValue = "") String field,
			@RequestParam(name = "year", defaultValue = "") String year,
			@RequestParam(name = "stage", defaultValue = "") String stage, Model model, Locale locale) {
		Filter filter = Filter.of(field, year, stage);
		model.addAttribute("portfolio", portfolio(filter, locale));
		model.addAttribute("dueSoon", project().due(DueWindow.DUE_WINDOW_DUE_SOON));
		model.addAttribute("overdue", project().due(DueWindow.DUE_WINDOW_OVERDUE));
		model.addAttribute("fieldNames", FieldLabels.of(project().fields(), locale));
		model.addAttribute("filter", filter);
		model.addAttribute("stages", STAGES);
		return "project-manage/portfolio";
	}

	@GetMapping("/portfolio.csv")
	ResponseEntity<byte[]> csv(@RequestParam(name = "field", defaultValue = "") String field,
			@RequestParam(name = "year", defaultValue = "") String year,
			@RequestParam(name = "stage", defaultValue = "") String stage, Locale locale) {
		Filter filter = Filter.of(field, year, stage);
		return Exports.csv("portfolio", header(locale), rows(filter, locale));
	}

	@GetMapping("/portfolio.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(name = "field", defaultValue = "") String field,
			@RequestParam(name = "year", defaultValue = "") String year,
			@RequestParam(name = "stage", defaultValue = "") String stage, Locale locale) {
		Filter filter = Filter.of(field, year, stage);
		return Exports.xlsx("portfolio", this.messages.getMessage("project.manage.portfolio.title", null, locale),
				header(locale), rows(filter, locale));
	}

	private Portfolio portfolio(Filter filter, Locale locale) {
		Map<String, String> states = new LinkedHashMap<>();
		for (String state : List.of("PLANNED", "REPORTED", "ACCEPTED", "REJECTED", "OVERDUE")) {
			states.put(state, this.messages.getMessage("project.manage.timeline.state." + state, null, locale));
		}
		List<PortfolioProject> projects = project().portfolio(filter.field(), filter.yearValue(), filter.stageValue());
		return Portfolio.of(projects, LocalDate.now(this.zone), states,
				p -> p.hasApprovedAt() ? LocalDate.ofInstant(ManagerPagesAdvice.ProtoDates.instant(p.getApprovedAt()),
						this.zone).toString() : "");
	}

	private List<String> header(Locale locale) {
		return COLUMNS.stream()
			.map(c -> this.messages.getMessage("project.manage.export." + c, null, locale))
			.toList();
	}

	private List<List<Object>> rows(Filter filter, Locale locale) {
		return Portfolio.milestoneRows(portfolio(filter, locale).rows(), FieldLabels.of(project().fields(), locale),
				stage -> this.messages.getMessage("project.manage.stage." + stage, null, locale),
				state -> this.messages.getMessage("project.manage.milestone.state." + state, null, locale));
	}

	/** The filters as typed; a bad year or an unknown stage filters nothing rather than failing. */
	public record Filter(String field, String year, String stage) {

		static Filter of(String field, String year, String stage) {
			String y = year.strip().matches("\\d{4}") ? year.strip() : "";
			String s = STAGES.contains(stage) ? stage : "";
			return new Filter(field.strip(), y, s);
		}

		int yearValue() {
			return this.year.isEmpty() ? 0 : Integer.parseInt(this.year);
		}

		ProjectStage stageValue() {
			return this.stage.isEmpty() ? ProjectStage.PROJECT_STAGE_UNSPECIFIED
					: ProjectStage.valueOf("PROJECT_STAGE_" + this.stage);
		}

		/** The query string of the exports, so they export what the page shows. */
		public Map<String, String> query() {
			Map<String, String> query = new LinkedHashMap<>();
			query.put("field", this.field);
			query.put("year", this.year);
			query.put("stage", this.stage);
			return query;
		}

	}

	private ProjectManagerClient project() {
		return this.clients.getObject();
	}

}
