package cn.jiangmen.innovation.portal.config;

import cn.jiangmen.innovation.portal.web.CookieFlashMapManager;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
// a WebMvcConfigurer so that web slices (@WebMvcTest) load it too and test the real flash cookie
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The flash attributes of POST-redirect-GET kept in a short-lived signed cookie, because the portal
 * is stateless (no HTTP session, no Redis) and any replica may answer the GET; and page links
 * written as they are, not rewritten by the resource chain.
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

	/**
	 * Boot registers {@link ResourceUrlEncodingFilter} because webjars-locator-lite enables the resource
	 * chain. It passes every {@code @{...}} link of every page through the chain, and the default
	 * static pattern {@code /**} matches page links too: each one was looked up on the class path
	 * (nested jars), a miss the chain does not cache. That was a third of the portal's CPU at 50
	 * signed-in people (README.md, "Benchmarks"). The suite uses no versioned resource URLs, and
	 * {@code /webjars/...} links without a version are still served: the webjars resolver works on
	 * the way in, in the resource handler, not in this filter.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
