package cn.jiangmen.innovation.review.domain;

import java.util.List;

/**
 * The bureau's standard rubric per item kind, used when a manager opens a round without one. A
 * check asks other questions than a proposal: not "is this worth funding" but "was what the task
 * book (任务书) promised delivered, and was the money used as agreed". Scores 1-5; an overall
 * threshold of 60 points: below it a check does not pass (project-service decides between
 * rectification and failure from the final score).
 */
public final class StandardRubrics {

	private StandardRubrics() {
	}

	public static Rubric of(ItemKind kind) {
		return switch (kind) {
			case APPLICATION -> Rubric.of(List.of(new Criterion("innovation", "创新性 Innovation", 30, 0),
					new Criterion("team", "团队实力 Team strength", 30, 0),
					new Criterion("feasibility", "可行性 Feasibility", 20, 0),
					new Criterion("benefit", "预期效益 Expected benefit", 20, 0)), 1, 5, 6000);
			case PROPOSAL -> Rubric.of(List.of(new Criterion("innovation", "创新性 Innovation", 30, 0),
					new Criterion("feasibility", "技术路线可行性 Feasibility of the technical route", 25, 0),
					new Criterion("consortium", "产学研合作 Consortium", 15, 0),
					new Criterion("budget", "预算合理性 Budget soundness", 15, 0),
					new Criterion("benefit", "预期效益 Expected benefit", 15, 0)), 1, 5, 6000);
			case MID_TERM_CHECK -> Rubric.of(List.of(new Criterion("progress", "进度与任务书相符 Progress against the task book", 35, 2),
					new Criterion("kpi", "阶段指标完成 Interim KPIs reached", 30, 0),
					new Criterion("funds", "经费使用规范 Funds used as agreed", 25, 2),
					new Criterion("management", "项目管理 Project management", 10, 0)), 1, 5, 6000);
			case FINAL_ACCEPTANCE -> Rubric.of(List.of(new Criterion("objectives", "目标完成 Objectives achieved", 30, 2),
					new Criterion("kpi", "考核指标完成 KPI targets met", 30, 2),
					new Criterion("funds", "经费使用规范 Funds used as agreed", 25, 2),
					new Criterion("results", "成果转化与效益 Results and their use", 15, 0)), 1, 5, 6000);
		};
	}

}
