package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import cn.jiangmen.innovation.funding.domain.CommitAward;
import cn.jiangmen.innovation.funding.domain.IdempotencyRecords;
import cn.jiangmen.innovation.funding.domain.IdempotencyReplays;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a command once per idempotency key inside the caller's transaction: the first answer is
 * stored as JSON beside the hash of the request (operation, target, content, caller's subject); a
 * retry gets that answer back; the same key with another request is refused naming the key field
 * ({@code Idempotency-Key} on REST, {@code idempotency_key} on gRPC). A replay is answered from
 * Redis first when the answer is there (a short-lived copy written after commit); PostgreSQL stays
 * the record and answers every miss.
 */
@Component
class IdempotentCommands {

	static final int MAX_KEY_LENGTH = 100;

	private final IdempotencyRecords records;

	private final IdempotencyReplays replays;

	private final JsonMapper json;

	private final Clock clock;

	IdempotentCommands(IdempotencyRecords records, IdempotencyReplays replays, JsonMapper json, Clock clock) {
		this.records = records;
		this.replays = replays;
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
		Optional<IdempotencyReplays.Replay> cached = this.replays.find(key);
		if (cached.isPresent()) {
			return Optional.of(answer(cached.get(), field, requestHash, type));
		}
		return this.records.find(key).map(entry -> answer(entry, field, requestHash, type));
	}

	/** Must run inside a transaction. */
	<T> T once(Caller caller, String key, String field, String operation, String requestHash, Class<T> type,
			Supplier<T> command) {
		// the fast path: a replay whose answer Redis still holds never waits for the key's lock
		Optional<IdempotencyReplays.Replay> cached = this.replays.find(key);
		if (cached.isPresent()) {
			return answer(cached.get(), field, requestHash, type);
		}
		this.records.lock(key);
		Optional<IdempotencyRecords.Entry> earlier = this.records.find(key);
		if (earlier.isPresent()) {
			IdempotencyReplays.Replay replay = new IdempotencyReplays.Replay(earlier.get().requestHash(),
					earlier.get().responseJson());
			rememberAfterCommit(key, replay);
			return answer(replay, field, requestHash, type);
		}
		T result = command.get();
		String response = this.json.writeValueAsString(result);
		this.records.add(new IdempotencyRecords.Entry(key, operation, requestHash, response, caller.subject(),
				this.clock.instant()));
		rememberAfterCommit(key, new IdempotencyReplays.Replay(requestHash, response));
		return result;
	}

	/** Only a committed answer goes to Redis: a rolled-back command must not be replayed. */
	private void rememberAfterCommit(String key, IdempotencyReplays.Replay replay) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				IdempotentCommands.this.replays.remember(key, replay);
			}
		});
	}

	private <T> T answer(IdempotencyRecords.Entry entry, String field, String requestHash, Class<T> type) {
		return answer(new IdempotencyReplays.Replay(entry.requestHash(), entry.responseJson()), field, requestHash, type);
	}

	private <T> T answer(IdempotencyReplays.Replay replay, String field, String requestHash, Class<T> type) {
		if (!replay.requestHash().equals(requestHash)) {
			throw new InvalidInputException(field, "idempotency-key.reused", "was already used for a different request");
		}
		return this.json.readValue(replay.responseJson(), type);
	}

}
