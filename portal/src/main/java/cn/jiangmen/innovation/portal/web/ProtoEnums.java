package cn.jiangmen.innovation.portal.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.google.protobuf.ProtocolMessageEnum;

/**
 * Proto enum values as the short codes the pages' message keys use ({@code APPLICATION_STATUS_RANKED}
 * is {@code RANKED}, for {@code application.status.RANKED}), and the closed sets a form offers,
 * read from the contract instead of lists the portal would have to keep in step by hand.
 */
public final class ProtoEnums {

	private static final String UNSPECIFIED = "UNSPECIFIED";

	private ProtoEnums() {
	}

	/** The code without the enum's prefix; {@code UNSPECIFIED} for unset or unknown values. */
	public static <E extends Enum<E> & ProtocolMessageEnum> String code(E value) {
		String prefix = prefix(value.getDeclaringClass());
		String name = value.name();
		if (name.equals("UNRECOGNIZED") || name.equals(prefix + UNSPECIFIED)) {
			return UNSPECIFIED;
		}
		return name.substring(prefix.length());
	}

	/** Every code a form may offer, in the contract's order, without UNSPECIFIED. */
	public static <E extends Enum<E> & ProtocolMessageEnum> List<String> codes(Class<E> type) {
		return Arrays.stream(type.getEnumConstants())
			.map(ProtoEnums::code)
			.filter(code -> !code.equals(UNSPECIFIED))
			.toList();
	}

	/** The value of a code a form posted; blank or unknown codes are UNSPECIFIED, which the service names. */
	public static <E extends Enum<E> & ProtocolMessageEnum> E value(Class<E> type, String code) {
		String prefix = prefix(type);
		if (code != null && !code.isBlank()) {
			for (E candidate : type.getEnumConstants()) {
				if (candidate.name().equals(prefix + code.strip().toUpperCase(Locale.ROOT))) {
					return candidate;
				}
			}
		}
		return Enum.valueOf(type, prefix + UNSPECIFIED);
	}

	/** AIP-126: every value of {@code CallStatus} starts with {@code CALL_STATUS_}. */
	private static String prefix(Class<?> type) {
		return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "_";
	}

}
