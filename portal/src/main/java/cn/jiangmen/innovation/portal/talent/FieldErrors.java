package cn.jiangmen.innovation.portal.talent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Field problems of a manager's form, by the id of the input they belong to, so the page puts each
 * translated message next to its field (referenced by {@code aria-describedby}) and lists them all
 * in a summary that links to the fields.
 *
 * @param byInput input id to the message keys of its problems
 * @param summary every problem in the order talent-service named them
 */
public record FieldErrors(Map<String, List<String>> byInput, List<Item> summary) {

	/**
	 * One problem as the summary shows it.
	 *
	 * @param inputId the input it belongs to ({@code ""} when none: the form as a whole)
	 * @param labelKey message key naming the field; {@code {0}} is the category's name if any
	 * @param category the category code the field belongs to, or null
	 * @param codeKey message key of the reason
	 */
	public record Item(String inputId, String labelKey, String category, String codeKey) {
	}

	static FieldErrors none() {
		return new FieldErrors(Map.of(), List.of());
	}

	/**
	 * @param inputId maps a field name talent-service used to the input's id ({@code ""} for none)
	 */
	static FieldErrors of(List<TalentPortalClient.Violation> violations, Function<String, String> inputId) {
		Map<String, List<String>> byInput = new LinkedHashMap<>();
		List<Item> summary = new ArrayList<>();
		for (TalentPortalClient.Violation violation : violations) {
			String id = inputId.apply(violation.field());
			String codeKey = "talent.error." + violation.code();
			byInput.computeIfAbsent(id, key -> new ArrayList<>()).add(codeKey);
			String category = null;
			String labelKey = "talent.field.form";
			if (id.startsWith("cat-")) {
				String rest = id.substring("cat-".length());
				int dash = rest.indexOf('-');
				category = dash < 0 ? rest : rest.substring(0, dash);
				labelKey = "talent.call.field." + (dash < 0 ? "category" : rest.substring(dash + 1));
			}
			else if (!id.isEmpty()) {
				labelKey = "talent.call.field." + id;
			}
			summary.add(new Item(id, labelKey, category, codeKey));
		}
		return new FieldErrors(byInput, summary);
	}

	public boolean has(String inputId) {
		return this.byInput.containsKey(inputId);
	}

	public List<String> keysOf(String inputId) {
		return this.byInput.getOrDefault(inputId, List.of());
	}

	/** The id of the element holding the messages of an input, for its {@code aria-describedby}. */
	public String describedBy(String inputId) {
		return has(inputId) ? inputId + "-error" : null;
	}

	public boolean isEmpty() {
		return this.summary.isEmpty();
	}

}
