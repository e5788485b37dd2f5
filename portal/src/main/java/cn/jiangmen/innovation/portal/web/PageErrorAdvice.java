package cn.jiangmen.innovation.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures inside the portal's pages become translated HTML error pages, never a whitelabel page
 * nor the JSON problem details that platform's REST advice writes for the services. Ordered
 * first so that it wins over that advice.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView accessDenied(HttpServletRequest request, HttpServletResponse response) {
		return page(HttpStatus.FORBIDDEN, request, response);
	}

	/**
	 * A service refused the request's fields and no page caught it. An id in the address that is
	 * not one (platform's {@code Ids}: reason {@code id.malformed}, e.g. {@code /talent/applications/not-a-uuid})
	 * names no page: the 404 page, for every controller at once. Anything else is the 4xx page, never
	 * the 500 page.
	 */
	@ExceptionHandler(Rejected.class)
	ModelAndView rejected(Rejected rejected, HttpServletRequest request, HttpServletResponse response) {
		boolean malformedId = !rejected.violations().isEmpty()
				&& rejected.violations().stream().allMatch(v -> MALFORMED_ID.equals(v.reason()));
		log.debug("Page {} rejected by a service: {}", request.getRequestURI(), rejected.getMessage());
		return page(malformedId ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, request, response);
	}

	/** platform's {@code Ids.parse} reason for text that is not an id. */
	static final String MALFORMED_ID = "id.malformed";

	/**
	 * Spring MVC's own 4xx/5xx (no such page, method not allowed, bad parameter...) keep their
	 * status; anything else is a 500 whose details stay in the log.
	 */
	@ExceptionHandler(Exception.class)
	ModelAndView failure(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		HttpStatusCode status = (ex instanceof ErrorResponse known) ? known.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			log.error("Page failed: {}", request.getRequestURI(), ex);
		}
		else {
			log.debug("Page {} answered {}: {}", request.getRequestURI(), status.value(), ex.toString());
		}
		return page(status, request, response);
	}

	static ModelAndView page(HttpStatusCode status, HttpServletRequest request, HttpServletResponse response) {
		ModelAndView page = new ModelAndView(view(status.value()));
		page.setStatus(status);
		response.setStatus(status.value());
		Layout.populate(page.getModel(), request);
		page.addObject("status", status.value());
		return page;
	}

	/** error/403, error/404, error/500, otherwise error/4xx or error/5xx. */
	static String view(int status) {
		return switch (status) {
			case 403, 404, 500 -> "error/" + status;
			default -> status >= 500 ? "error/5xx" : "error/4xx";
		};
	}

}
