package cn.jiangmen.innovation.portal.talent;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationForm;
import cn.jiangmen.innovation.contracts.talent.v1.EligibilityFinding;
import cn.jiangmen.innovation.contracts.talent.v1.MemberRole;
import cn.jiangmen.innovation.portal.web.ProtoEnums;

/**
 * Eligibility findings in words that name the rule's value and what was entered ("at least 5 team
 * members; 2 entered"), from the call's rules and the form: talent-service names the rule that
 * failed, the page says by how much.
 */
final class EligibilityNotes {

	/**
	 * One finding as a message key with its arguments; {@code key} falls back to the plain code's
	 * message when the rule's values are not known (a call the portal could not read).
	 */
	record Note(String field, String code, String key, Object[] args, String fallbackKey) {
	}

	/** Translates a code's message key; {@code fallback} when there is none. */
	interface Words {

		String word(String key, String fallback);

		default String list(String prefix, List<String> codes) {
			return String.join(word("talent.list.separator", "、"), codes.stream().map(c -> word(prefix + c, c)).toList());
		}

	}

	private EligibilityNotes() {
	}

	static List<Note> of(List<EligibilityFinding> findings, CallCard call, ApplicationForm form, Words words) {
		Optional<CallCard.Rules> rules = call == null ? Optional.empty()
				: call.rulesFor(ProtoEnums.code(form.getCategory()));
		return findings.stream().map(f -> note(f, call, rules, form, words)).toList();
	}

	private static Note note(EligibilityFinding f, CallCard call, Optional<CallCard.Rules> rules, ApplicationForm form,
			Words words) {
		String fallback = "talent.error." + f.getCode();
		String key = "talent.eligibility." + f.getCode();
		Object[] args = switch (f.getCode()) {
			case "eligibility.team-too-small" -> rules.map(r -> new Object[] { r.minTeamSize(), form.getTeamCount() })
				.orElse(null);
			case "eligibility.leader-too-old" -> rules.filter(r -> r.maxLeaderAge() != null)
				.map(r -> new Object[] { r.maxLeaderAge(), leaderAge(form, call.referenceDay()).map(String::valueOf).orElse("?"),
						call.referenceDay().toString() })
				.orElse(null);
			case "eligibility.leader-title" -> rules
				.map(r -> new Object[] { words.list("talent.title.", r.requiredLeaderTitles()),
						words.word("talent.title." + leaderTitle(form), "") })
				.orElse(null);
			case "eligibility.field-not-in-call" -> call == null ? null
					: new Object[] { words.list("talent.priority-field.", call.priorityFields()) };
			case "eligibility.category-not-in-call" -> call == null ? null
					: new Object[] { words.list("talent.category.", call.categories()) };
			default -> null;
		};
		return args == null ? new Note(f.getField(), f.getCode(), fallback, new Object[0], fallback)
				: new Note(f.getField(), f.getCode(), key, args, fallback);
	}

	private static Optional<Integer> leaderAge(ApplicationForm form, LocalDate on) {
		return form.getTeamList()
			.stream()
			.filter(m -> m.getRole() == MemberRole.MEMBER_ROLE_LEADER)
			.findFirst()
			.flatMap(m -> {
				try {
					return Optional.of(Period.between(LocalDate.parse(m.getBirthDate()), on).getYears());
				}
				catch (DateTimeParseException ex) {
					return Optional.empty();
				}
			});
	}

	private static String leaderTitle(ApplicationForm form) {
		return form.getTeamList()
			.stream()
			.filter(m -> m.getRole() == MemberRole.MEMBER_ROLE_LEADER)
			.findFirst()
			.map(m -> ProtoEnums.code(m.getTitle()))
			.orElse("");
	}

}
