package cn.jiangmen.innovation.portal.config;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the portal itself can be told.
 *
 * @param zone the zone every time is shown in (the bureau's: Asia/Shanghai)
 * @param applicationsPageSize how many applications "my applications" asks talent-service for
 * @param talentDeadline how long a page waits for talent-service before it shows the error banner
 * @param localeCookie the cookie that remembers the chosen language
 * @param flash the cookie that carries a failed form's input and errors to the page after the
 * redirect (POST-redirect-GET)
 */
@ConfigurationProperties("jiangmen.portal")
public record PortalProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("50") int applicationsPageSize, @DefaultValue("5s") Duration talentDeadline,
		@DefaultValue LocaleCookie localeCookie,
		@DefaultValue Flash flash) {

	/**
	 * @param cookieName cookie name
	 * @param key HMAC key that signs it; every replica needs the same (blank: random per process)
	 * @param timeout how long the input waits for its page
	 * @param secure whether the cookie is sent over HTTPS only (true behind TLS)
	 */
	public record Flash(@DefaultValue("JIANGMEN_FLASH") String cookieName, @DefaultValue("") String key,
			@DefaultValue("60s") Duration timeout, @DefaultValue("false") boolean secure) {
	}

	/**
	 * @param name cookie name
	 * @param maxAge how long the choice is remembered
	 * @param secure whether the cookie is sent over HTTPS only (true behind TLS)
	 */
	public record LocaleCookie(@DefaultValue("JIANGMEN_LANG") String name, @DefaultValue("365d") Duration maxAge,
			@DefaultValue("false") boolean secure) {
	}

}
