package cn.jiangmen.innovation.review.web;

import java.util.Map;
import java.util.function.Supplier;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The REST adapter's names for bad fields. REST bodies use the domain's camelCase names, so a
 * domain path is the JSON path as it is; the few fields a body names otherwise are renamed here,
 * explicitly, per endpoint ({@code reviewItemId} is {@code itemId} in the panel bodies).
 */
final class RestFieldPaths {

	/** The panel bodies (assign, conflict) call the review item {@code itemId}. */
	static final Map<String, String> PANEL = Map.of("reviewItemId", "itemId");

	private RestFieldPaths() {
	}

	static <T> T renamed(Map<String, String> renames, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (InvalidInputException invalid) {
			throw new InvalidInputException(invalid.violations()
				.stream()
				.map(v -> new FieldViolation(renames.getOrDefault(v.field(), v.field()), v.code(), v.message()))
				.toList());
		}
	}

}
