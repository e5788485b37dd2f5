package cn.jiangmen.innovation.project.config;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.project.application.MilestoneCommands;
import cn.jiangmen.innovation.project.application.execution.ChangeRequestCommands;
import cn.jiangmen.innovation.project.application.execution.CheckRoundCommands;
import cn.jiangmen.innovation.project.application.execution.ProjectLookup;
import cn.jiangmen.innovation.project.application.execution.TaskBookCommands;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import cn.jiangmen.innovation.project.domain.execution.CheckRound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profile {@code demo}: approved projects (立项) at every execution stage, in five of the nine
 * fields, so the portfolio is alive: a task book waiting for the lead, a project in execution with
 * one milestone overdue and one due soon, a pending change request, a mid-term check, an accepted
 * project. The approval's rows are inserted as the proposals half inserts them; everything after
 * goes through the use cases (with their audit records). Ids start 00000000-0000-4000-8000-0000000e;
 * when the first project exists nothing is seeded again.
 */
@Component
@Profile("demo")
class ExecutionDemoData implements ApplicationRunner {

	static final UUID OPTOELECTRONICS = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final UUID WUYI_UNIVERSITY = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002");

	private static final Logger log = LoggerFactory.getLogger(ExecutionDemoData.class);

	private final JdbcClient jdbc;

	private final TaskBookCommands taskBooks;

	private final MilestoneCommands milestones;

	private final ChangeRequestCommands changes;

	private final CheckRoundCommands rounds;

	private final Clock clock;

	ExecutionDemoData(JdbcClient jdbc, TaskBookCommands taskBooks, MilestoneCommands milestones,
			ChangeRequestCommands changes, CheckRoundCommands rounds, Clock clock) {
		this.jdbc = jdbc;
		this.taskBooks = taskBooks;
		this.milestones = milestones;
		this.changes = changes;
		this.rounds = rounds;
		this.clock = clock;
	}

