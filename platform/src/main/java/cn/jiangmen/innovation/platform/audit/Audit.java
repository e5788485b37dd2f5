package cn.jiangmen.innovation.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.platform.web.RequestIdFilter;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds audit records (who, when, what, before/after as JSON, the request that caused it) and
 * writes them in the caller's transaction, so a change and its trace commit or roll back together.
 * The one way every service audits: no service builds an {@link AuditRecord} by hand.
 */
public class Audit {

	private final AuditTrail trail;

	private final JsonMapper json;

	public Audit(AuditTrail trail, JsonMapper json) {
		this.trail = trail;
		this.json = json;
	}

	public void record(String actor, Instant at, String action, String objectType, Object objectId,
			Map<String, ?> before, Map<String, ?> after) {
		this.trail.record(new AuditRecord(UUID.randomUUID(), at, actor, action, objectType, String.valueOf(objectId),
				before == null ? null : this.json.writeValueAsString(before),
				after == null ? null : this.json.writeValueAsString(after), RequestIdFilter.current()));
	}

	/**
	 * Records in a transaction of its own, for refusals whose own transaction is rolled back (a
	 * refused conflicted assignment must still leave its trace).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordRefusal(String actor, Instant at, String action, String objectType, Object objectId,
			Map<String, ?> attempt) {
		record(actor, at, action, objectType, objectId, null, attempt);
	}

}
