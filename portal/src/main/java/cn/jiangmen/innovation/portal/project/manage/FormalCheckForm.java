package cn.jiangmen.innovation.portal.project.manage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.contracts.project.v1.FormalCheckDecision;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.util.MultiValueMap;

/**
 * The formal check as typed: pass, return (reasons, one a line, and a correction deadline: the
 * end of that day in Beijing) or reject (reasons).
 */
public record FormalCheckForm(String decision, String reasons, String correctionDue) {

	static FormalCheckForm of(MultiValueMap<String, String> posted) {
		String decision = posted.getFirst("decision");
		String reasons = posted.getFirst("reasons");
		String correctionDue = posted.getFirst("correctionDue");
		return new FormalCheckForm(decision == null ? "" : decision, reasons == null ? "" : reasons,
				correctionDue == null ? "" : correctionDue);
	}

	List<Rejected.Violation> problems(ZoneId zone) {
		List<Rejected.Violation> problems = new ArrayList<>();
		if (!ProposalManagerController.DECISIONS.contains(this.decision)) {
			problems.add(new Rejected.Violation("decision", "required"));
			return problems;
		}
		if (!"pass".equals(this.decision) && reasonLines().isEmpty()) {
			problems.add(new Rejected.Violation("reasons", "required"));
		}
		if ("return".equals(this.decision)) {
			try {
				if (correctionDueAt(zone).isBefore(Instant.now())) {
					problems.add(new Rejected.Violation("correctionDue", "in-the-past"));
				}
			}
			catch (DateTimeParseException ex) {
				problems.add(new Rejected.Violation("correctionDue",
						this.correctionDue.isBlank() ? "required" : "malformed"));
			}
		}
		return problems;
	}

	public List<String> reasonLines() {
		return this.reasons.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	FormalCheckDecision decisionValue() {
		return switch (this.decision) {
			case "pass" -> FormalCheckDecision.FORMAL_CHECK_DECISION_PASS;
			case "return" -> FormalCheckDecision.FORMAL_CHECK_DECISION_RETURN;
			default -> FormalCheckDecision.FORMAL_CHECK_DECISION_REJECT;
		};
	}

	Instant correctionDueAt(ZoneId zone) {
		if (!"return".equals(this.decision)) {
			return null;
		}
		return LocalDate.parse(this.correctionDue.strip()).plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
	}

}
