package cn.jiangmen.innovation.funding.domain;

import java.util.Objects;

/** A program's budget line for one fiscal year, e.g. {@code major-projects} / 2026. */
public record BudgetKey(String programCode, int fiscalYear) {

	public BudgetKey {
		Objects.requireNonNull(programCode, "programCode");
	}

	@Override
	public String toString() {
		return this.programCode + "/" + this.fiscalYear;
	}

}
