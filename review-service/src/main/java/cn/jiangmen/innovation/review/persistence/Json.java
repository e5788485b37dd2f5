package cn.jiangmen.innovation.review.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON columns: small maps and lists only. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	static Map<String, Integer> intMap(String json) {
		return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Integer>>() {
		});
	}

	static Map<String, String> stringMap(String json) {
		return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
		});
	}

	static List<Map<String, Object>> list(String json) {
		return MAPPER.readValue(json, new TypeReference<List<Map<String, Object>>>() {
		});
	}

	static Map<String, Object> object(String json) {
		return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

}
