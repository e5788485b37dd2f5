package cn.jiangmen.innovation.portal.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cn.jiangmen.innovation.contracts.common.v1.Money;
import cn.jiangmen.innovation.contracts.project.v1.BudgetCategory;
import cn.jiangmen.innovation.contracts.project.v1.BudgetLine;
import cn.jiangmen.innovation.contracts.project.v1.ConsortiumMember;
import cn.jiangmen.innovation.contracts.project.v1.FundingSource;
import cn.jiangmen.innovation.contracts.project.v1.Kpi;
import cn.jiangmen.innovation.contracts.project.v1.KpiKind;
import cn.jiangmen.innovation.contracts.project.v1.Proposal;
import cn.jiangmen.innovation.contracts.project.v1.ProposalContent;
import cn.jiangmen.innovation.contracts.project.v1.WorkPlanMilestone;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.portal.web.ProtoEnums;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.util.MultiValueMap;

/**
 * The proposal form (申报书) as typed: every value a string, rows as the page numbers them. Built from
 * the stored proposal to show it, and from the posted parameters to save it. Partners are chosen by
 * the directory's name (a name it does not know is named next to its row, no id is typed); the
 * budget is a grid of category × source in yuan ({@code budget.EQUIPMENT.FISCAL}). Blank rows are
 * dropped, so the service's row numbers are the page's.
 */
