package cn.jiangmen.innovation.project.web;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.project.application.CallCommands;
import cn.jiangmen.innovation.project.application.CallQueries;
import cn.jiangmen.innovation.project.domain.CallAction;
import cn.jiangmen.innovation.project.domain.CallId;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.Yuan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects/calls")
@Tag(name = "Calls", description = "Calls (申报指南) for major projects per priority field and year")
class CallController {

	private final CallCommands commands;

	private final CallQueries queries;

	private final Clock clock;

	CallController(CallCommands commands, CallQueries queries, Clock clock) {
		this.commands = commands;
		this.queries = queries;
		this.clock = clock;
	}

	@PostMapping
	@Operation(operationId = "createCall",
			summary = "Draft a call (program managers; 400 naming every bad field, a retired field included)")
	ResponseEntity<CallView> create(@RequestBody CallRequests.CreateCall body) {
		List<FieldViolation> violations = new ArrayList<>();
		Long ceiling = Yuan.parse(body.fundingCeiling(), "fundingCeiling", violations);
		CallCommands.CallTermsInput input = new CallCommands.CallTermsInput(body.fieldCode(), body.year(), body.title(),
				body.topics() == null ? null : body.topics()
					.stream()
					.map(t -> t == null ? null : new ProjectCall.Topic(t.code(), t.title(), Boolean.TRUE.equals(t.requiresResearchPartner())))
					.toList(),
				ceiling, body.maxFiscalSharePercent(), body.requiredDocuments(), body.guideline(),
				CallRequests.instant(body.opensAt(), "opensAt", violations),
				CallRequests.instant(body.closesAt(), "closesAt", violations));
		CallView created = CallView.of(this.commands.create(Callers.current(), input, violations), this.clock.instant());
		return ResponseEntity.created(URI.create("/api/projects/calls/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(operationId = "listCalls",
			summary = "Calls the caller may see (published and closed; drafts for managers and auditors), latest first")
	CallView.Page list(@RequestParam(name = "fieldCode", required = false) String fieldCode,
			@RequestParam(name = "pageSize", defaultValue = "0") int pageSize,
			@RequestParam(name = "pageToken", required = false) String pageToken) {
		PageRequest page = PageRequest.of(pageSize, pageToken, "pageSize", "pageToken");
		List<ProjectCall> calls = this.queries.page(Callers.current(), fieldCode, page);
		return new CallView.Page(calls.stream().map(c -> CallView.of(c, this.clock.instant())).toList(),
				page.nextToken(calls.size()));
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getCall", summary = "One call (a draft is 404 except for managers and auditors)")
	CallView get(@PathVariable("id") String id) {
		return CallView.of(this.queries.get(Callers.current(), CallId.parse(id, "id")), this.clock.instant());
	}

	@PostMapping("/{id}/status")
	@Operation(operationId = "changeCallStatus",
			summary = "Publish or close a call (program managers; 409 when the lifecycle does not allow it or the version is stale)")
	CallView change(@PathVariable("id") String id, @RequestBody CallRequests.ChangeStatus body) {
		CallAction action = null;
		try {
			action = body.action() == null ? null : CallAction.valueOf(body.action());
		}
		catch (IllegalArgumentException ex) {
			// named by the use case, after the 404 and 403 checks
		}
		return CallView.of(this.commands.change(Callers.current(), CallId.parse(id, "id"), action, body.version()),
				this.clock.instant());
	}

}
