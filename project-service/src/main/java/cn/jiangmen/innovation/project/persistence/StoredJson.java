package cn.jiangmen.innovation.project.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper of the JSON columns: the domain's records as they are (components only, so
 * {@code isJiangmenEnterprise()} and the like are not stored), tolerant of fields added later.
 */
final class StoredJson {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.changeDefaultVisibility(visibility -> visibility.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private StoredJson() {
	}

}