public record ProposalForm(String title, String topicCode, String objectives, String leadRole,
		String leadWorkSharePercent, String leadBudgetSharePercent, List<PartnerRow> partners, List<KpiRow> kpis,
		List<MilestoneRow> workPlan, Map<String, String> budget) {

	/** The budget grid's rows and columns, in the contract's order. */
	public static final List<String> CATEGORIES = ProtoEnums.codes(BudgetCategory.class);

	public static final List<String> SOURCES = ProtoEnums.codes(FundingSource.class);

	public static final List<String> KPI_KINDS = ProtoEnums.codes(KpiKind.class);

	/** project-service takes at most 50 rows a section. */
	static final int MAX_ROWS = 50;

	public record PartnerRow(String organisationName, String role, String workSharePercent,
			String budgetSharePercent) {

		boolean blank() {
			return isBlank(this.organisationName) && isBlank(this.role) && isBlank(this.workSharePercent)
					&& isBlank(this.budgetSharePercent);
		}

	}

	public record KpiRow(String kind, String description, String unit, String target) {

		boolean blank() {
			return isBlank(this.kind) && isBlank(this.description) && isBlank(this.unit) && isBlank(this.target);
		}

	}

	public record MilestoneRow(String title, String dueDate, String deliverables) {

		boolean blank() {
			return isBlank(this.title) && isBlank(this.dueDate) && isBlank(this.deliverables);
		}

	}

	/**
	 * What goes to project-service, and what the portal could not read itself (a name the directory
	 * does not know, a share or amount that is no number): such a section keeps its stored value, as
	 * project-service keeps a section it rejects.
	 */
	public record Converted(ProposalContent content, List<Rejected.Violation> violations) {
	}

	public static ProposalForm of(Proposal proposal) {
		ConsortiumMember lead = proposal.getConsortiumList()
			.stream()
			.filter(ConsortiumMember::getLead)
			.findFirst()
			.orElse(ConsortiumMember.getDefaultInstance());
		List<PartnerRow> partners = proposal.getConsortiumList()
			.stream()
			.filter(m -> !m.getLead())
			.map(m -> new PartnerRow(m.getOrganisationName(), m.getRole(), String.valueOf(m.getWorkSharePercent()),
					String.valueOf(m.getBudgetSharePercent())))
			.toList();
		List<KpiRow> kpis = proposal.getKpisList()
			.stream()
			.map(k -> new KpiRow(k.getKind() == KpiKind.KPI_KIND_UNSPECIFIED ? "" : ProtoEnums.code(k.getKind()),
					k.getDescription(), k.getUnit(), String.valueOf(k.getTarget())))
			.toList();
		List<MilestoneRow> plan = proposal.getWorkPlanList()
			.stream()
			.map(m -> new MilestoneRow(m.getTitle(), m.getDueDate(), m.getDeliverables()))
			.toList();
		Map<String, String> budget = new LinkedHashMap<>();
		for (BudgetLine line : proposal.getBudgetList()) {
			String key = cell(ProtoEnums.code(line.getCategory()), ProtoEnums.code(line.getSource()));
			long fen = line.getAmount().getMinorUnits() + fen(budget.get(key)).orElse(0L);
			budget.put(key, BigDecimal.valueOf(fen, 2).toPlainString());
		}
		return new ProposalForm(proposal.getTitle(), proposal.getTopicCode(), proposal.getObjectives(), lead.getRole(),
				String.valueOf(lead.getWorkSharePercent()), String.valueOf(lead.getBudgetSharePercent()), partners, kpis,
				plan, budget);
	}

	public static ProposalForm from(MultiValueMap<String, String> params) {
		List<PartnerRow> partners = new ArrayList<>();
		List<KpiRow> kpis = new ArrayList<>();
		List<MilestoneRow> plan = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS; i++) {
			String p = "partners[" + i + "].";
			PartnerRow partner = new PartnerRow(get(params, p + "organisationName"), get(params, p + "role"),
					get(params, p + "workSharePercent"), get(params, p + "budgetSharePercent"));
			if (!partner.blank()) {
				partners.add(partner);
			}
			String k = "kpis[" + i + "].";
			KpiRow kpi = new KpiRow(get(params, k + "kind"), get(params, k + "description"), get(params, k + "unit"),
					get(params, k + "target"));
			if (!kpi.blank()) {
				kpis.add(kpi);
			}
			String m = "workPlan[" + i + "].";
			MilestoneRow milestone = new MilestoneRow(get(params, m + "title"), get(params, m + "dueDate"),
					get(params, m + "deliverables"));
			if (!milestone.blank()) {
				plan.add(milestone);
			}
		}
		Map<String, String> budget = new LinkedHashMap<>();
		for (String category : CATEGORIES) {
			for (String source : SOURCES) {
				String typed = get(params, "budget." + cell(category, source));
				if (!isBlank(typed)) {
					budget.put(cell(category, source), typed.strip());
				}
			}
		}
		return new ProposalForm(get(params, "title"), get(params, "topicCode"), get(params, "objectives"),
				get(params, "leadRole"), get(params, "leadWorkSharePercent"), get(params, "leadBudgetSharePercent"),
				partners, kpis, plan, budget);
	}

	/**
	 * @param previous the stored proposal: a section the portal cannot read keeps its value
	 * @param directory the directory's entry of a name, when it knows the name exactly
	 */
	public Converted toContent(Proposal previous, Function<String, Optional<Organisation>> directory) {
		List<Rejected.Violation> violations = new ArrayList<>();
		ProposalContent stored = stored(previous);
		ProposalContent.Builder content = ProposalContent.newBuilder()
			.setTitle(text(this.title))
			.setTopicCode(text(this.topicCode))
			.setObjectives(text(this.objectives))
			.setLeadRole(text(this.leadRole));
		Integer work = percent(this.leadWorkSharePercent, "leadWorkSharePercent", violations);
		content.setLeadWorkSharePercent(work != null ? work : stored.getLeadWorkSharePercent());
		Integer budgetShare = percent(this.leadBudgetSharePercent, "leadBudgetSharePercent", violations);
		content.setLeadBudgetSharePercent(budgetShare != null ? budgetShare : stored.getLeadBudgetSharePercent());

		List<Rejected.Violation> section = new ArrayList<>();
		List<ConsortiumMember> partnerRows = partners(directory, section);
		content.addAllPartners(section.isEmpty() ? partnerRows : stored.getPartnersList());
		violations.addAll(section);

		section = new ArrayList<>();
		List<Kpi> kpiRows = kpis(section);
		content.addAllKpis(section.isEmpty() ? kpiRows : stored.getKpisList());
		violations.addAll(section);

		content.addAllWorkPlan(this.workPlan.stream()
			.map(m -> WorkPlanMilestone.newBuilder()
				.setTitle(text(m.title()))
				.setDueDate(text(m.dueDate()))
				.setDeliverables(text(m.deliverables()))
				.build())
			.toList());

		section = new ArrayList<>();
		List<BudgetLine> lines = budget(section);
		content.addAllBudget(section.isEmpty() ? lines : stored.getBudgetList());
		violations.addAll(section);
		return new Converted(content.build(), violations);
	}

	/** What is stored, in the form the save sends (the partners of the consortium without the lead). */
	private static ProposalContent stored(Proposal proposal) {
		ConsortiumMember lead = proposal.getConsortiumList()
			.stream()
			.filter(ConsortiumMember::getLead)
			.findFirst()
			.orElse(ConsortiumMember.getDefaultInstance());
		return ProposalContent.newBuilder()
			.setLeadWorkSharePercent(lead.getWorkSharePercent())
			.setLeadBudgetSharePercent(lead.getBudgetSharePercent())
			.addAllPartners(proposal.getConsortiumList().stream().filter(m -> !m.getLead()).toList())
			.addAllKpis(proposal.getKpisList())
			.addAllBudget(proposal.getBudgetList())
			.build();
	}

	private List<ConsortiumMember> partners(Function<String, Optional<Organisation>> directory,
			List<Rejected.Violation> violations) {
		List<ConsortiumMember> rows = new ArrayList<>();
		for (int i = 0; i < this.partners.size(); i++) {
			PartnerRow row = this.partners.get(i);
			String prefix = "partners[" + i + "].";
			Optional<Organisation> found = isBlank(row.organisationName()) ? Optional.empty()
					: directory.apply(row.organisationName().strip());
			if (found.isEmpty()) {
				violations.add(new Rejected.Violation(prefix + "organisationName",
						isBlank(row.organisationName()) ? "required" : "organisation.unknown-name"));
			}
			Integer work = percent(row.workSharePercent(), prefix + "workSharePercent", violations);
			Integer budgetShare = percent(row.budgetSharePercent(), prefix + "budgetSharePercent", violations);
			rows.add(ConsortiumMember.newBuilder()
				.setOrganisationId(found.map(o -> o.id().toString()).orElse(""))
				.setOrganisationName(found.map(Organisation::name).orElse(""))
				.setRole(text(row.role()))
				.setWorkSharePercent(work == null ? 0 : work)
				.setBudgetSharePercent(budgetShare == null ? 0 : budgetShare)
				.build());
		}
		return rows;
	}

	private List<Kpi> kpis(List<Rejected.Violation> violations) {
		List<Kpi> rows = new ArrayList<>();
		for (int i = 0; i < this.kpis.size(); i++) {
			KpiRow row = this.kpis.get(i);
			long target = 0;
			if (!isBlank(row.target())) {
				try {
					target = Long.parseLong(row.target().strip());
				}
				catch (NumberFormatException ex) {
					violations.add(new Rejected.Violation("kpis[" + i + "].target", "number.malformed"));
				}
			}
			rows.add(Kpi.newBuilder()
				.setKind(ProtoEnums.value(KpiKind.class, row.kind()))
				.setDescription(text(row.description()))
				.setUnit(text(row.unit()))
				.setTarget(target)
				.build());
		}
		return rows;
	}

	private List<BudgetLine> budget(List<Rejected.Violation> violations) {
		List<BudgetLine> lines = new ArrayList<>();
		for (String category : CATEGORIES) {
			for (String source : SOURCES) {
				String key = cell(category, source);
				String typed = this.budget.get(key);
				if (isBlank(typed)) {
					continue;
				}
				Optional<Long> fen = fen(typed);
				if (fen.isEmpty()) {
					violations.add(new Rejected.Violation("budget." + key, "amount.malformed"));
				}
				else if (fen.get() > 0) {
					lines.add(BudgetLine.newBuilder()
						.setCategory(ProtoEnums.value(BudgetCategory.class, category))
						.setSource(ProtoEnums.value(FundingSource.class, source))
						.setAmount(Money.newBuilder().setCurrencyCode("CNY").setMinorUnits(fen.get()))
						.build());
				}
			}
		}
		return lines;
	}

	/** The form as the page posts it (for laying a failed POST's typed values over the stored form). */
	MultiValueMap<String, String> toParams() {
		MultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
		params.set("title", this.title);
		params.set("topicCode", this.topicCode);
		params.set("objectives", this.objectives);
		params.set("leadRole", this.leadRole);
		params.set("leadWorkSharePercent", this.leadWorkSharePercent);
		params.set("leadBudgetSharePercent", this.leadBudgetSharePercent);
		for (int i = 0; i < this.partners.size(); i++) {
			PartnerRow row = this.partners.get(i);
			params.set("partners[" + i + "].organisationName", row.organisationName());
			params.set("partners[" + i + "].role", row.role());
			params.set("partners[" + i + "].workSharePercent", row.workSharePercent());
			params.set("partners[" + i + "].budgetSharePercent", row.budgetSharePercent());
		}
		for (int i = 0; i < this.kpis.size(); i++) {
			KpiRow row = this.kpis.get(i);
			params.set("kpis[" + i + "].kind", row.kind());
			params.set("kpis[" + i + "].description", row.description());
			params.set("kpis[" + i + "].unit", row.unit());
			params.set("kpis[" + i + "].target", row.target());
		}
		for (int i = 0; i < this.workPlan.size(); i++) {
			MilestoneRow row = this.workPlan.get(i);
			params.set("workPlan[" + i + "].title", row.title());
			params.set("workPlan[" + i + "].dueDate", row.dueDate());
			params.set("workPlan[" + i + "].deliverables", row.deliverables());
		}
		this.budget.forEach((cell, yuan) -> params.set("budget." + cell, yuan));
		return params;
	}

	/** The same form with empty rows to type into: {@code spare} more than typed, at least {@code min}. */
	public ProposalForm withBlankRows(int spare) {
		return new ProposalForm(this.title, this.topicCode, this.objectives, this.leadRole, this.leadWorkSharePercent,
				this.leadBudgetSharePercent, pad(this.partners, new PartnerRow("", "", "", ""), spare),
				pad(this.kpis, new KpiRow("", "", "", ""), spare), pad(this.workPlan, new MilestoneRow("", "", ""), spare),
				this.budget);
	}

	/** The shares of work typed (lead and partners), unreadable ones as 0: the page's running sum. */
	public int workShareSum() {
		return whole(this.leadWorkSharePercent)
				+ this.partners.stream().mapToInt(p -> whole(p.workSharePercent())).sum();
	}

	public int budgetShareSum() {
		return whole(this.leadBudgetSharePercent)
				+ this.partners.stream().mapToInt(p -> whole(p.budgetSharePercent())).sum();
	}

	private static int whole(String typed) {
		try {
			return isBlank(typed) ? 0 : Integer.parseInt(typed.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/** The typed yuan of one cell of the budget grid, "" when none. */
	public String amount(String category, String source) {
		return this.budget.getOrDefault(cell(category, source), "");
	}

	static String cell(String category, String source) {
		return category + "." + source;
	}

	/** Typed yuan ("12,345.6") to fen; empty when it is no amount of yuan with at most two decimals. */
	static Optional<Long> fen(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		try {
			BigDecimal value = new BigDecimal(typed.strip().replace(",", "").replace("，", ""));
			if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2
					|| value.compareTo(BigDecimal.valueOf(100_000_000_000L)) > 0) {
				return Optional.empty();
			}
			return Optional.of(value.movePointRight(2).longValueExact());
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return Optional.empty();
		}
	}

	private static Integer percent(String typed, String field, List<Rejected.Violation> violations) {
		if (isBlank(typed)) {
			return 0;
		}
		try {
			int value = Integer.parseInt(typed.strip().replace("%", ""));
			if (value < 0 || value > 100) {
				violations.add(new Rejected.Violation(field, "percent.out-of-range"));
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			violations.add(new Rejected.Violation(field, "number.malformed"));
			return null;
		}
	}

	private static <T> List<T> pad(List<T> rows, T blank, int spare) {
		List<T> padded = new ArrayList<>(rows);
		int total = Math.min(MAX_ROWS, rows.size() + spare);
		while (padded.size() < total) {
			padded.add(blank);
		}
		return padded;
	}

	private static String get(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
