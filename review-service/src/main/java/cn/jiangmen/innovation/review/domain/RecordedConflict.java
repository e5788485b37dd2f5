package cn.jiangmen.innovation.review.domain;

import java.time.Instant;

/** A conflict as stored: detected at round opening, declared by the expert or added by a manager. */
public record RecordedConflict(Conflict conflict, RoundId round, String recordedBy, Instant recordedAt) {
}
