package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import cn.jiangmen.innovation.platform.error.ConflictException;

/**
 * A priority field (重点领域) for major projects: reference data, not code, so an admin can add,
 * rename or retire one. Immutable: each change returns the next version. Retiring keeps the row, so
 * calls and projects filed under the field still show its names.
 *
 * @param planSection where the plan names it (e.g. 五(二)); empty for fields added later
 */
public record PriorityField(String code, FieldKind kind, FieldNames names, String planSection, int sortOrder,
		Optional<Instant> retiredAt, long version) {

	public PriorityField {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(names, "names");
		planSection = planSection == null ? "" : planSection;
		Objects.requireNonNull(retiredAt, "retiredAt");
	}

	public static PriorityField added(FieldCode code, FieldKind kind, FieldNames names, String planSection,
			int sortOrder) {
		return new PriorityField(code.value(), kind, names, planSection, sortOrder, Optional.empty(), 0);
	}

	public String nameZh() {
		return this.names.zh();
	}

	public String nameEn() {
		return this.names.en();
	}

	public boolean isRetired() {
		return this.retiredAt.isPresent();
	}

	/** New zh-CN and en names; a retired field is history and is not renamed. */
	public PriorityField rename(FieldNames next) {
		requireActive("renamed");
		return new PriorityField(this.code, this.kind, next, this.planSection, this.sortOrder, this.retiredAt,
				this.version + 1);
	}

	/** Takes the field out of new calls; once only. */
	public PriorityField retire(Instant now) {
		requireActive("retired again");
		return new PriorityField(this.code, this.kind, this.names, this.planSection, this.sortOrder,
				Optional.of(Objects.requireNonNull(now, "now")), this.version + 1);
	}

	private void requireActive(String what) {
		if (isRetired()) {
			throw new ConflictException("field.retired", "Field " + this.code + " is retired and cannot be " + what);
		}
	}

}
