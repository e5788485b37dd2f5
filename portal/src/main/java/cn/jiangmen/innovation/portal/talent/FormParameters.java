package cn.jiangmen.innovation.portal.talent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationForm;
import cn.jiangmen.innovation.contracts.talent.v1.Category;
import cn.jiangmen.innovation.contracts.talent.v1.Degree;
import cn.jiangmen.innovation.contracts.talent.v1.HostKind;
import cn.jiangmen.innovation.contracts.talent.v1.MemberRole;
import cn.jiangmen.innovation.contracts.talent.v1.ProfessionalTitle;
import cn.jiangmen.innovation.contracts.talent.v1.TeamMemberForm;
import cn.jiangmen.innovation.portal.web.ProtoEnums;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The application form's fields ({@code title}, {@code host.creditCode}, {@code team[2].name}...)
 * as the talent.v1 message. Team rows with nothing typed are the page's empty "add a person" rows
 * and are left out; everything else goes to talent-service as typed, which does all the checking
 * (a row with an ORCID but no name is sent, and the missing name is named).
 */
final class FormParameters {

	private static final Pattern MEMBER = Pattern.compile("team\\[(\\d{1,2})]\\.(\\w+)");

	private FormParameters() {
	}

	static ApplicationForm toForm(MultiValueMap<String, String> params) {
		return sent(params).form();
	}

	/**
	 * The form as sent to talent-service, and the page's row of each person in it: rows with
	 * nothing typed are left out, so talent-service numbers the rows it received ({@code team[1]} is
	 * the second row sent) while the page numbers all of its rows.
	 *
	 * @param rows the page's row index of each {@code team[i]} sent, in order
	 */
	record Sent(ApplicationForm form, List<Integer> rows) {

		/** A field talent-service named, as the page names it: {@code team[1].orcid} may be {@code team[3].orcid}. */
		String onPage(String field) {
			Matcher matcher = SENT_ROW.matcher(field == null ? "" : field);
			if (!matcher.lookingAt()) {
				return field;
			}
			int sent = Integer.parseInt(matcher.group(1));
			return sent < this.rows.size() ? "team[" + this.rows.get(sent) + "]" + field.substring(matcher.end())
					: field;
		}

		List<Rejected.Violation> onPage(List<Rejected.Violation> violations) {
			return violations.stream().map(v -> new Rejected.Violation(onPage(v.field()), v.reason())).toList();
		}

	}

	private static final Pattern SENT_ROW = Pattern.compile("team\\[(\\d+)]");

	static Sent sent(MultiValueMap<String, String> params) {
		ApplicationForm.Builder form = ApplicationForm.newBuilder()
			.setTitle(value(params, "title"))
			.setCategory(ProtoEnums.value(Category.class, value(params, "category")))
			.setPriorityField(value(params, "priorityField"))
			.setSummary(value(params, "summary"))
			.setHostName(value(params, "host.name"))
			.setHostCreditCode(value(params, "host.creditCode"))
			.setHostKind(ProtoEnums.value(HostKind.class, value(params, "host.kind")));
		Map<Integer, TeamMemberForm.Builder> members = new TreeMap<>();
		for (String key : params.keySet()) {
			Matcher matcher = MEMBER.matcher(key);
			if (!matcher.matches()) {
				continue;
			}
			TeamMemberForm.Builder member = members.computeIfAbsent(Integer.parseInt(matcher.group(1)),
					i -> TeamMemberForm.newBuilder());
			String value = value(params, key);
			switch (matcher.group(2)) {
				case "name" -> member.setName(value);
				case "role" -> member.setRole(ProtoEnums.value(MemberRole.class, value));
				case "title" -> member.setTitle(ProtoEnums.value(ProfessionalTitle.class, value));
				case "degree" -> member.setDegree(ProtoEnums.value(Degree.class, value));
				case "birthDate" -> member.setBirthDate(value);
				case "nationality" -> member.setNationality(value);
				case "employer" -> member.setEmployer(value);
				case "fullTime" -> {
					if (!value.isEmpty()) {
						member.setFullTime(Boolean.parseBoolean(value));
					}
				}
				case "orcid" -> member.setOrcid(value);
				case "identityDocument" -> member.setIdentityDocument(value);
				default -> {
				}
			}
		}
		// a row is sent once anything is typed in it (the role is preset on every row, so it does not
		// count): a person with an ORCID but no name yet is named by talent-service, not silently dropped
		List<Integer> rows = new ArrayList<>();
		members.forEach((row, member) -> {
			if (typed(member)) {
				rows.add(row);
				form.addTeam(member);
			}
		});
		return new Sent(form.build(), List.copyOf(rows));
	}

	private static boolean typed(TeamMemberForm.Builder m) {
		return !m.getName().isBlank() || m.getTitle() != ProfessionalTitle.PROFESSIONAL_TITLE_UNSPECIFIED
				|| m.getDegree() != Degree.DEGREE_UNSPECIFIED || !m.getBirthDate().isBlank()
				|| !m.getNationality().isBlank() || !m.getEmployer().isBlank() || m.hasFullTime()
				|| !m.getOrcid().isBlank() || !m.getIdentityDocument().isBlank();
	}

	/**
	 * The stored form as the page's parameters, with {@code typed} (input name to value) laid over
	 * it: what a failed POST showed again after its redirect. Identity document numbers are never
	 * among them (the page never shows one back).
	 */
	static MultiValueMap<String, String> overlay(ApplicationForm form, Map<String, String> typed) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.set("title", form.getTitle());
		params.set("category", ProtoEnums.code(form.getCategory()));
		params.set("priorityField", form.getPriorityField());
		params.set("summary", form.getSummary());
		params.set("host.name", form.getHostName());
		params.set("host.creditCode", form.getHostCreditCode());
		params.set("host.kind", ProtoEnums.code(form.getHostKind()));
		for (int i = 0; i < form.getTeamCount(); i++) {
			TeamMemberForm m = form.getTeam(i);
			String at = "team[" + i + "].";
			params.set(at + "name", m.getName());
			params.set(at + "role", ProtoEnums.code(m.getRole()));
			params.set(at + "title", ProtoEnums.code(m.getTitle()));
			params.set(at + "degree", ProtoEnums.code(m.getDegree()));
			params.set(at + "birthDate", m.getBirthDate());
			params.set(at + "nationality", m.getNationality());
			params.set(at + "employer", m.getEmployer());
			params.set(at + "fullTime", m.hasFullTime() ? String.valueOf(m.getFullTime()) : "");
			params.set(at + "orcid", m.getOrcid());
		}
		typed.forEach(params::set);
		return params;
	}

	private static String value(MultiValueMap<String, String> params, String key) {
		String value = params.getFirst(key);
		return value == null ? "" : value.strip();
	}

}
