package cn.jiangmen.innovation.portal.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/** A web slice of the portal with its real security, i18n, templates and gRPC client. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(PortalWebTestConfiguration.class)
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
@interface PortalWebTest {

	@AliasFor(annotation = WebMvcTest.class, attribute = "properties")
	String[] properties() default {};

}
