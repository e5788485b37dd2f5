package cn.jiangmen.innovation.project.grpc;

import java.util.List;
import java.util.function.Supplier;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The fields the domain named (REST's camelCase: {@code partners[0].organisationId}), as the proto
 * messages name them ({@code partners[0].organisation_id}), so a gRPC caller finds the field it sent.
 */
final class ProtoNames {

	private ProtoNames() {
	}

	static String of(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
	}

	static List<FieldViolation> renamed(List<FieldViolation> violations) {
		return violations.stream().map(v -> new FieldViolation(of(v.field()), v.code(), v.message())).toList();
	}

	/** Runs a use case, renaming the fields of an invalid-input answer. */
	static <T> T renaming(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(renamed(ex.violations()));
		}
	}

}
