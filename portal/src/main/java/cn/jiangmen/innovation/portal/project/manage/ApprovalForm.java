package cn.jiangmen.innovation.portal.project.manage;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.portal.finance.Yuan;
import cn.jiangmen.innovation.portal.web.Rejected;

import org.springframework.util.MultiValueMap;

/** The approval as typed: the approved fiscal amount, one tranche per work-plan milestone, a note. */
public record ApprovalForm(String approved, List<String> tranches, String note) {

	static ApprovalForm empty() {
		return new ApprovalForm("", List.of(), "");
	}

	static ApprovalForm of(MultiValueMap<String, String> posted, int milestones) {
		List<String> tranches = new ArrayList<>();
		for (int i = 0; i < milestones; i++) {
			String value = posted.getFirst("tranche-" + i);
			tranches.add(value == null ? "" : value);
		}
		String approved = posted.getFirst("approved");
		String note = posted.getFirst("note");
		return new ApprovalForm(approved == null ? "" : approved, tranches, note == null ? "" : note);
	}

	public String tranche(int index) {
		return index < this.tranches.size() ? this.tranches.get(index) : "";
	}

	List<Rejected.Violation> problems() {
		List<Rejected.Violation> problems = new ArrayList<>();
		Yuan.Parsed approvedFen = Yuan.parse(this.approved);
		if (!approvedFen.ok()) {
			problems.add(new Rejected.Violation("approvedFiscal", approvedFen.problem()));
		}
		for (int i = 0; i < this.tranches.size(); i++) {
			Yuan.Parsed fen = Yuan.parse(this.tranches.get(i));
			if (!fen.ok()) {
				problems.add(new Rejected.Violation("tranches[" + i + "].amount", fen.problem()));
			}
		}
		return problems;
	}

	long approvedFen() {
		return Yuan.parse(this.approved).fen();
	}

	List<Long> tranchesFen() {
		return this.tranches.stream().map(t -> Yuan.parse(t).fen()).toList();
	}

}
