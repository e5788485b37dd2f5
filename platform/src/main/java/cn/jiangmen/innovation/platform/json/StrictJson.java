package cn.jiangmen.innovation.platform.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads JSON: what the client wrote, or a 400 naming the field. Jackson's
 * defaults are lenient in ways that change meaning silently ({@code "fullTime": 12345} read as
 * true, {@code 1.5} as 1, the second of two equal keys winning, {@code [null]} reaching the domain
 * as a null element); here each of them is refused, and text that cannot be stored or shown safely
 * ({@link SafeText}) and dates outside years 1-9999 ({@link SaneTimes}) are refused too.
 */
public final class StrictJson {

	private StrictJson() {
	}

	public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
		builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.changeDefaultNullHandling(n -> JsonSetter.Value.construct(Nulls.DEFAULT, Nulls.FAIL));
		for (LogicalType type : new LogicalType[] { LogicalType.Boolean, LogicalType.Integer, LogicalType.Float,
				LogicalType.Textual }) {
			builder.withCoercionConfig(type, c -> c
				.setCoercion(CoercionInputShape.Integer, failUnless(type, LogicalType.Integer, LogicalType.Float))
				.setCoercion(CoercionInputShape.Float, failUnless(type, LogicalType.Float))
				.setCoercion(CoercionInputShape.Boolean, failUnless(type, LogicalType.Boolean))
				.setCoercion(CoercionInputShape.String, failUnless(type, LogicalType.Textual)));
		}
		SimpleModule module = new SimpleModule("jiangmen-strict-json");
		module.setDeserializerModifier(new StrictValues());
		return builder.addModule(module);
	}

	/** The natural shape of a type is read as is; any other shape is refused, never converted. */
	private static CoercionAction failUnless(LogicalType target, LogicalType... natural) {
		for (LogicalType type : natural) {
			if (type == target) {
				return CoercionAction.TryConvert;
			}
		}
		return CoercionAction.Fail;
	}

}
