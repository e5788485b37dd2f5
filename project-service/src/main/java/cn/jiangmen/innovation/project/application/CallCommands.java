package cn.jiangmen.innovation.project.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.project.domain.CallAction;
import cn.jiangmen.innovation.project.domain.CallId;
import cn.jiangmen.innovation.project.domain.CallTerms;
import cn.jiangmen.innovation.project.domain.PriorityField;
import cn.jiangmen.innovation.project.domain.PriorityFields;
import cn.jiangmen.innovation.project.domain.ProjectAccess;
import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.ProjectCalls;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program managers draft, publish and close calls (申报指南), each change in one transaction with
 * its audit record. Checks: 404 (a draft is invisible to those who may not see drafts), 403, 400, 409.
 */
@Service
public class CallCommands {

	static final String OBJECT_TYPE = "project_call";

	private final ProjectCalls calls;

	private final PriorityFields fields;

	private final Audit audit;

	private final Clock clock;

	public CallCommands(ProjectCalls calls, PriorityFields fields, Audit audit, Clock clock) {
		this.calls = calls;
		this.fields = fields;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Drafts a call. {@code violations} holds what the adapter already found (a malformed amount or
	 * time), so every bad field is named in one answer. A retired or unknown field is a bad field.
	 */
	@Transactional
	public ProjectCall create(Caller caller, CallTermsInput input, List<FieldViolation> violations) {
		requireManager(caller);
		if (input.fieldCode() != null && !input.fieldCode().isBlank()) {
			PriorityField field = this.fields.find(input.fieldCode().strip()).orElse(null);
			if (field == null || field.retiredAt().isPresent()) {
				violations.add(new FieldViolation("fieldCode", "field.unknown-or-retired",
						"must be a priority field that is not retired"));
			}
		}
		CallTerms terms = CallTerms.check(input.fieldCode(), input.year(), input.title(), input.topics(),
				input.ceilingFen(), input.maxFiscalSharePercent(), input.requiredDocuments(), input.guideline(),
				input.opensAt(), input.closesAt(), violations);
		Instant now = now();
		ProjectCall call = ProjectCall.draft(terms, now);
		this.calls.add(call);
		this.audit.record(caller.username(), now, "project.call.created", OBJECT_TYPE, call.id(), null, snapshot(call));
		return call;
	}

	/** Publishes or closes; {@code expectedVersion} is the version the manager read (null: no check). */
	@Transactional
	public ProjectCall change(Caller caller, CallId id, CallAction action, Long expectedVersion) {
		ProjectCall before = this.calls.find(id)
			.filter(c -> ProjectAccess.seesDraftCalls(caller) || c.status() != cn.jiangmen.innovation.project.domain.CallStatus.DRAFT)
			.orElseThrow(() -> new NotFoundException("Call", id));
		requireManager(caller);
		if (action == null) {
			throw new InvalidInputException("action", "unknown-value", "must be PUBLISH or CLOSE");
		}
		if (expectedVersion != null && expectedVersion != before.version()) {
			throw changedConcurrently(id);
		}
		Instant now = now();
		ProjectCall after = before.apply(action, now);
		if (!this.calls.update(after)) {
			throw changedConcurrently(id);
		}
		this.audit.record(caller.username(), now, "project.call." + (action == CallAction.PUBLISH ? "published" : "closed"),
				OBJECT_TYPE, id, snapshot(before), snapshot(after));
		return after;
	}

	/** The raw terms of a new call as the adapters read them. */
	public record CallTermsInput(String fieldCode, Integer year, String title, List<ProjectCall.Topic> topics,
			Long ceilingFen, Integer maxFiscalSharePercent, List<String> requiredDocuments, String guideline,
			Instant opensAt, Instant closesAt) {
	}

	private static void requireManager(Caller caller) {
		if (!ProjectAccess.mayManageCalls(caller)) {
			throw new AccessDeniedException("Only program managers manage calls");
		}
	}

	private static ConflictException changedConcurrently(CallId id) {
		return new ConflictException("call.changed-concurrently",
				"Call " + id + " was changed by someone else; reload and try again");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static Map<String, Object> snapshot(ProjectCall call) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("fieldCode", call.fieldCode());
		state.put("year", call.year());
		state.put("title", call.title());
		state.put("status", call.status().name());
		state.put("ceilingFen", call.ceilingFen());
		state.put("maxFiscalSharePercent", call.maxFiscalSharePercent());
		state.put("opensAt", call.opensAt().toString());
		state.put("closesAt", call.closesAt().toString());
		state.put("version", call.version());
		return state;
	}

}
