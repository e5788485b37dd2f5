package cn.jiangmen.innovation.portal.project;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import cn.jiangmen.innovation.contracts.project.v1.FieldKind;
import cn.jiangmen.innovation.contracts.project.v1.PriorityField;

/**
 * The priority fields (重点领域) as check-boxes, read from project-service's reference data
 * (ListPriorityFields, every page) in the page's language, so that a field an admin adds or renames
 * is offered at once and none is listed in the portal's configuration or bundles. A retired field is
 * not offered for a new choice, but where a record already holds it, it stays a checked box with its
 * name and "retired" (unchecking it removes it; a saved record keeps its history).
 */
public final class FieldChoices {

	/**
	 * One box.
	 *
	 * @param code the field's code, the value sent
	 * @param name its name in the page's language (zh-CN, or en)
	 * @param retired whether the admin retired it (shown only where already chosen)
	 * @param provinceLinked a province-city linked field (省市联动, 五(一), 四(二))
	 */
	public record Choice(String code, String name, boolean retired, boolean provinceLinked) {
	}

	private final List<Choice> all;

	private FieldChoices(List<Choice> all) {
		this.all = all;
	}

	/** The fields in project-service's plan order, named in the locale's language. */
	public static FieldChoices of(List<PriorityField> fields, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		return new FieldChoices(fields.stream()
			.map(f -> new Choice(f.getCode(), english ? f.getNameEn() : f.getNameZh(), f.getRetired(),
					f.getKind() == FieldKind.FIELD_KIND_PROVINCE_CITY_LINKED))
			.toList());
	}

	/** The boxes a form shows: every current field, and the retired ones among {@code chosen}. */
	public List<Choice> offered(Collection<String> chosen) {
		return this.all.stream().filter(c -> !c.retired() || chosen.contains(c.code())).toList();
	}

	/** Whether a code is one of the fields, retired or not (a box rather than a typed code). */
	public boolean knows(String code) {
		return this.all.stream().anyMatch(c -> c.code().equals(code));
	}

	/** The current province-city linked fields: the talent programs' usual choice (seed 四(二)). */
	public List<String> provinceLinked() {
		return this.all.stream().filter(c -> c.provinceLinked() && !c.retired()).map(Choice::code).toList();
	}

}
