package cn.jiangmen.innovation.review.grpc;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The gRPC adapter's names for bad fields. The domain names them by its own camelCase paths
 * ({@code reviewersPerItem}, {@code rubric.criteria[0].weightPercent}, {@code finalScores.team});
 * gRPC callers get the request's proto field paths (AIP-193, {@code google.rpc.BadRequest}):
 * each field name in lower_snake_case, as the contract declares it. This holds because the
 * adapter maps each proto field to the domain parameter of the same words; where it does not,
 * the adapter names the field itself ({@code round_id}, {@code item_id}).
 */
final class ProtoFieldPaths {

	/** Fields whose next segment is a map key (a criterion code): data, never renamed. */
	private static final Set<String> MAPS = Set.of("scores", "comments", "finalScores");

	private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)((?:\\[[^]]*])*)");

	private static final Pattern UPPER = Pattern.compile("([A-Z])");

	private ProtoFieldPaths() {
	}

	/** The same violations, named by proto field paths. */
	static InvalidInputException translated(InvalidInputException invalid) {
		return new InvalidInputException(invalid.violations()
			.stream()
			.map(v -> new FieldViolation(toProto(v.field()), v.code(), v.message()))
			.toList());
	}

	static String toProto(String domainPath) {
		StringBuilder proto = new StringBuilder();
		String previous = "";
		for (String segment : domainPath.split("\\.", -1)) {
			Matcher parts = SEGMENT.matcher(segment);
			boolean mapKey = MAPS.contains(previous);
			if (!proto.isEmpty()) {
				proto.append('.');
			}
			if (mapKey || !parts.matches()) {
				proto.append(segment);
				previous = "";
				continue;
			}
			proto.append(UPPER.matcher(parts.group(1)).replaceAll(m -> "_" + m.group(1).toLowerCase()))
				.append(parts.group(2));
			previous = parts.group(1);
		}
		return proto.toString();
	}

}
