package cn.jiangmen.innovation.project.web;

import java.net.URI;
import java.util.List;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.ProposalCommands;
import cn.jiangmen.innovation.project.application.ProposalQueries;
import cn.jiangmen.innovation.project.domain.CallId;
import cn.jiangmen.innovation.project.domain.Proposal;
import cn.jiangmen.innovation.project.domain.ProposalId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/proposals")
@Tag(name = "Proposals", description = "Consortium proposals (申报书): the lead writes and submits, partners confirm")
class ProposalController {

	private final ProposalCommands commands;

	private final ProposalQueries queries;

	ProposalController(ProposalCommands commands, ProposalQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@PostMapping
	@Operation(operationId = "createProposal", summary = "Start a proposal for the caller's organisation (the lead) on a "
			+ "call that takes proposals now; bad fields are named in fieldErrors and left empty")
	ResponseEntity<ProposalView> create(@RequestBody ProposalRequests.Create body) {
		CallId call = CallId.parse(body.callId(), "callId");
		ProposalRequests.Content content = body.content() == null ? empty() : body.content();
		ProposalCommands.Saved saved = this.commands.create(Callers.current(), call, content.form());
		ProposalView view = ProposalView.of(this.queries.details(saved.proposal()), saved.fieldErrors());
		return ResponseEntity.created(URI.create("/api/projects/proposals/" + view.id())).body(view);
	}

	@PutMapping("/{id}")
	@Operation(operationId = "saveProposal", summary = "Save a draft or returned proposal (the lead; autosave): a bad "
			+ "field keeps its previous value and is named in fieldErrors; a change withdraws partners' confirmations")
	ProposalView save(@PathVariable("id") String id, @RequestBody ProposalRequests.Save body) {
		if (body.content() == null) {
			throw new InvalidInputException("content", "required", "must be the proposal form");
		}
		ProposalCommands.Saved saved = this.commands.save(Callers.current(), ProposalId.parse(id, "id"),
				body.content().form(), body.version());
		return ProposalView.of(this.queries.details(saved.proposal()), saved.fieldErrors());
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getProposal", summary = "One proposal with the call's findings on it and its notices "
			+ "(the consortium's organisations, managers, auditors; 404 for anyone else)")
	ProposalView get(@PathVariable("id") String id) {
		return ProposalView.of(this.queries.get(Callers.current(), ProposalId.parse(id, "id")), List.of());
	}

	@GetMapping
	@Operation(operationId = "listProposals",
			summary = "Proposals the caller may see (their organisation's as lead or partner; all for the bureau)")
	ProposalView.Page list(@RequestParam(name = "callId", required = false) String callId,
			@RequestParam(name = "pageSize", defaultValue = "0") int pageSize,
			@RequestParam(name = "pageToken", required = false) String pageToken) {
		PageRequest page = PageRequest.of(pageSize, pageToken, "pageSize", "pageToken");
		List<Proposal> found = this.queries.page(Callers.current(),
				callId == null || callId.isBlank() ? null : CallId.parse(callId, "callId"), page);
		return new ProposalView.Page(
				found.stream().map(p -> ProposalView.of(this.queries.details(p), List.of())).toList(),
				page.nextToken(found.size()));
	}

	@PostMapping("/{id}/confirmation")
	@Operation(operationId = "confirmParticipation",
			summary = "A partner organisation confirms its participation in the proposal as it stands (partners only)")
	ProposalView confirm(@PathVariable("id") String id) {
		return view(this.commands.confirm(Callers.current(), ProposalId.parse(id, "id")));
	}

	@PostMapping("/{id}/submission")
	@Operation(operationId = "submitProposal", summary = "Submit before the call closes (the lead only; 409 until "
			+ "every partner confirmed; 400 naming each of the call's rules the proposal breaks, in words)")
	ProposalView submit(@PathVariable("id") String id) {
		return view(this.commands.submit(Callers.current(), ProposalId.parse(id, "id")));
	}

	@PostMapping("/{id}/withdrawal")
	@Operation(operationId = "withdrawProposal", summary = "Withdraw a submitted proposal before the call closes (the lead only)")
	ProposalView withdraw(@PathVariable("id") String id) {
		return view(this.commands.withdraw(Callers.current(), ProposalId.parse(id, "id")));
	}

	private ProposalView view(Proposal proposal) {
		return ProposalView.of(this.queries.details(proposal), List.of());
	}

	private static ProposalRequests.Content empty() {
		return new ProposalRequests.Content(null, null, null, null, null, null, null, null, null, null);
	}

}
