package cn.jiangmen.innovation.project.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.organisation.Organisation;

/**
 * The proposal form as it arrives from REST or gRPC: plain values, anything may be missing. {@link
 * #parseKeeping} takes every section that passes its checks and keeps the previous value of one
 * that does not, naming each bad field, so one bad field never throws the rest of an autosave away.
 * Partners are looked up in the organisation directory (an unknown id is a bad field).
 */
public record ProposalForm(String title, String topicCode, String objectives, String leadRole, Integer leadWorkSharePercent,
		Integer leadBudgetSharePercent, List<PartnerInput> partners, List<KpiInput> kpis, List<MilestoneInput> workPlan,
		List<BudgetInput> budget) {

	static final int MAX_TEXT = 300;

	static final int MAX_LONG_TEXT = 8000;

	public static final int MAX_ROWS = 50;

	public record PartnerInput(String organisationId, String role, Integer workSharePercent, Integer budgetSharePercent) {
	}

	public record KpiInput(String kind, String description, String unit, Long target) {
	}

	public record MilestoneInput(String title, String dueDate, String deliverables) {
	}

	/** {@code amountFen} (gRPC) or {@code amountYuan} (REST), whichever is given. */
	public record BudgetInput(String category, String source, String amountYuan, Long amountFen) {
	}

	/** The content to store and the fields that kept their previous value. */
	public record Parsed(ProposalContent content, List<FieldViolation> violations) {

		public Parsed {
			violations = List.copyOf(violations);
		}

	}

	/**
	 * @param previous what is stored (an empty content for a new proposal)
	 * @param directory the directory entries of the partner ids that exist
	 */
	public Parsed parseKeeping(ProposalContent previous, Function<List<UUID>, Map<UUID, Organisation>> directory) {
		List<FieldViolation> all = new ArrayList<>();
		String cleanTitle = section(all, previous.title(), v -> text(this.title, "title", MAX_TEXT, v));
		String topic = section(all, previous.topicCode(), v -> text(this.topicCode, "topicCode", 20, v));
		String cleanObjectives = section(all, previous.objectives(),
				v -> text(this.objectives, "objectives", MAX_LONG_TEXT, v));
		String role = section(all, previous.leadRole(), v -> text(this.leadRole, "leadRole", MAX_TEXT, v));
		int leadWork = section(all, previous.leadWorkSharePercent(),
				v -> percent(this.leadWorkSharePercent, "leadWorkSharePercent", v));
		int leadBudget = section(all, previous.leadBudgetSharePercent(),
				v -> percent(this.leadBudgetSharePercent, "leadBudgetSharePercent", v));
		List<ProposalContent.Partner> cleanPartners = section(all, previous.partners(),
				v -> partners(previous, directory, v));
		List<ProposalContent.Kpi> cleanKpis = section(all, previous.kpis(), this::kpis);
		List<ProposalContent.PlannedMilestone> plan = section(all, previous.workPlan(), this::workPlan);
		List<ProposalContent.BudgetLine> lines = section(all, previous.budget(), this::budget);
		return new Parsed(new ProposalContent(cleanTitle, topic, cleanObjectives, previous.lead(), role, leadWork,
				leadBudget, cleanPartners, cleanKpis, plan, lines), all);
	}

	/** A section's new value, or its previous one when the new one has violations (which are kept). */
	private static <T> T section(List<FieldViolation> all, T previous, Function<List<FieldViolation>, T> parse) {
		List<FieldViolation> violations = new ArrayList<>();
		T value = parse.apply(violations);
		if (violations.isEmpty()) {
			return value;
		}
		all.addAll(violations);
		return previous;
	}

	private List<ProposalContent.Partner> partners(ProposalContent previous,
			Function<List<UUID>, Map<UUID, Organisation>> directory, List<FieldViolation> v) {
		List<PartnerInput> rows = this.partners == null ? List.of() : this.partners;
		if (rows.size() > MAX_ROWS) {
			v.add(new FieldViolation("partners", "too-many", "must be at most " + MAX_ROWS + " partners"));
			return List.of();
		}
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			ids.add(uuid(rows.get(i) == null ? null : rows.get(i).organisationId(), "partners[" + i + "].organisationId", v));
		}
		Map<UUID, Organisation> found = directory.apply(ids.stream().filter(java.util.Objects::nonNull).toList());
		Set<UUID> seen = new HashSet<>();
		List<ProposalContent.Partner> result = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			PartnerInput row = rows.get(i) == null ? new PartnerInput(null, null, null, null) : rows.get(i);
			String prefix = "partners[" + i + "].";
			UUID id = ids.get(i);
			Organisation organisation = id == null ? null : found.get(id);
			if (id != null && organisation == null) {
				v.add(new FieldViolation(prefix + "organisationId", "organisation.unknown",
						"is not an organisation of the directory"));
			}
			else if (id != null && id.equals(previous.lead().organisationId())) {
				v.add(new FieldViolation(prefix + "organisationId", "organisation.is-lead",
						"is the lead organisation, which is not also a partner"));
			}
			else if (id != null && !seen.add(id)) {
				v.add(new FieldViolation(prefix + "organisationId", "organisation.duplicate", "is listed twice"));
			}
			String role = text(row.role(), prefix + "role", MAX_TEXT, v);
			int work = percent(row.workSharePercent(), prefix + "workSharePercent", v);
			int budgetShare = percent(row.budgetSharePercent(), prefix + "budgetSharePercent", v);
			if (organisation != null) {
				result.add(new ProposalContent.Partner(ProposalContent.Party.of(organisation), role, work, budgetShare,
						null));
			}
		}
		return result;
	}

	private List<ProposalContent.Kpi> kpis(List<FieldViolation> v) {
		List<KpiInput> rows = this.kpis == null ? List.of() : this.kpis;
		rows(rows, "kpis", v);
		List<ProposalContent.Kpi> result = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			KpiInput row = rows.get(i) == null ? new KpiInput(null, null, null, null) : rows.get(i);
			String prefix = "kpis[" + i + "].";
			KpiKind kind = code(KpiKind.class, row.kind(), prefix + "kind", v);
			String description = text(row.description(), prefix + "description", MAX_TEXT, v);
			String unit = text(row.unit(), prefix + "unit", 20, v);
			if (unit == null) {
				v.add(new FieldViolation(prefix + "unit", "required", "must name a unit, e.g. 件, 项, 万元, 台, 人"));
			}
			if (row.target() == null || row.target() <= 0) {
				v.add(new FieldViolation(prefix + "target", "not-positive", "must be a positive whole number"));
			}
			result.add(new ProposalContent.Kpi(kind, description, unit, row.target() == null ? 0 : row.target()));
		}
		return result;
	}

	private List<ProposalContent.PlannedMilestone> workPlan(List<FieldViolation> v) {
		List<MilestoneInput> rows = this.workPlan == null ? List.of() : this.workPlan;
		rows(rows, "workPlan", v);
		List<ProposalContent.PlannedMilestone> result = new ArrayList<>();
		LocalDate previousDue = null;
		for (int i = 0; i < rows.size(); i++) {
			MilestoneInput row = rows.get(i) == null ? new MilestoneInput(null, null, null) : rows.get(i);
			String prefix = "workPlan[" + i + "].";
			String title = text(row.title(), prefix + "title", MAX_TEXT, v);
			if (title == null) {
				v.add(new FieldViolation(prefix + "title", "required", "must not be blank"));
			}
			LocalDate due = null;
			try {
				due = row.dueDate() == null ? null : LocalDate.parse(row.dueDate().strip());
			}
			catch (DateTimeParseException ex) {
				v.add(new FieldViolation(prefix + "dueDate", "date.malformed", "must be a date yyyy-MM-dd"));
			}
			if (row.dueDate() == null) {
				v.add(new FieldViolation(prefix + "dueDate", "required", "must be a date yyyy-MM-dd"));
			}
			else if (due != null && previousDue != null && due.isBefore(previousDue)) {
				v.add(new FieldViolation(prefix + "dueDate", "date.out-of-order",
						"must not be before the previous milestone's " + previousDue));
			}
			previousDue = due == null ? previousDue : due;
			String deliverables = text(row.deliverables(), prefix + "deliverables", MAX_LONG_TEXT, v);
			result.add(new ProposalContent.PlannedMilestone(title, due, deliverables == null ? "" : deliverables));
		}
		return result;
	}

	private List<ProposalContent.BudgetLine> budget(List<FieldViolation> v) {
		List<BudgetInput> rows = this.budget == null ? List.of() : this.budget;
		rows(rows, "budget", v);
		List<ProposalContent.BudgetLine> result = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			BudgetInput row = rows.get(i) == null ? new BudgetInput(null, null, null, null) : rows.get(i);
			String prefix = "budget[" + i + "].";
			BudgetCategory category = code(BudgetCategory.class, row.category(), prefix + "category", v);
			FundingSource source = code(FundingSource.class, row.source(), prefix + "source", v);
			if (category == null && row.category() == null) {
				v.add(new FieldViolation(prefix + "category", "required", "must be given"));
			}
			if (source == null && row.source() == null) {
				v.add(new FieldViolation(prefix + "source", "required", "must be FISCAL, SELF_RAISED or OTHER"));
			}
			Long fen = row.amountFen() != null ? Yuan.ofFen("CNY", row.amountFen(), prefix + "amount", v)
					: Yuan.parse(row.amountYuan(), prefix + "amount", v);
			result.add(new ProposalContent.BudgetLine(category, source, fen == null ? 0 : fen));
		}
		return result;
	}

	private static void rows(List<?> rows, String field, List<FieldViolation> v) {
		if (rows.size() > MAX_ROWS) {
			v.add(new FieldViolation(field, "too-many", "must be at most " + MAX_ROWS + " rows"));
		}
	}

	/** Blank is null (a draft may leave it empty); too long is a violation. */
	private static String text(String value, String field, int max, List<FieldViolation> v) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String clean = value.strip();
		if (clean.length() > max) {
			v.add(new FieldViolation(field, "too-long", "must be at most " + max + " characters"));
			return null;
		}
		return clean;
	}

	private static int percent(Integer value, String field, List<FieldViolation> v) {
		if (value == null) {
			return 0;
		}
		if (value < 0 || value > 100) {
			v.add(new FieldViolation(field, "percent.out-of-range", "must be a whole percentage from 0 to 100"));
			return 0;
		}
		return value;
	}

	private static UUID uuid(String text, String field, List<FieldViolation> v) {
		try {
			return UUID.fromString(text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException ex) {
			v.add(new FieldViolation(field, "id.malformed", "must be an organisation id (UUID)"));
			return null;
		}
	}

	private static <E extends Enum<E>> E code(Class<E> type, String text, String field, List<FieldViolation> v) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			v.add(new FieldViolation(field, "unknown-value", "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
			return null;
		}
	}

}
