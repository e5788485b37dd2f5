package cn.jiangmen.innovation.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request id of the logs, the audit trail and the {@code X-Request-Id} response header. With
 * tracing on (Micrometer Tracing, W3C {@code traceparent} from the gateway), it is the trace id, so
 * one id follows a portal action through the gateway, the portal, the services it calls over gRPC
 * and the outbox messages it causes. Without a trace, an incoming {@code X-Request-Id} is kept, or
 * one is made; an id that does not look like one is replaced, so nobody can inject text into logs
 * through it. Runs after the server observation filter, which opens the trace. Writes one DEBUG
 * line per request (method, path, status, milliseconds).
 */
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "requestId";

	/** Where Micrometer Tracing puts the current trace id (Boot's log correlation reads it too). */
	public static final String TRACE_ID_MDC_KEY = "traceId";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RequestIdFilter.class);

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String incoming = request.getHeader(HEADER);
		String traceId = traceId();
		String requestId = traceId != null ? traceId
				: incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
		MDC.put(MDC_KEY, requestId);
		response.setHeader(HEADER, requestId);
		long begin = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (log.isDebugEnabled()) {
				log.debug("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
						(System.nanoTime() - begin) / 1_000_000);
			}
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * The id of the request being served: the current trace id (also inside a gRPC call or an outbox
	 * delivery, which have no servlet request), else the servlet request's id, else null.
	 */
	public static String current() {
		String traceId = traceId();
		return traceId != null ? traceId : MDC.get(MDC_KEY);
	}

	private static String traceId() {
		String traceId = MDC.get(TRACE_ID_MDC_KEY);
		return traceId != null && SAFE.matcher(traceId).matches() ? traceId : null;
	}

}
