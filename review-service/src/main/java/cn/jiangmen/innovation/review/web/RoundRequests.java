package cn.jiangmen.innovation.review.web;

import java.util.Map;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The small bodies of the panel, declaration, sheet and consensus endpoints (camelCase, as every
 * REST API of the suite). What they carry is checked by the use case they go to.
 */
final class RoundRequests {

	private RoundRequests() {
	}

	/** @param itemId the review item's id */
	record AssignBody(String itemId, String expert) {
	}

	/** @param detail why, 1 to 500 characters */
	record ConflictBody(String itemId, String expert, String detail) {
	}

	record RapporteurBody(String expert) {
	}

	record DeclarationBody(Boolean conflict, String note) {
	}

	/** @param version the version read (optimistic locking; a stale one is 409) */
	record SheetBody(Long version, Map<String, Integer> scores, Map<String, String> comments, String overallComment) {
	}

	/** @param version 0 for the first report, else the version read */
	record ConsensusBody(Long version, Map<String, Integer> finalScores, String report) {
	}

	/** JSON may leave the version out, which gRPC's int64 cannot: only this adapter checks it. */
	static long version(Long version) {
		if (version == null || version < 0) {
			throw new InvalidInputException("version", "required", "must be the version you read");
		}
		return version;
	}

	static <V> Map<String, V> orEmpty(Map<String, V> map) {
		return map == null ? Map.of() : map;
	}

}
