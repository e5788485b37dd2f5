package cn.jiangmen.innovation.project.domain.execution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.project.domain.MilestoneId;

/** A KPI target (考核指标) a milestone must reach: e.g. 3 invention patents applied, 1 prototype. */
public record KpiTarget(UUID id, MilestoneId milestoneId, int sortOrder, String name, String unit, BigDecimal target,
		long version) {

	public KpiTarget {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(milestoneId, "milestoneId");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(target, "target");
	}

	public KpiTarget withTarget(BigDecimal next) {
		return new KpiTarget(this.id, this.milestoneId, this.sortOrder, this.name, this.unit, next, this.version + 1);
	}

	/** A non-negative amount with at most two decimals; null after adding a violation for {@code field}. */
	public static BigDecimal amount(String text, String field, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			violations.add(new FieldViolation(field, "required", "must be given, e.g. \"3\" or \"12.5\""));
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(text.strip());
			if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || value.precision() - value.scale() > 16) {
				violations.add(new FieldViolation(field, "kpi.amount-range",
						"must be a number from 0 with at most two decimals"));
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			violations.add(new FieldViolation(field, "kpi.amount-malformed", "must be a decimal number"));
			return null;
		}
	}

	/** Text of 1..max characters after stripping; null after adding a violation. */
	public static String text(String text, String field, int max, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			violations.add(new FieldViolation(field, "required", "must be given"));
			return null;
		}
		String stripped = text.strip();
		if (stripped.length() > max) {
			violations.add(new FieldViolation(field, "text.too-long", "must be at most " + max + " characters"));
			return null;
		}
		return stripped;
	}

}
