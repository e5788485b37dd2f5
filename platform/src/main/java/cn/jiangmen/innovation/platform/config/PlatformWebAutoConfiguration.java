package cn.jiangmen.innovation.platform.config;

import java.time.Clock;

import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.audit.AuditTrail;
import cn.jiangmen.innovation.platform.audit.JdbcAuditTrail;
import cn.jiangmen.innovation.platform.json.StrictJson;
import cn.jiangmen.innovation.platform.web.ProblemDetailsAdvice;
import cn.jiangmen.innovation.platform.web.ProblemJsonErrorReportValve;
import cn.jiangmen.innovation.platform.web.RequestRejectedProblems;
import cn.jiangmen.innovation.platform.web.RequestIdFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Request ids, problem details for REST errors, the server clock, and the JDBC audit trail where a
 * database exists.
 */
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

	/** Deadlines are judged by the server clock (UTC instants; pages show Asia/Shanghai). Tests fix it. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Every service reads JSON strictly: a value of the wrong shape is refused naming its field. */
	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return StrictJson::apply;
	}

	@Bean
	@ConditionalOnMissingBean(org.springframework.security.web.firewall.RequestRejectedHandler.class)
	RequestRejectedProblems requestRejectedProblems(JsonMapper jsonMapper) {
		return new RequestRejectedProblems(jsonMapper);
	}

	/** Requests Tomcat refuses itself answer a problem too, not its HTML error page. */
	@Bean
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
			}
		});
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

		@Bean
		@ConditionalOnBean(JdbcClient.class)
		@ConditionalOnMissingBean
		Audit audit(AuditTrail auditTrail, JsonMapper jsonMapper) {
			return new Audit(auditTrail, jsonMapper);
		}

	}

}
