package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.platform.organisation.OrganisationKind;

/** A call and a proposal that pass every rule; tests change one thing at a time. */
final class ProposalFixtures {

	static final Instant NOW = Instant.parse("2027-02-01T02:00:00Z");

	static final ProposalContent.Party LEAD = new ProposalContent.Party(
			UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001"), "江门市光电科技有限公司", OrganisationKind.ENTERPRISE, "江门");

	static final ProposalContent.Party UNIVERSITY = new ProposalContent.Party(
			UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002"), "五邑大学", OrganisationKind.UNIVERSITY, "江门");

	static final ProposalContent.Party FOSHAN_ENTERPRISE = new ProposalContent.Party(
			UUID.fromString("7d1c2a8e-0000-4000-8000-000000000004"), "佛山市某机械有限公司", OrganisationKind.ENTERPRISE, "佛山");

	private ProposalFixtures() {
	}

	/** Open from 2027-01-01 to 2027-03-31, ceiling 5,000,000 yuan, fiscal share at most 30%, topic T1 产学研. */
	static ProjectCall call() {
		return new ProjectCall(CallId.newId(), "rail-transit-equipment", 2027, "2027年轨道交通装备重大科技专项",
				List.of(new ProjectCall.Topic("T1", "牵引系统", true), new ProjectCall.Topic("T2", "车体轻量化", false)),
				500_000_000L, 30, List.of("营业执照"), "指南正文", Instant.parse("2027-01-01T00:00:00Z"),
				Instant.parse("2027-03-31T09:00:00Z"), CallStatus.PUBLISHED, NOW, NOW, 1);
	}

	/** Fiscal 3,000,000 of 10,000,000 yuan (30%), a confirmed university partner, two milestones. */
	static ProposalContent content() {
		return new ProposalContent("高速列车牵引变流器研制", "T1", "研制并验证牵引变流器", LEAD, "牵头研制", 70, 80,
				List.of(new ProposalContent.Partner(UNIVERSITY, "仿真与测试", 30, 20, NOW)),
				List.of(new ProposalContent.Kpi(KpiKind.INVENTION_PATENTS_APPLIED, "申请发明专利", "件", 5)),
				List.of(new ProposalContent.PlannedMilestone("样机", LocalDate.of(2028, 6, 30), "样机一台"),
						new ProposalContent.PlannedMilestone("验收", LocalDate.of(2029, 6, 30), "验收报告")),
				List.of(new ProposalContent.BudgetLine(BudgetCategory.EQUIPMENT, FundingSource.FISCAL, 300_000_000L),
						new ProposalContent.BudgetLine(BudgetCategory.LABOUR, FundingSource.SELF_RAISED, 700_000_000L)));
	}

	static Proposal proposal(ProjectCall call, ProposalContent content, ProposalStatus status) {
		return new Proposal(ProposalId.newId(), call.id(), content.lead().organisationId(), status, content,
				status == ProposalStatus.DRAFT ? null : NOW, List.of(), null, null, null, null, null, null, NOW, NOW, 3);
	}

}
