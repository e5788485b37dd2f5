package cn.jiangmen.innovation.portal.config;

import cn.jiangmen.innovation.portal.web.CookieFlashMapManager;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMapManager;
// a WebMvcConfigurer so that web slices (@WebMvcTest) load it too and test the real flash cookie
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The flash attributes of POST-redirect-GET kept in a short-lived signed cookie, because the portal
 * is stateless (no HTTP session, no Redis) and any replica may answer the GET.
 */
@Configuration(proxyBeanMethods = false)
public class PageConfiguration implements WebMvcConfigurer {

	/** The name DispatcherServlet looks up; replaces the session-based default. */
	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager(PortalProperties properties) {
		PortalProperties.Flash flash = properties.flash();
		return new CookieFlashMapManager(
				new CookieFlashMapManager.FlashSettings(flash.cookieName(), flash.key(), flash.timeout(), flash.secure()));
	}

}
