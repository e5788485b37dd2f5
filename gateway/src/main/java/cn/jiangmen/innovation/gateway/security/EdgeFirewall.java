package cn.jiangmen.innovation.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall with its own rules for header names and values, checked without
 * a regular expression. The firewall checks a header each time a filter reads it, and the default
 * patterns run per character over the 1-2 KB Authorization header several times per request: 12 % of
 * the gateway's CPU samples under load (README.md, "Benchmarks"). {@code EdgeFirewallTest} holds these
 * to the library's patterns.
 */
@Configuration(proxyBeanMethods = false)
class EdgeFirewall {

	@Bean
	ServerWebExchangeFirewall serverWebExchangeFirewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(EdgeFirewall::allowedHeaderName);
		firewall.setAllowedHeaderValues(EdgeFirewall::allowedHeaderValue);
		return firewall;
	}

	/** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}; an absent name passes, as with the default. */
	static boolean allowedHeaderName(String name) {
		return assignedAndNotControl(name, false);
	}

	/** {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}; an absent value passes, as with the default. */
	static boolean allowedHeaderValue(String value) {
		return assignedAndNotControl(value, true);
	}

	private static boolean assignedAndNotControl(String text, boolean tabAllowed) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length();) {
			char c = text.charAt(i);
			if ((c >= 0x20 && c < 0x7f) || (tabAllowed && c == '\t')) {
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || type == Character.CONTROL) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
