package cn.jiangmen.innovation.platform.grpc;

import java.time.Instant;
import java.util.Optional;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;

/**
 * Proto {@link Timestamp} to and from {@link Instant}, keeping nanoseconds, for every adapter. An
 * unset message field means "no time" (proto3 gives the epoch for it, which no record of ours
 * has), and a time outside Timestamp's range is bad input naming the field.
 */
public final class ProtoTimes {

	private ProtoTimes() {
	}

	public static Timestamp timestamp(Instant instant) {
		return Timestamps.checkValid(
				Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()));
	}

	/** The instant of a required field; unset or out of range is bad input naming {@code field}. */
	public static Instant instant(Timestamp timestamp, String field) {
		return optionalInstant(timestamp, field)
			.orElseThrow(() -> new InvalidInputException(field, "timestamp.required", "is required"));
	}

	/** The instant of an optional field: the default (unset) message is empty. */
	public static Optional<Instant> optionalInstant(Timestamp timestamp, String field) {
		if (timestamp == null || timestamp.equals(Timestamp.getDefaultInstance())) {
			return Optional.empty();
		}
		if (!Timestamps.isValid(timestamp)) {
			throw new InvalidInputException(field, "timestamp.out-of-range",
					"must lie between 0001-01-01 and 9999-12-31");
		}
		return Optional.of(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
	}

	/** For adapters reading their own services' answers: unset stays empty, never the epoch. */
	public static Optional<Instant> read(Timestamp timestamp) {
		return optionalInstant(timestamp, "timestamp");
	}

}
