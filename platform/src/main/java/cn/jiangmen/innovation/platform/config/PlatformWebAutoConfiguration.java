package cn.jiangmen.innovation.platform.config;

import cn.jiangmen.innovation.platform.audit.AuditTrail;
import cn.jiangmen.innovation.platform.audit.JdbcAuditTrail;
import cn.jiangmen.innovation.platform.web.ProblemDetailsAdvice;
import cn.jiangmen.innovation.platform.web.RequestIdFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Request ids, problem details for REST errors, and the JDBC audit trail where a database exists. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
public class PlatformWebAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		// after Boot's ServerHttpObservationFilter (HIGHEST_PRECEDENCE + 1): the trace is open, its id is the request id
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemDetailsAdvice problemDetailsAdvice() {
		return new ProblemDetailsAdvice();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcClient.class)
	static class AuditConfiguration {

		@Bean
		@ConditionalOnBean(JdbcClient.class)
		@ConditionalOnMissingBean
		AuditTrail auditTrail(JdbcClient jdbcClient) {
			return new JdbcAuditTrail(jdbcClient);
		}

	}

}
