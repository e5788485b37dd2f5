package cn.jiangmen.innovation.portal.config;

import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * zh-CN first, English second. The choice lives in a cookie (the portal keeps no session), is
 * changed with {@code ?lang=en} or {@code ?lang=zh-CN}, and anything else falls back to zh-CN.
 */
@Configuration(proxyBeanMethods = false)
public class LocaleConfiguration implements WebMvcConfigurer {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

	public static final String PARAMETER = "lang";

	private final PortalProperties properties;

	public LocaleConfiguration(PortalProperties properties) {
		this.properties = properties;
	}

	// the bean name DispatcherServlet looks up
	@Bean
	public LocaleResolver localeResolver() {
		PortalProperties.LocaleCookie cookie = this.properties.localeCookie();
		TimeZone zone = TimeZone.getTimeZone(this.properties.zone());
		CookieLocaleResolver resolver = new CookieLocaleResolver(cookie.name()) {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				return supported(super.resolveLocale(request));
			}

			@Override
			public LocaleContext resolveLocaleContext(HttpServletRequest request) {
				// a hand-made cookie (lang=fr, a time zone) changes neither the language set nor the zone
				return new SimpleTimeZoneAwareLocaleContext(
						supported(super.resolveLocaleContext(request).getLocale()), zone);
			}
		};
		resolver.setDefaultLocale(CHINESE);
		resolver.setCookieMaxAge(cookie.maxAge());
		resolver.setCookieSecure(cookie.secure());
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setCookiePath("/");
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			protected Locale parseLocaleValue(String localeValue) {
				Locale parsed = super.parseLocaleValue(localeValue);
				return parsed == null ? null : supported(parsed);
			}
		};
		interceptor.setParamName(PARAMETER);
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	/** en* is English, everything else (zh, zh-CN, zh-Hans, unknown) the default Chinese. */
	static Locale supported(Locale locale) {
		if (locale != null && ENGLISH.getLanguage().equals(locale.getLanguage())) {
			return ENGLISH;
		}
		return CHINESE;
	}

}
