package cn.jiangmen.innovation.platform.paging;

import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * A page of a listing. The token is an opaque offset so that clients cannot depend on its form;
 * bad sizes or tokens are rejected naming the field instead of being silently corrected.
 */
public record PageRequest(int offset, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	public static PageRequest of(int requestedSize, String token, String sizeField, String tokenField) {
		if (requestedSize < 0 || requestedSize > MAX_SIZE) {
			throw new InvalidInputException(sizeField, "page-size.range", "must be between 0 and " + MAX_SIZE);
		}
		int size = requestedSize == 0 ? DEFAULT_SIZE : requestedSize;
		if (token == null || token.isEmpty()) {
			return new PageRequest(0, size);
		}
		try {
			int offset = Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(token),
					java.nio.charset.StandardCharsets.US_ASCII));
			if (offset < 0) {
				throw new NumberFormatException();
			}
			return new PageRequest(offset, size);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(tokenField, "page-token.malformed", "is not a token from a previous page");
		}
	}

	/** The token for the page after this one, or empty when {@code returned} shows this was the last. */
	public String nextToken(int returned) {
		if (returned < this.size) {
			return "";
		}
		return java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.valueOf(this.offset + this.size).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

}
