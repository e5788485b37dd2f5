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
 */
@ConfigurationProperties("jiangmen.portal")
public record PortalProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("50") int applicationsPageSize, @DefaultValue("5s") Duration talentDeadline,
		@DefaultValue LocaleCookie localeCookie) {

	/**
	 * @param name cookie name
	 * @param maxAge how long the choice is remembered
	 * @param secure whether the cookie is sent over HTTPS only (true behind TLS)
	 */
	public record LocaleCookie(@DefaultValue("JIANGMEN_LANG") String name, @DefaultValue("365d") Duration maxAge,
			@DefaultValue("false") boolean secure) {
	}

}
