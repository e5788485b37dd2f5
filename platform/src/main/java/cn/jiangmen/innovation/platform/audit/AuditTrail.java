package cn.jiangmen.innovation.platform.audit;

import java.util.List;

/** Where state changes are recorded; written in the same transaction as the change itself. */
public interface AuditTrail {

	void record(AuditRecord record);

	List<AuditRecord> forObject(String objectType, String objectId);

}
