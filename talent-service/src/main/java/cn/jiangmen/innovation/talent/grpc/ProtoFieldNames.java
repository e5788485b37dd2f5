package cn.jiangmen.innovation.talent.grpc;

import java.util.Map;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * The fields a use case named, as the request message names them: the domain speaks its own
 * language ({@code scoreHundredths}), each adapter maps to its transport's field names, so a
 * caller can always find the field it sent.
 *
 * @param names domain name to proto field name; names not listed pass through
 */
record ProtoFieldNames(Map<String, String> names) {

	InvalidInputException rename(InvalidInputException ex) {
		return new InvalidInputException(ex.violations()
			.stream()
			.map(v -> new FieldViolation(this.names.getOrDefault(v.field(), v.field()), v.code(), v.message()))
			.toList());
	}

}
