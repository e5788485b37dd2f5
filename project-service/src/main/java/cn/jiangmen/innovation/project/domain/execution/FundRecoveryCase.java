package cn.jiangmen.innovation.project.domain.execution;

import java.time.Instant;
import java.util.UUID;

import cn.jiangmen.innovation.project.domain.ProjectId;

/**
 * A failed project marked for recovery of funds (资金追回): the record funding-service's recovery
 * starts from. {@code releasedFen} is what accepted milestones released (their tranches).
 */
public record FundRecoveryCase(UUID id, ProjectId projectId, UUID checkRoundId, String reason, long approvedFiscalFen,
		long releasedFen, Instant openedAt) {
}
