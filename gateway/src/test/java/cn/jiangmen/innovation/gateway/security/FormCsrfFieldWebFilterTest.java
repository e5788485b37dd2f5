package cn.jiangmen.innovation.gateway.security;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import cn.jiangmen.innovation.gateway.web.EdgeErrorResponses;

import static org.assertj.core.api.Assertions.assertThat;

class FormCsrfFieldWebFilterTest {

	@Test
	void aFormTooLargeToBufferIs413ProblemDetail() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/talent/applications/new")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_HTML)
			.header("Accept-Language", "en")
			.body("note=" + "x".repeat(FormCsrfFieldWebFilter.MAX_FORM_BYTES)));
		FormCsrfFieldWebFilter filter = new FormCsrfFieldWebFilter("X-XSRF-TOKEN", "_csrf", new EdgeErrorResponses());

		filter.filter(exchange, passed -> Mono.error(new AssertionError("must not reach the chain"))).block();

		assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(413);
		// a browser form post: the translated page
		assertThat(exchange.getResponse().getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("Content too large");
	}

}
