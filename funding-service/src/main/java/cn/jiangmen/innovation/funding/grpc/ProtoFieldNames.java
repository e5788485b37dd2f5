package cn.jiangmen.innovation.funding.grpc;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The instrument use cases name bad fields as REST does ({@code enterpriseId}, {@code voucherId});
 * gRPC callers get the proto field paths (AIP-193): lower_snake_case, as the contract declares them.
 * Holds because each RPC's field has the same words as the use case's parameter.
 */
final class ProtoFieldNames {

	private static final Pattern HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private ProtoFieldNames() {
	}

	static <T> T named(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (InvalidInputException invalid) {
			throw new InvalidInputException(invalid.violations()
				.stream()
				.map(v -> new FieldViolation(toProto(v.field()), v.code(), v.message()))
				.toList());
		}
	}

	static String toProto(String field) {
		return HUMP.matcher(field).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

}
