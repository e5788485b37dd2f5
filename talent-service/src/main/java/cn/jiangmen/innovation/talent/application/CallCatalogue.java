package cn.jiangmen.innovation.talent.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.talent.domain.CallId;
import cn.jiangmen.innovation.talent.domain.CallStatus;
import cn.jiangmen.innovation.talent.domain.Category;
import cn.jiangmen.innovation.talent.domain.EligibilityRules;
import cn.jiangmen.innovation.talent.domain.TalentCall;
import cn.jiangmen.innovation.talent.domain.TalentCalls;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.talent.domain.TalentAccess;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Calls: managers create and open them (audited); everyone signed in sees open calls, managers and
 * auditors also the drafts.
 */
@Service
public class CallCatalogue {

	static final String OBJECT_TYPE = "talent_call";

	private final TalentCalls calls;

	private final Audit audit;

	private final JsonMapper json;

	private final Clock clock;

	public CallCatalogue(TalentCalls calls, Audit audit, JsonMapper json, Clock clock) {
		this.calls = calls;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public TalentCall create(Caller caller, String title, Map<Category, EligibilityRules> categories,
			List<String> priorityFields, Instant opensAt, Instant closesAt) {
		requireManager(caller);
		Instant now = now();
		TalentCall call = TalentCall.create(title, categories, priorityFields, opensAt, closesAt, now);
		this.calls.add(call);
		record(caller, "talent.call.created", call, null, now);
		return call;
	}

	@Transactional
	public TalentCall open(Caller caller, CallId id) {
		requireManager(caller);
		TalentCall call = this.calls.find(id).orElseThrow(() -> new NotFoundException("Call", id));
		Map<String, Object> before = snapshot(call);
		call.open();
		this.calls.update(call);
		record(caller, "talent.call.opened", call, before, now());
		return call;
	}

	@Transactional(readOnly = true)
	public List<TalentCall> visibleTo(Caller caller) {
		return this.calls.all().stream().filter(call -> isVisible(call, caller)).toList();
	}

	@Transactional(readOnly = true)
	public TalentCall get(CallId id, Caller caller) {
		return this.calls.find(id)
			.filter(call -> isVisible(call, caller))
			.orElseThrow(() -> new NotFoundException("Call", id));
	}

	private static boolean isVisible(TalentCall call, Caller caller) {
		return call.status() == CallStatus.OPEN || TalentAccess.seesAllApplications(caller);
	}

	private static void requireManager(Caller caller) {
		if (!TalentAccess.isManager(caller)) {
			throw new AccessDeniedException("Only program managers create and open calls");
		}
	}

	private void record(Caller caller, String action, TalentCall call, Map<String, Object> before, Instant now) {
		this.audit.record(caller.username(), now, action, OBJECT_TYPE, call.id(), before, snapshot(call));
	}

	private Map<String, Object> snapshot(TalentCall call) {
		return Map.of("id", call.id().toString(), "title", call.title(), "status", call.status().name(), "opensAt",
				call.opensAt().toString(), "closesAt", call.closesAt().toString(), "categories",
				call.categories().keySet().stream().map(Enum::name).sorted().toList(), "priorityFields",
				call.priorityFields());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
