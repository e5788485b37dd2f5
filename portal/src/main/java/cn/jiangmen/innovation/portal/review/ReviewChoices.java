package cn.jiangmen.innovation.portal.review;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.contracts.common.v1.OwningContext;
import cn.jiangmen.innovation.contracts.review.v1.ConflictReason;
import cn.jiangmen.innovation.contracts.review.v1.RelationshipKind;
import com.google.protobuf.ProtocolMessageEnum;

/**
 * The closed sets of the review pages, taken from the contract's enums so the portal lists no values
 * of its own. A page shows and sends a value's code: the enum name without its prefix
 * ({@code OWNING_CONTEXT_TALENT} is {@code TALENT}), which is also the suffix of its message key
 * ({@code review.context.TALENT}).
 */
public final class ReviewChoices {

	private ReviewChoices() {
	}

	/** The owning contexts a round is for (and the awaiting items filter by). */
	public static List<String> contexts() {
		return codes(OwningContext.values(), "OWNING_CONTEXT_");
	}

	/** What a declared relationship refers to. */
	public static List<String> relationshipKinds() {
		return codes(RelationshipKind.values(), "RELATIONSHIP_KIND_");
	}

	public static OwningContext context(String code) {
		return parse(OwningContext.values(), "OWNING_CONTEXT_", code).orElse(OwningContext.OWNING_CONTEXT_UNSPECIFIED);
	}

	public static RelationshipKind relationshipKind(String code) {
		return parse(RelationshipKind.values(), "RELATIONSHIP_KIND_", code)
			.orElse(RelationshipKind.RELATIONSHIP_KIND_UNSPECIFIED);
	}

	public static String code(RelationshipKind kind) {
		return kind.name().substring("RELATIONSHIP_KIND_".length());
	}

	/** The message key suffix of a conflict's reason ({@code review.reason.<code>}). */
	public static String code(ConflictReason reason) {
		return reason.name().substring("CONFLICT_REASON_".length());
	}

	/** Every value but the unspecified default and protobuf's UNRECOGNIZED. */
	private static <E extends Enum<E> & ProtocolMessageEnum> List<String> codes(E[] values, String prefix) {
		return Arrays.stream(values)
			.filter(v -> v.name().startsWith(prefix) && !v.name().endsWith("_UNSPECIFIED"))
			.map(v -> v.name().substring(prefix.length()))
			.toList();
	}

	private static <E extends Enum<E> & ProtocolMessageEnum> Optional<E> parse(E[] values, String prefix, String code) {
		return Arrays.stream(values).filter(v -> v.name().equals(prefix + code)).findFirst()
			.filter(v -> !v.name().endsWith("_UNSPECIFIED"));
	}

}
