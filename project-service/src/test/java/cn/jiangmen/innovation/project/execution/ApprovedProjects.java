package cn.jiangmen.innovation.project.execution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts what the proposals half's approval (立项) inserts: a project with the V4 columns and its
 * planned milestones (sequence, due date, deliverables, tranche). Nothing else, so the tests stand
 * on the same rows the approval will write.
 */
final class ApprovedProjects {

	record Created(UUID project, List<UUID> milestones) {
	}

	/** One planned milestone: title, due date, tranche in fen. */
	record Plan(String title, LocalDate due, long trancheFen) {
	}

	private final JdbcClient jdbc;

	ApprovedProjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Created approved(UUID organisation, String title, String stage, long approvedFen, List<Plan> plans) {
		UUID project = UUID.randomUUID();
		this.jdbc.sql("""
				insert into project (id, title, organisation_id, field_code, proposal_id, call_id, approved_fiscal_fen,
				approved_at, stage) values (:id, :title, :org, 'semiconductor-lighting', :proposal, :call, :fen, now(), :stage)
				""")
			.param("id", project)
			.param("title", title)
			.param("org", organisation)
			.param("proposal", UUID.randomUUID())
			.param("call", UUID.randomUUID())
			.param("fen", approvedFen)
			.param("stage", stage)
			.update();
		List<UUID> milestones = new ArrayList<>();
		int sequence = 1;
		for (Plan plan : plans) {
			UUID id = UUID.randomUUID();
			this.jdbc.sql("""
					insert into milestone (id, project_id, title, state, sequence, due_date, deliverables, tranche_fen)
					values (:id, :project, :title, 'PLANNED', :sequence, :due, :deliverables, :tranche)
					""")
				.param("id", id)
				.param("project", project)
				.param("title", plan.title())
				.param("sequence", sequence++)
				.param("due", java.sql.Date.valueOf(plan.due()))
				.param("deliverables", "Deliverables of " + plan.title())
				.param("tranche", plan.trancheFen())
				.update();
			milestones.add(id);
		}
		return new Created(project, milestones);
	}

	/** Deletes every execution row and project (children first). */
	void clear() {
		for (String table : List.of("fund_recovery_case", "check_round_review_outcome", "check_round", "budget_reallocation", "change_request",
				"milestone_deadline_notice", "deadline_scan", "milestone_decision", "progress_report",
				"milestone_kpi_target", "task_book", "milestone", "project")) {
			this.jdbc.sql("delete from " + table).update();
		}
	}

}
