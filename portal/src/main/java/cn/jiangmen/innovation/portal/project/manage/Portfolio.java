package cn.jiangmen.innovation.portal.project.manage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.project.v1.MilestoneState;
import cn.jiangmen.innovation.contracts.project.v1.PlannedMilestone;
import cn.jiangmen.innovation.contracts.project.v1.PortfolioProject;
import cn.jiangmen.innovation.contracts.project.v1.ProjectSummary;
import cn.jiangmen.innovation.portal.finance.Yuan;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portfolio's projects for the timeline (Apache ECharts, drawn by {@code /js/project-timeline.js})
 * and for the table beside it, which carries the same facts for screen readers and print. Each
 * project is a bar from its approval to its last milestone, each milestone a mark at its due date
 * coloured by state (overdue = not accepted and due before today). The data travels as a JSON
 * attribute, never as inline script (the gateway's CSP allows the portal's own scripts only).
 *
 * @param rows one per project, in the service's order (newest approval first)
 * @param json what the chart draws
 */
public record Portfolio(List<Row> rows, String json) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A project with what the table shows. */
	public record Row(PortfolioProject project, int accepted, int total, PlannedMilestone next, boolean overdue) {

		public ProjectSummary summary() {
			return this.project.getSummary();
		}

	}

	/**
	 * @param stateNames the milestone states' names in the page's language, by state name, plus
	 * "OVERDUE"
	 * @param approvedDay the approval day of a project (Beijing time) as yyyy-MM-dd, "" when unknown
	 */
	static Portfolio of(List<PortfolioProject> projects, LocalDate today, Map<String, String> stateNames,
			java.util.function.Function<PortfolioProject, String> approvedDay) {
		List<Row> rows = new ArrayList<>();
		List<Map<String, Object>> bars = new ArrayList<>();
		List<Map<String, Object>> marks = new ArrayList<>();
		for (PortfolioProject project : projects) {
			ProjectSummary summary = project.getSummary();
			int accepted = 0;
			PlannedMilestone next = null;
			boolean overdue = false;
			String first = approvedDay.apply(project);
			String last = first;
			for (PlannedMilestone m : summary.getMilestonesList()) {
				boolean done = m.getState() == MilestoneState.MILESTONE_STATE_ACCEPTED;
				accepted += done ? 1 : 0;
				if (m.getDueDate().isEmpty()) {
					continue;
				}
				boolean late = !done && LocalDate.parse(m.getDueDate()).isBefore(today);
				overdue |= late;
				if (!done && next == null) {
					next = m;
				}
				if (first.isEmpty() || m.getDueDate().compareTo(first) < 0) {
					first = m.getDueDate();
				}
				if (last.isEmpty() || m.getDueDate().compareTo(last) > 0) {
					last = m.getDueDate();
				}
				String state = late ? "OVERDUE" : m.getState().name().substring("MILESTONE_STATE_".length());
				Map<String, Object> mark = new LinkedHashMap<>();
				mark.put("project", rows.size());
				mark.put("date", m.getDueDate());
				mark.put("title", m.getTitle());
				mark.put("state", state);
				mark.put("stateName", stateNames.getOrDefault(state, state));
				mark.put("tranche", Yuan.decimal(m.getTranche()));
				marks.add(mark);
			}
			Map<String, Object> bar = new LinkedHashMap<>();
			bar.put("title", summary.getTitle());
			bar.put("start", first);
			bar.put("end", last);
			bars.add(bar);
			rows.add(new Row(project, accepted, summary.getMilestonesCount(), next, overdue));
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("today", today.toString());
		data.put("projects", bars);
		data.put("milestones", marks);
		data.put("states", stateNames);
		return new Portfolio(List.copyOf(rows), JSON.writeValueAsString(data));
	}

	/** The export's rows: one per milestone, with its project. */
	static List<List<Object>> milestoneRows(List<Row> rows, Map<String, String> fieldNames,
			java.util.function.Function<String, String> stageName, java.util.function.Function<String, String> stateName) {
		List<List<Object>> cells = new ArrayList<>();
		for (Row row : rows) {
			ProjectSummary s = row.summary();
			for (PlannedMilestone m : s.getMilestonesList()) {
				List<Object> line = new ArrayList<>();
				line.add(s.getTitle());
				line.add(fieldNames.getOrDefault(s.getFieldCode(), s.getFieldCode()));
				line.add(row.project().getYear());
				line.add(stageName.apply(s.getStage().name()));
				line.add(Yuan.decimal(s.getApprovedFiscal()));
				line.add(m.getSequence());
				line.add(m.getTitle());
				line.add(m.getDueDate());
				line.add(stateName.apply(m.getState().name()));
				line.add(Yuan.decimal(m.getTranche()));
				cells.add(line);
			}
			if (s.getMilestonesCount() == 0) {
				cells.add(new ArrayList<>(List.of(s.getTitle(), fieldNames.getOrDefault(s.getFieldCode(), s.getFieldCode()),
						row.project().getYear(), stageName.apply(s.getStage().name()), Yuan.decimal(s.getApprovedFiscal()),
						"", "", "", "", BigDecimal.ZERO)));
			}
		}
		return cells;
	}

}
