package cn.jiangmen.innovation.review.web;

import java.util.List;

import cn.jiangmen.innovation.review.application.Callers;
import cn.jiangmen.innovation.review.application.ExpertPool;
import cn.jiangmen.innovation.review.application.ExpertWork;
import cn.jiangmen.innovation.review.domain.AssignmentId;
import cn.jiangmen.innovation.review.domain.Caller;
import cn.jiangmen.innovation.review.domain.ExpertId;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.RoundId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/review")
@Tag(name = "Experts", description = "The expert pool, and an expert's own assignments, declarations, scores and "
		+ "consensus reports. Someone else's or a conflicted assignment is 404; the item before declaring no conflict is 403.")
class ExpertController {

	private final ExpertPool pool;

	private final ExpertWork work;

	private final cn.jiangmen.innovation.review.application.ReminderService reminders;

	ExpertController(ExpertPool pool, ExpertWork work, cn.jiangmen.innovation.review.application.ReminderService reminders) {
		this.pool = pool;
		this.work = work;
		this.reminders = reminders;
	}

	@GetMapping("/my/notices")
	@Operation(summary = "My reminders: rounds whose deadline is near with reviews still unsubmitted")
	List<cn.jiangmen.innovation.review.domain.Reminders.Notice> notices() {
		return this.reminders.myNotices(Callers.current());
	}

	@GetMapping("/experts")
	@Operation(summary = "The expert pool (program managers and auditors)")
	List<Views.ExpertView> pool() {
		return this.pool.all(Callers.current()).stream().map(Views.ExpertView::of).toList();
	}

	@PutMapping("/experts/me")
	@Operation(summary = "An expert's own profile (subject and username from the token)")
	Views.ExpertView saveMine(@RequestBody(required = false) RoundRequests.ExpertBody body) {
		return Views.ExpertView.of(this.pool.saveMine(Callers.current(), Inputs.profile(body)));
	}

	@GetMapping("/experts/me")
	@Operation(summary = "The calling expert's own profile")
	Views.ExpertView mine() {
		Caller caller = Callers.current();
		return Views.ExpertView.of(this.pool.get(caller, caller.expertId()));
	}

	@PutMapping("/experts/{subject}")
	@Operation(summary = "A manager maintains any profile")
	Views.ExpertView save(@PathVariable("subject") String subject,
			@RequestBody(required = false) RoundRequests.ExpertBody body) {
		return Views.ExpertView.of(this.pool.save(Callers.current(), new ExpertId(subject),
				body == null ? null : body.username(), Inputs.profile(body)));
	}

	@GetMapping("/my/assignments")
	@Operation(summary = "My non-conflicted assignments (titles only)")
	List<Views.MyAssignmentView> myAssignments() {
		return this.work.mine(Callers.current()).stream().map(Views.MyAssignmentView::of).toList();
	}

	@GetMapping("/assignments/{id}")
	@Operation(summary = "One of my assignments; the item's content only after declaring no conflict")
	Views.MyAssignmentView assignment(@PathVariable("id") String id) {
		return Views.MyAssignmentView.of(this.work.view(Callers.current(), AssignmentId.parse(id, "id")));
	}

	@PostMapping("/assignments/{id}/declaration")
	@Operation(summary = "Declare no conflict (content is then shown) or a conflict (the assignment is void)")
	Views.AssignmentView declare(@PathVariable("id") String id, @RequestBody(required = false) RoundRequests.DeclarationBody body) {
		if (body == null || body.conflict() == null) {
			throw new cn.jiangmen.innovation.platform.error.InvalidInputException("conflict", "required", "must be true or false");
		}
		return Views.AssignmentView.of(this.work.declare(Callers.current(), AssignmentId.parse(id, "id"), body.conflict(), body.note()));
	}

	@PutMapping("/assignments/{id}/sheet")
	@Operation(summary = "Save a draft (partial scores allowed) at the version read; 409 when stale")
	Views.AssignmentView draft(@PathVariable("id") String id, @RequestBody(required = false) RoundRequests.SheetBody body) {
		return sheet(id, body, false);
	}

	@PostMapping("/assignments/{id}/sheet/submit")
	@Operation(summary = "Submit the review (every criterion scored); final")
	Views.AssignmentView submit(@PathVariable("id") String id, @RequestBody(required = false) RoundRequests.SheetBody body) {
		return sheet(id, body, true);
	}

	@GetMapping("/rounds/{roundId}/items/{itemId}/consensus")
	@Operation(summary = "The rapporteur's view: the submitted individual reviews and the report so far")
	Views.ConsensusContextView consensus(@PathVariable("roundId") String roundId, @PathVariable("itemId") String itemId) {
		return Views.ConsensusContextView.of(this.work.consensusContext(Callers.current(), RoundId.parse(roundId, "roundId"),
				ReviewItemId.parse(itemId, "itemId")));
	}

	@PutMapping("/rounds/{roundId}/items/{itemId}/consensus")
	@Operation(summary = "Write the consensus report with final scores (rapporteur only; all reviews submitted)")
	Views.ConsensusView writeConsensus(@PathVariable("roundId") String roundId, @PathVariable("itemId") String itemId,
			@RequestBody(required = false) RoundRequests.ConsensusBody body) {
		RoundRequests.ConsensusBody b = body == null ? new RoundRequests.ConsensusBody(null, null, null) : body;
		return Views.ConsensusView.of(this.work.writeConsensus(Callers.current(), RoundId.parse(roundId, "roundId"),
				ReviewItemId.parse(itemId, "itemId"), Inputs.version(b.version()), Inputs.orEmpty(b.finalScores()), b.report()));
	}

	private Views.AssignmentView sheet(String id, RoundRequests.SheetBody body, boolean submit) {
		RoundRequests.SheetBody b = body == null ? new RoundRequests.SheetBody(null, null, null, null) : body;
		return Views.AssignmentView.of(this.work.saveSheet(Callers.current(), AssignmentId.parse(id, "id"),
				Inputs.version(b.version()), Inputs.orEmpty(b.scores()),
				b.comments() == null ? java.util.Map.of() : b.comments(), b.overallComment(), submit));
	}

}
