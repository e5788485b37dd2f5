package cn.jiangmen.innovation.platform.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One state change: who, when (UTC), what, before/after (JSON snapshots) and the request that
 * caused it. Audit records are never updated or deleted.
 */
public record AuditRecord(UUID id, Instant occurredAt, String actor, String action, String objectType,
		String objectId, String before, String after, String requestId) {

	public AuditRecord {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(objectType, "objectType");
		Objects.requireNonNull(objectId, "objectId");
	}

}
