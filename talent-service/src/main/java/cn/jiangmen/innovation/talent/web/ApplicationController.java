package cn.jiangmen.innovation.talent.web;

import cn.jiangmen.innovation.platform.paging.PageRequest;
import java.net.URI;
import java.util.List;

import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.talent.application.ApplicationCommands;
import cn.jiangmen.innovation.talent.application.ApplicationQueries;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.talent.domain.ApplicationId;
import cn.jiangmen.innovation.talent.domain.CallId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/talent/applications")
@Tag(name = "Applications", description = "Talent programme applications: drafts, submission, formal check, decisions")
class ApplicationController {

	private final ApplicationQueries queries;

	private final ApplicationCommands commands;

	ApplicationController(ApplicationQueries queries, ApplicationCommands commands) {
		this.queries = queries;
		this.commands = commands;
	}

	@GetMapping
	@Operation(operationId = "listApplications", summary = "Applications the caller may see, newest first",
			description = "Applicants see their organisation's applications; managers and auditors see all.")
	ApplicationPage list(@RequestParam(name = "pageSize", defaultValue = "0") int pageSize,
			@RequestParam(name = "pageToken", required = false) String pageToken) {
		PageRequest page = PageRequest.of(pageSize, pageToken, "pageSize", "pageToken");
		List<ApplicationView> items = this.queries.visibleTo(Callers.current(), page)
			.stream()
			.map(ApplicationView::of)
			.toList();
		return new ApplicationPage(items, page.nextToken(items.size()));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getApplication", summary = "One application with its eligibility findings and duplicate-person flags",
			description = "404 when it does not exist or belongs to another organisation.")
	ApplicationDetailsView get(@PathVariable("id") String id) {
		return ApplicationDetailsView.of(this.queries.details(ApplicationId.parse(id, "id"), Callers.current()));
	}

	@PostMapping
	@Operation(operationId = "createApplication", summary = "Start a draft for the caller's organisation on an open call (applicants)",
			description = "409 application.draft-exists when the organisation already has a draft on the call"
					+ " (the message names it), unless anotherDraft is true.")
	@ApiResponse(responseCode = "201", description = "Created; Location names the new application")
	@ApiResponse(responseCode = "400", description = "Field-level problem detail (errors[])")
	ResponseEntity<ApplicationView> create(@Valid @RequestBody ApplicationRequest request) {
		if (request.callId() == null) {
			throw new InvalidInputException("callId", "required", "must name the call");
		}
		ApplicationView created = ApplicationView.of(this.commands.createDraft(Callers.current(),
				new CallId(request.callId()), request.toForm(), Boolean.TRUE.equals(request.anotherDraft())));
		return ResponseEntity.created(URI.create("/api/talent/applications/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Save the whole form of a draft or returned application (autosave)",
			description = "Idempotent; send the version you read to be told (409) about a concurrent change."
					+ " A field that does not pass its check keeps its previous value and is named in fieldErrors;"
					+ " everything else is saved (200).")
	ApplicationDetailsView update(@PathVariable("id") String id, @Valid @RequestBody ApplicationRequest request) {
		ApplicationId applicationId = ApplicationId.parse(id, "id");
		ApplicationCommands.Saved saved = this.commands.update(Callers.current(), applicationId, request.toForm(),
				request.version());
		return ApplicationDetailsView.of(this.queries.details(applicationId, Callers.current()), saved.fieldErrors());
	}

	@DeleteMapping("/{id}")
	@Operation(operationId = "deleteApplication", summary = "Delete a draft of the caller's organisation with its attachments",
			description = "409 application.not-deletable once it was submitted (withdraw it instead).")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable("id") String id) {
		this.commands.deleteDraft(Callers.current(), ApplicationId.parse(id, "id"));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit (or resubmit after a return) before the deadline",
			description = "409 call.deadline-passed after the closing time; 400 naming every missing field and failed eligibility rule.")
	ApplicationView submit(@PathVariable("id") String id) {
		return ApplicationView.of(this.commands.submit(Callers.current(), ApplicationId.parse(id, "id")));
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Withdraw a submitted application before the deadline")
	ApplicationView withdraw(@PathVariable("id") String id) {
		return ApplicationView.of(this.commands.withdraw(Callers.current(), ApplicationId.parse(id, "id")));
	}

	@PostMapping("/{id}/formal-check/pass")
	@Operation(summary = "Formal check passed: on to expert review (managers)")
	ApplicationView pass(@PathVariable("id") String id) {
		return ApplicationView.of(this.commands.passFormalCheck(Callers.current(), ApplicationId.parse(id, "id")));
	}

	@PostMapping("/{id}/formal-check/return")
	@Operation(summary = "Return for correction with reasons (managers)")
	ApplicationView returnForCorrection(@PathVariable("id") String id,
			@Valid @RequestBody DecisionRequests.ReturnRequest request) {
		return ApplicationView.of(this.commands.returnForCorrection(Callers.current(), ApplicationId.parse(id, "id"),
				request.reasons(), request.correctionDueAt()));
	}

	@PostMapping("/{id}/formal-check/reject")
	@Operation(summary = "Reject in formal check with a reason (managers)")
	ApplicationView reject(@PathVariable("id") String id, @Valid @RequestBody DecisionRequests.RejectRequest request) {
		return ApplicationView
			.of(this.commands.reject(Callers.current(), ApplicationId.parse(id, "id"), request.reason()));
	}

	@PostMapping("/{id}/recommend")
	@Operation(summary = "Put a ranked application on the recommendation list to the province (managers)")
	ApplicationView recommend(@PathVariable("id") String id) {
		return ApplicationView.of(this.commands.recommend(Callers.current(), ApplicationId.parse(id, "id")));
	}

	@PostMapping("/{id}/award")
	@Operation(summary = "Record that the province awarded a recommended application (managers)")
	ApplicationView award(@PathVariable("id") String id, @Valid @RequestBody(required = false) DecisionRequests.NoteRequest request) {
		return ApplicationView.of(this.commands.award(Callers.current(), ApplicationId.parse(id, "id"),
				request == null ? null : request.note()));
	}

	@PostMapping("/{id}/decline")
	@Operation(summary = "Record that the province declined a recommended application (managers)")
	ApplicationView decline(@PathVariable("id") String id,
			@Valid @RequestBody(required = false) DecisionRequests.NoteRequest request) {
		return ApplicationView.of(this.commands.decline(Callers.current(), ApplicationId.parse(id, "id"),
				request == null ? null : request.note()));
	}

}
