package cn.jiangmen.innovation.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The edge's own error answers; ordered before Boot's default handler (-1), which it replaces. */
@Configuration(proxyBeanMethods = false)
class EdgeErrorConfig {

	@Bean
	EdgeErrorResponses edgeErrorResponses() {
		return new EdgeErrorResponses();
	}

	@Bean
	@Order(-2)
	EdgeErrorWebExceptionHandler edgeErrorWebExceptionHandler(EdgeErrorResponses responses) {
		return new EdgeErrorWebExceptionHandler(responses);
	}

}
