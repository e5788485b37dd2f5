package cn.jiangmen.innovation.platform.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;

/** Java types in words a JSON client understands. */
public final class JsonTypes {

	private JsonTypes() {
	}

	public static String describe(Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == BigInteger.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
				|| type == BigDecimal.class) {
			return "a number";
		}
		if (type == String.class || type == Character.class || type == char.class) {
			return "text";
		}
		if (type == LocalDate.class) {
			return "a date (yyyy-mm-dd)";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "a time (ISO 8601, e.g. 2026-06-30T16:00:00Z)";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "a list";
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return "an object";
		}
		return "a value of another shape";
	}

}
