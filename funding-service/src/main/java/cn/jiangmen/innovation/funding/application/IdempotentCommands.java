package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import cn.jiangmen.innovation.funding.domain.CommitAward;
import cn.jiangmen.innovation.funding.domain.IdempotencyRecords;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a command once per idempotency key inside the caller's transaction: the first answer is
 * stored as JSON beside the hash of the request (operation, target, content, caller's subject); a
 * retry gets that answer back; the same key with another request is refused naming the key field
 * ({@code Idempotency-Key} on REST, {@code idempotency_key} on gRPC).
 */
@Component
class IdempotentCommands {

	static final int MAX_KEY_LENGTH = 100;

	private final IdempotencyRecords records;

	private final JsonMapper json;

	private final Clock clock;

	IdempotentCommands(IdempotencyRecords records, JsonMapper json, Clock clock) {
		this.records = records;
		this.json = json;
		this.clock = clock;
	}

	static String requireKey(String key, String field) {
		String value = key == null ? "" : key.strip();
		if (value.isEmpty()) {
			throw new InvalidInputException(field, "required", "must be given: every command carries an idempotency key");
		}
		if (value.length() > MAX_KEY_LENGTH) {
			throw new InvalidInputException(field, "too-long", "must be at most " + MAX_KEY_LENGTH + " characters");
		}
		return value;
	}

	static String hash(Caller caller, String operation, String request) {
		return CommitAward.sha256(operation + "|" + caller.subject() + "|" + request);
	}

	/** The earlier answer, read without a lock: lets a retry skip remote checks. */
	<T> Optional<T> earlier(String key, String field, String requestHash, Class<T> type) {
		return this.records.find(key).map(entry -> answer(entry, field, requestHash, type));
	}

	/** Must run inside a transaction. */
	<T> T once(Caller caller, String key, String field, String operation, String requestHash, Class<T> type,
			Supplier<T> command) {
		this.records.lock(key);
		Optional<IdempotencyRecords.Entry> earlier = this.records.find(key);
		if (earlier.isPresent()) {
			return answer(earlier.get(), field, requestHash, type);
		}
		T result = command.get();
		this.records.add(new IdempotencyRecords.Entry(key, operation, requestHash, this.json.writeValueAsString(result),
				caller.subject(), this.clock.instant()));
		return result;
	}

	private <T> T answer(IdempotencyRecords.Entry entry, String field, String requestHash, Class<T> type) {
		if (!entry.requestHash().equals(requestHash)) {
			throw new InvalidInputException(field, "idempotency-key.reused", "was already used for a different request");
		}
		return this.json.readValue(entry.responseJson(), type);
	}

}
