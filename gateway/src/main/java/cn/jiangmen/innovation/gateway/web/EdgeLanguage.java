package cn.jiangmen.innovation.gateway.web;

import java.util.List;
import java.util.Locale;

import org.springframework.web.server.ServerWebExchange;

/**
 * The language of the edge's own answers: zh-CN unless the browser prefers English. Only the two
 * languages the portal speaks, so a {@code de} preference gets the bureau's default, Chinese.
 */
public final class EdgeLanguage {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private EdgeLanguage() {
	}

	public static Locale of(ServerWebExchange exchange) {
		List<Locale.LanguageRange> ranges;
		try {
			// sorted by q, highest first
			ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
		}
		catch (IllegalArgumentException malformed) {
			return CHINESE;
		}
		for (Locale.LanguageRange range : ranges) {
			if (range.getWeight() <= 0) {
				continue;
			}
			String language = range.getRange().split("-", 2)[0];
			if (language.equals("zh") || language.equals("*")) {
				return CHINESE;
			}
			if (language.equals("en")) {
				return Locale.ENGLISH;
			}
		}
		return CHINESE;
	}

}
