package cn.jiangmen.innovation.testsupport;

/**
 * The ways a bearer token must be refused: every door (gateway, REST, gRPC) is tested with each,
 * typically as {@code @EnumSource(BadToken.class)}.
 */
public enum BadToken {

	MISSING, EXPIRED, WRONG_AUDIENCE, FOREIGN_SIGNED;

	/** The token of this kind for {@code username}; null for {@link #MISSING}. */
	public String forUser(KeycloakTokens tokens, String username) {
		return switch (this) {
			case MISSING -> null;
			case EXPIRED -> tokens.expiredToken(username);
			case WRONG_AUDIENCE -> tokens.wrongAudienceToken(username);
			case FOREIGN_SIGNED -> tokens.foreignSignedToken(username);
		};
	}

}
