package cn.jiangmen.innovation.project.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.ProposalDecisions;
import cn.jiangmen.innovation.project.application.ProposalQueries;
import cn.jiangmen.innovation.project.domain.ProposalId;
import cn.jiangmen.innovation.project.domain.Yuan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/proposals/{id}")
@Tag(name = "Proposal decisions", description = "The bureau's formal check (形式审查) and approval (立项)")
class ProposalDecisionController {

	private final ProposalDecisions decisions;

	private final ProposalQueries queries;

	ProposalDecisionController(ProposalDecisions decisions, ProposalQueries queries) {
		this.decisions = decisions;
		this.queries = queries;
	}

	@PostMapping("/formal-check")
	@Operation(operationId = "decideProposalFormalCheck", summary = "Pass (to expert review in review-service), "
			+ "return for correction (reasons, correctionDueAt) or reject (reasons); program managers")
	ProposalView formalCheck(@PathVariable("id") String id, @RequestBody ProposalRequests.FormalCheck body) {
		List<FieldViolation> violations = new ArrayList<>();
		ProposalDecisions.FormalCheck decision = null;
		try {
			decision = body.decision() == null ? null : ProposalDecisions.FormalCheck.valueOf(body.decision());
		}
		catch (IllegalArgumentException ex) {
			// named by the use case, after the 404 and 403 checks
		}
		var due = CallRequests.instant(body.correctionDueAt(), "correctionDueAt", violations);
		return ProposalView.of(this.queries.details(this.decisions.formalCheck(Callers.current(), ProposalId.parse(id, "id"),
				decision, body.reasons(), due, violations)), List.of());
	}

	@PostMapping("/approval")
	@Operation(operationId = "approveProposal", summary = "Approve (立项) a reviewed proposal with the approved fiscal "
			+ "amount (<= request and ceiling) and one tranche per milestone adding up to it: writes the project, its "
			+ "milestones, a notice and the award to funding-service (program managers)")
	ProposalView approve(@PathVariable("id") String id, @RequestBody ProposalRequests.Approve body) {
		List<FieldViolation> violations = new ArrayList<>();
		Long approved = Yuan.parse(body.approvedFiscal(), "approvedFiscal", violations);
		List<Long> tranches = new ArrayList<>();
		List<String> given = body.tranches() == null ? List.of() : body.tranches();
		for (int i = 0; i < given.size(); i++) {
			tranches.add(tranche(given.get(i), "tranches[" + i + "]", violations));
		}
		return ProposalView.of(this.queries.details(this.decisions.approve(Callers.current(), ProposalId.parse(id, "id"),
				approved, tranches, body.note(), violations)), List.of());
	}

	/** A tranche may be zero (a milestone that releases no money). */
	private static Long tranche(String yuan, String field, List<FieldViolation> violations) {
		if (yuan != null) {
			try {
				if (new BigDecimal(yuan.strip()).signum() == 0) {
					return 0L;
				}
			}
			catch (NumberFormatException ex) {
				// Yuan.parse names it
			}
		}
		return Yuan.parse(yuan, field, violations);
	}

}
