package cn.jiangmen.innovation.project.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.project.domain.FieldCode;
import cn.jiangmen.innovation.project.domain.FieldKind;
import cn.jiangmen.innovation.project.domain.FieldNames;
import cn.jiangmen.innovation.project.domain.PriorityField;
import cn.jiangmen.innovation.project.domain.PriorityFields;
import cn.jiangmen.innovation.project.domain.ProjectAccess;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins manage the priority fields, each change in one transaction with its audit record. Fields
 * are public, so the role check (403) comes before the lookup (404).
 */
@Service
public class FieldCommands {

	static final String OBJECT_TYPE = "priority_field";

	private final PriorityFields fields;

	private final Audit audit;

	private final Clock clock;

	public FieldCommands(PriorityFields fields, Audit audit, Clock clock) {
		this.fields = fields;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public PriorityField add(Caller caller, FieldCode code, FieldKind kind, FieldNames names, String planSection) {
		requireAdmin(caller);
		PriorityField field = PriorityField.added(code, kind, names, planSection, this.fields.nextSortOrder());
		if (!this.fields.add(field)) {
			throw new ConflictException("field.code-taken", "A field with code " + code + " exists (perhaps retired)");
		}
		this.audit.record(caller.username(), now(), "project.field.added", OBJECT_TYPE, code, null, snapshot(field));
		return field;
	}

	/** {@code expectedVersion} is the version the client read: a rename never overwrites a newer one. */
	@Transactional
	public PriorityField rename(Caller caller, FieldCode code, FieldNames names, long expectedVersion) {
		requireAdmin(caller);
		PriorityField before = existing(code);
		if (before.version() != expectedVersion) {
			throw concurrentChange(code);
		}
		return write(caller, "project.field.renamed", before, before.rename(names));
	}

	@Transactional
	public PriorityField retire(Caller caller, FieldCode code) {
		requireAdmin(caller);
		PriorityField before = existing(code);
		return write(caller, "project.field.retired", before, before.retire(now()));
	}

	private PriorityField write(Caller caller, String action, PriorityField before, PriorityField after) {
		if (!this.fields.update(after)) {
			throw concurrentChange(new FieldCode(after.code()));
		}
		this.audit.record(caller.username(), now(), action, OBJECT_TYPE, after.code(), snapshot(before),
				snapshot(after));
		return after;
	}

	private PriorityField existing(FieldCode code) {
		return this.fields.find(code.value()).orElseThrow(() -> new NotFoundException("Field", code));
	}

	private static void requireAdmin(Caller caller) {
		if (!ProjectAccess.mayManageFields(caller)) {
			throw new AccessDeniedException("Only admins manage priority fields");
		}
	}

	private static ConflictException concurrentChange(FieldCode code) {
		return new ConflictException("field.changed-concurrently",
				"Field " + code + " was changed by someone else; reload and try again");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Map<String, Object> snapshot(PriorityField field) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("code", field.code());
		state.put("kind", field.kind().name());
		state.put("nameZh", field.nameZh());
		state.put("nameEn", field.nameEn());
		state.put("retiredAt", field.retiredAt().map(Instant::toString).orElse(null));
		state.put("version", field.version());
		return state;
	}

}
