package cn.jiangmen.innovation.funding.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One tranche as the owning service asked for it. {@code milestoneId} is null for talent
 * instalments; {@code plannedDate} null only for the single tranche of a request without a schedule
 * (it is due at once).
 */
public record TrancheRequest(UUID milestoneId, long amountMinor, LocalDate plannedDate) {
}
