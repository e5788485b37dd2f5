package cn.jiangmen.innovation.portal.project.manage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.contracts.project.v1.KpiTarget;
import cn.jiangmen.innovation.contracts.project.v1.PlannedMilestone;
import cn.jiangmen.innovation.contracts.project.v1.ProjectSummary;

import org.springframework.util.MultiValueMap;

/**
 * The task-book form's KPI target rows (考核指标): {@link #ROWS} per milestone, inputs
 * {@code kpi-<milestone index>-<row>-name|unit|target}. A row with anything typed is sent; the
 * service names what it refused {@code kpiTargets[i].…} by the position in what was sent, so the same
 * walk over the typed form gives the input back, after the redirect as well as before.
 */
record TaskBookIssue(List<Row> rows) {

	static final int ROWS = 3;

	private static final Pattern SENT = Pattern.compile("^kpiTargets\\[(\\d+)]\\.(milestoneId|name|unit|target)$");

	private static final Pattern MILESTONE = Pattern.compile("^milestones\\[\\d+]\\.(dueDate|deliverables)$");

	/** One row as typed, with the input prefix it came from. */
	record Row(String prefix, KpiTarget target) {
	}

	static TaskBookIssue of(ProjectSummary summary, MultiValueMap<String, String> params) {
		List<Row> rows = new ArrayList<>();
		List<PlannedMilestone> milestones = summary.getMilestonesList();
		for (int m = 0; m < milestones.size(); m++) {
			for (int r = 0; r < ROWS; r++) {
				String prefix = prefix(m, r);
				String name = value(params, prefix + "-name");
				String unit = value(params, prefix + "-unit");
				String target = value(params, prefix + "-target");
				if (!name.isEmpty() || !unit.isEmpty() || !target.isEmpty()) {
					rows.add(new Row(prefix, KpiTarget.newBuilder()
						.setMilestoneId(milestones.get(m).getMilestoneId())
						.setName(name)
						.setUnit(unit)
						.setTarget(target)
						.build()));
				}
			}
		}
		return new TaskBookIssue(rows);
	}

	static String prefix(int milestone, int row) {
		return "kpi-" + milestone + "-" + row;
	}

	List<KpiTarget> targets() {
		return this.rows.stream().map(Row::target).toList();
	}

	/** The input a refused field belongs to: a row's input, the tranche table, or the field itself. */
	String inputOf(String field) {
		Matcher sent = SENT.matcher(field == null ? "" : field);
		if (sent.matches() && Integer.parseInt(sent.group(1)) < this.rows.size()) {
			String part = sent.group(2).equals("milestoneId") ? "name" : sent.group(2);
			return this.rows.get(Integer.parseInt(sent.group(1))).prefix() + "-" + part;
		}
		if ("milestones.trancheFen".equals(field) || "milestones".equals(field)
				|| MILESTONE.matcher(field == null ? "" : field).matches()) {
			return "tranches";
		}
		return field == null ? "" : field;
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params == null ? null : params.getFirst(name);
		return value == null ? "" : value.strip();
	}

}
