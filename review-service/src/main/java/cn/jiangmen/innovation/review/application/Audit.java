package cn.jiangmen.innovation.review.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.platform.audit.AuditRecord;
import cn.jiangmen.innovation.platform.audit.AuditTrail;
import cn.jiangmen.innovation.platform.web.RequestIdFilter;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Audit records of review actions (who, when, what), written in the caller's transaction. */
@Component
public class Audit {

	private final AuditTrail trail;

	private final JsonMapper json;

	Audit(AuditTrail trail, JsonMapper json) {
		this.trail = trail;
		this.json = json;
	}

	/**
	 * Records in a transaction of its own, for refusals whose own transaction is rolled back (a
	 * refused conflicted assignment must still leave its trace).
	 */
	@org.springframework.transaction.annotation.Transactional(
			propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	public void recordRefusal(String actor, Instant at, String action, String objectType, Object objectId,
			Map<String, ?> attempt) {
		record(actor, at, action, objectType, objectId, null, attempt);
	}

	public void record(String actor, Instant at, String action, String objectType, Object objectId,
			Map<String, ?> before, Map<String, ?> after) {
		this.trail.record(new AuditRecord(UUID.randomUUID(), at, actor, action, objectType, String.valueOf(objectId),
				before == null ? null : this.json.writeValueAsString(before),
				after == null ? null : this.json.writeValueAsString(after), RequestIdFilter.current()));
	}

}
