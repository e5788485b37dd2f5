package cn.jiangmen.innovation.talent.grpc;

import java.util.Locale;

import com.google.protobuf.ProtocolMessageEnum;

/**
 * Domain enums and talent.v1's enums of the same closed sets, by name: the proto value is the
 * domain's name behind the AIP-126 prefix ({@code LEADING_TALENT} is {@code CATEGORY_LEADING_TALENT}).
 * Input goes back to the domain as its code text, so the domain's own parsing names a bad field
 * ({@code ""} is "not filled in"; an unknown number stays {@code UNRECOGNIZED}, a code.unknown).
 */
final class ProtoCodes {

	private ProtoCodes() {
	}

	static <P extends Enum<P> & ProtocolMessageEnum> P toProto(Enum<?> domain, Class<P> type) {
		return Enum.valueOf(type, prefix(type) + (domain == null ? "UNSPECIFIED" : domain.name()));
	}

	static <P extends Enum<P> & ProtocolMessageEnum> String code(P proto) {
		String prefix = prefix(proto.getDeclaringClass());
		if (proto.name().equals(prefix + "UNSPECIFIED")) {
			return "";
		}
		return proto.name().startsWith(prefix) ? proto.name().substring(prefix.length()) : proto.name();
	}

	private static String prefix(Class<?> type) {
		return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_";
	}

}
