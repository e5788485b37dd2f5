package cn.jiangmen.innovation.portal.talent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationDetail;

/**
 * The form's sections and what each still needs before submission, from talent-service's answer
 * (missing fields, missing documents, eligibility findings): shown above the form, on the
 * check-your-answers page, and refreshed with every autosave.
 *
 * @param sections in the form's order
 */
public record Checklist(List<Section> sections) {

	/**
	 * One section: its anchor on the form ({@code section-basics}), its title key and what it lacks.
	 *
	 * @param todo problems still open, each as a field and a message code
	 */
	public record Section(String id, String titleKey, List<Problem> todo) {

		public boolean done() {
			return this.todo.isEmpty();
		}

	}

	static Checklist of(ApplicationDetail detail) {
		List<Problem> missing = detail.getMissingFieldsList()
			.stream()
			.map(m -> Problem.of(m.getField(), m.getCode()))
			.toList();
		List<Section> sections = new ArrayList<>();
		sections.add(section("section-basics", "talent.form.section.basics", missing,
				p -> !p.field().startsWith("host.") && !p.field().startsWith("team")));
		sections.add(section("section-host", "talent.form.section.host", missing, p -> p.field().startsWith("host.")));
		sections.add(section("section-team", "talent.form.section.team", missing, p -> p.field().startsWith("team")));
		sections.add(new Section("attachments", "talent.attachments.title", detail.getMissingAttachmentKindsList()
			.stream()
			.map(kind -> Problem.of("attachments." + kind, "attachment.required"))
			.toList()));
		sections.add(new Section("feedback", "talent.checklist.eligibility",
				detail.getFindingsList().stream().map(f -> Problem.of(f.getField(), f.getCode())).toList()));
		return new Checklist(List.copyOf(sections));
	}

	private static Section section(String id, String key, List<Problem> missing, Predicate<Problem> belongs) {
		return new Section(id, key, missing.stream().filter(belongs).toList());
	}

	/** Everything needed is there: the application can be submitted. */
	public boolean ready() {
		return this.sections.stream().allMatch(Section::done);
	}

}
