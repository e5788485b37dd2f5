package cn.jiangmen.innovation.platform.web;

import java.io.IOException;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Spring Security's firewall refuses before any controller sees them (encoded NUL, slash,
 * dot segments or percent signs in the path) answer 400 with a problem detail instead of the
 * servlet container's 500. Logged at DEBUG: anyone can send them, and they are not our fault.
 */
public class RequestRejectedProblems implements RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(RequestRejectedProblems.class);

	private final JsonMapper json;

	public RequestRejectedProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException rejected) throws IOException {
		log.debug("Refused a malformed request: {}", rejected.getMessage());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), ProblemDetailsAdvice.badRequest(List.of(new FieldViolation(
				"path", "path.malformed", "must not contain encoded NUL, slash, backslash, percent or dot segments"))));
	}

}
