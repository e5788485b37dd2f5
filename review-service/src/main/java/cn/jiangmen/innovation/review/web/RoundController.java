package cn.jiangmen.innovation.review.web;

import java.time.Clock;
import java.util.List;

import cn.jiangmen.innovation.review.application.Callers;
import cn.jiangmen.innovation.review.application.RoundCommands;
import cn.jiangmen.innovation.review.application.RoundQueries;
import cn.jiangmen.innovation.review.domain.AssignmentId;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.RoundId;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/review/rounds")
@Tag(name = "Review rounds", description = "Program managers run rounds: open, assign, conflicts, results, confirm. "
		+ "Auditors read. Request bodies use snake_case; field errors name those fields.")
class RoundController {

	private final RoundCommands commands;

	private final RoundQueries queries;

	private final Clock clock;

	RoundController(RoundCommands commands, RoundQueries queries, Clock clock) {
		this.commands = commands;
		this.queries = queries;
		this.clock = clock;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a round over items awaiting one; conflicts against the pool are detected and recorded")
	Views.OpenedRoundView open(@RequestBody(required = false) RoundRequests.OpenRoundBody body) {
		return Views.OpenedRoundView.of(this.commands.open(Callers.current(), () -> Inputs.openRound(body, this.clock.instant())));
	}

	@GetMapping
	@Operation(summary = "All rounds, newest first")
	List<Views.RoundView> all() {
		return this.queries.all(Callers.current()).stream().map(Views.RoundView::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getRound", summary = "One round with its settings and state")
	Views.RoundView get(@PathVariable("id") String id) {
		return Views.RoundView.of(this.queries.round(Callers.current(), RoundId.parse(id, "id")));
	}

	@PostMapping("/{id}/assignments/auto")
	@Operation(summary = "Assign automatically: matching fields, N per item, at most M per expert, load spread, never a conflict")
	Views.AutoAssignView autoAssign(@PathVariable("id") String id) {
		return Views.AutoAssignView.of(this.commands.autoAssign(Callers.current(), RoundId.parse(id, "id")));
	}

	@PostMapping("/{id}/assignments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Assign one expert by hand (409 assignment.conflict when the expert has a conflict)")
	Views.AssignmentView assign(@PathVariable("id") String id, @RequestBody(required = false) RoundRequests.AssignBody body) {
		RoundRequests.AssignBody b = body == null ? new RoundRequests.AssignBody(null, null) : body;
		return Views.AssignmentView.of(this.commands.assign(Callers.current(), RoundId.parse(id, "id"),
				ReviewItemId.parse(b.itemId(), "item_id"), expert(b.expert())));
	}

	@DeleteMapping("/{id}/assignments/{assignmentId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an assignment from a round (program managers)")
	void unassign(@PathVariable("id") String id, @PathVariable("assignmentId") String assignmentId) {
		this.commands.unassign(Callers.current(), RoundId.parse(id, "id"), AssignmentId.parse(assignmentId, "assignmentId"));
	}

	@GetMapping("/{id}/matrix")
	@Operation(summary = "Assignment matrix with declarations, sheet status and time from assignment to submission")
	Views.MatrixView matrix(@PathVariable("id") String id) {
		return Views.MatrixView.of(this.queries.matrix(Callers.current(), RoundId.parse(id, "id")));
	}

	@GetMapping("/{id}/conflicts")
	@Operation(summary = "Conflicts of interest with their reasons")
	List<Views.ConflictView> conflicts(@PathVariable("id") String id) {
		return this.queries.conflicts(Callers.current(), RoundId.parse(id, "id")).stream().map(Views.ConflictView::of).toList();
	}

	@PostMapping("/{id}/conflicts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a manual conflict (an unsubmitted assignment of the pair is removed)")
	Views.ConflictView addConflict(@PathVariable("id") String id, @RequestBody(required = false) RoundRequests.ConflictBody body) {
		RoundRequests.ConflictBody b = body == null ? new RoundRequests.ConflictBody(null, null, null) : body;
		return Views.ConflictView.of(this.commands.addManualConflict(Callers.current(), RoundId.parse(id, "id"),
				ReviewItemId.parse(b.itemId(), "item_id"), expert(b.expert()), b.detail()));
	}

	@PutMapping("/{id}/items/{itemId}/rapporteur")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Name the rapporteur of an item (program managers)")
	void rapporteur(@PathVariable("id") String id, @PathVariable("itemId") String itemId,
			@RequestBody(required = false) RoundRequests.RapporteurBody body) {
		this.commands.setRapporteur(Callers.current(), RoundId.parse(id, "id"), ReviewItemId.parse(itemId, "itemId"),
				expert(body == null ? null : body.expert()));
	}

	@GetMapping("/{id}/results")
	@Operation(summary = "Raw mean/median, z-score normalised score, disagreement, thresholds, rank; consensus and final rank")
	Views.ResultsView results(@PathVariable("id") String id) {
		return Views.ResultsView.of(this.queries.results(Callers.current(), RoundId.parse(id, "id")));
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "Confirm the panel ranking (every item needs a consensus report); outcomes go to the owning service")
	Views.ResultsView confirm(@PathVariable("id") String id) {
		RoundId round = RoundId.parse(id, "id");
		this.commands.confirm(Callers.current(), round);
		return Views.ResultsView.of(this.queries.results(Callers.current(), round));
	}

	static ExpertId expert(String subject) {
		if (subject == null || subject.isBlank()) {
			throw new InvalidInputException("expert", "required", "must be the expert's subject");
		}
		return new ExpertId(subject.strip());
	}

}