	record Plan(String title, int dueInDays, long trancheFen) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.jdbc.sql("select count(*) from project where id = :id").param("id", id(1)).query(Integer.class).single() > 0) {
			return;
		}
		Caller manager = Caller.of("manager", "program-manager");
		Caller lead = new Caller("applicant1", "applicant1", Set.of("applicant"), Optional.of(OPTOELECTRONICS));
		Caller university = new Caller("applicant2", "applicant2", Set.of("applicant"), Optional.of(WUYI_UNIVERSITY));

		// 1. approved, task book issued and waiting for the lead organisation
		ProjectId led = approve(1, "LED背光源模块化关键技术 LED backlight module technology", "semiconductor-lighting",
				OPTOELECTRONICS, 2_000_000_00L, List.of(new Plan("样机研制 Prototype modules", 180, 800_000_00L),
						new Plan("中试与量产 Pilot and volume production", 540, 1_200_000_00L)));
		issue(led, manager);

		// 2. in execution: the first milestone overdue, the second due soon, a change request pending
		ProjectId rail = approve(2, "轨道交通车辆智能运维装备 Smart maintenance equipment for rail vehicles",
				"rail-transit-equipment", OPTOELECTRONICS, 3_000_000_00L,
				List.of(new Plan("检测平台搭建 Inspection platform", -20, 1_000_000_00L),
						new Plan("现场试运行 Field trial", 15, 1_000_000_00L),
						new Plan("成果转化 Commercial roll-out", 400, 1_000_000_00L)));
		start(rail, lead, manager);
		this.changes.request(rail, new ChangeRequestCommands.ChangeInput("MILESTONE_DATE",
				"轨检设备供货延期 The track inspection sensors arrive two months late", milestone(2, 1).toString(),
				today().plusDays(60).toString(), null, null, null, null, null, null, null, null), lead);

		// 3. mid-term check (中期检查) open, first milestone accepted
		ProjectId marine = approve(3, "深海打捞作业机器人 Deep-sea salvage robot", "marine-engineering-equipment",
				WUYI_UNIVERSITY, 1_500_000_00L, List.of(new Plan("水池试验 Tank tests", -60, 500_000_00L),
						new Plan("海试 Sea trials", 200, 1_000_000_00L)));
		start(marine, university, manager);
		reportAndAccept(marine, milestone(3, 1), university, manager);
		this.rounds.open(marine, CheckRound.Kind.MID_TERM.name(), manager);

		// 4. accepted (验收通过)
		ProjectId robots = approve(4, "工业机器人精密减速器 Precision reducers for industrial robots",
				"intelligent-industrial-robots", OPTOELECTRONICS, 1_000_000_00L,
				List.of(new Plan("减速器样机 Reducer prototype", -300, 400_000_00L),
						new Plan("寿命试验 Endurance tests", -30, 600_000_00L)));
		start(robots, lead, manager);
		reportAndAccept(robots, milestone(4, 1), lead, manager);
		reportAndAccept(robots, milestone(4, 2), lead, manager);
		CheckRound acceptance = this.rounds.open(robots, CheckRound.Kind.FINAL_ACCEPTANCE.name(), manager);
		this.rounds.record(robots, acceptance.id(),
				new CheckRoundCommands.OutcomeInput("PASS", "88.5", "指标全部完成 every KPI reached", null), manager);

		// 5. in execution, a milestone reported and waiting for the manager
		ProjectId battery = approve(5, "新能源汽车电池管理系统 Battery management for new-energy vehicles",
				"nev-batteries-power-systems", OPTOELECTRONICS, 2_500_000_00L,
				List.of(new Plan("BMS样机 BMS prototype", 25, 1_000_000_00L),
						new Plan("整车匹配 Vehicle integration", 365, 1_500_000_00L)));
		start(battery, lead, manager);
		this.milestones.report(battery, milestone(5, 1), new MilestoneCommands.ReportInput(
				"BMS样机完成台架测试 The BMS prototype passed the bench tests", List.of(),
				List.of(new MilestoneCommands.DocumentInput("bench-test-report.pdf",
						"3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea"))), lead);
		log.info("Demo execution data: 5 approved projects (task book, execution with an overdue milestone, "
				+ "mid-term check, accepted, a reported milestone)");
	}

	private ProjectId approve(int number, String title, String field, UUID lead, long approvedFen, List<Plan> plans) {
		this.jdbc.sql("""
				insert into project (id, title, organisation_id, field_code, approved_fiscal_fen, approved_at, stage)
				values (:id, :title, :org, :field, :fen, now(), 'TASK_BOOK')
				""")
			.param("id", id(number))
			.param("title", title)
			.param("org", lead)
			.param("field", field)
			.param("fen", approvedFen)
			.update();
		int sequence = 1;
		for (Plan plan : plans) {
			this.jdbc.sql("""
					insert into milestone (id, project_id, title, state, sequence, due_date, deliverables, tranche_fen)
					values (:id, :project, :title, 'PLANNED', :sequence, :due, :deliverables, :tranche)
					""")
				.param("id", milestone(number, sequence).value())
				.param("project", id(number))
				.param("title", plan.title())
				.param("sequence", sequence)
				.param("due", Date.valueOf(today().plusDays(plan.dueInDays())))
				.param("deliverables", "验收报告、测试报告 Acceptance and test reports of " + plan.title())
				.param("tranche", plan.trancheFen())
				.update();
			sequence++;
		}
		return new ProjectId(id(number));
	}

	private void issue(ProjectId project, Caller manager) {
		this.taskBooks.issue(project, List.of(new TaskBookCommands.KpiTargetInput(
				milestone(project, 1).toString(), "发明专利申请 invention patents applied", "件", "2")), manager);
	}

	private void start(ProjectId project, Caller lead, Caller manager) {
		issue(project, manager);
		this.taskBooks.accept(project, lead);
		this.taskBooks.countersign(project, manager);
	}

	private void reportAndAccept(ProjectId project, MilestoneId milestone, Caller lead, Caller manager) {
		this.milestones.report(project, milestone,
				new MilestoneCommands.ReportInput("已完成 Completed as planned", List.of(), List.of()), lead);
		this.milestones.accept(project, milestone, manager);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ProjectLookup.BUREAU_ZONE);
	}

	static UUID id(int number) {
		return UUID.fromString("00000000-0000-4000-8000-0000000e%04d".formatted(number));
	}

	static MilestoneId milestone(int project, int sequence) {
		return new MilestoneId(UUID.fromString("00000000-0000-4000-8000-0000000e%02d%02d".formatted(project, sequence)));
	}

	private static MilestoneId milestone(ProjectId project, int sequence) {
		return milestone(Integer.parseInt(project.value().toString().substring(32)), sequence);
	}

}
