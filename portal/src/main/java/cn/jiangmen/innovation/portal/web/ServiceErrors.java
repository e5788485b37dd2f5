package cn.jiangmen.innovation.portal.web;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one translation of a service's gRPC error into what a page does with it, for every client
 * of the portal: INVALID_ARGUMENT is {@link Rejected} (fields to fix), FAILED_PRECONDITION
 * {@link Refused} (a rule's code), NOT_FOUND a 404 page, PERMISSION_DENIED a 403 page, and
 * anything else (deadline, unavailable, a bug) a 503 page, never a 500 with a stack trace.
 */
public final class ServiceErrors {

	private static final Logger log = LoggerFactory.getLogger(ServiceErrors.class);

	private ServiceErrors() {
	}

	/** What to throw instead of {@code ex}; {@code service} names the caller in logs and messages. */
	public static RuntimeException translate(String service, StatusRuntimeException ex) {
		Status.Code code = ex.getStatus().getCode();
		return switch (code) {
			case INVALID_ARGUMENT -> new Rejected(service, violations(ex));
			case FAILED_PRECONDITION -> new Refused(service + " refused: " + ex.getStatus().getDescription(),
					reason(ex));
			case NOT_FOUND -> new ResponseStatusException(HttpStatus.NOT_FOUND, service + ": not found", ex);
			case PERMISSION_DENIED -> new AccessDeniedException(service + " refused the call", ex);
			default -> {
				log.warn("{} failed: {} {}", service, code, ex.getStatus().getDescription());
				yield new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, service + " unavailable", ex);
			}
		};
	}

	/** The fields of the {@code BadRequest} detail; empty when the service sent none. */
	static List<Rejected.Violation> violations(StatusRuntimeException ex) {
		List<Rejected.Violation> violations = new ArrayList<>();
		for (Any detail : details(ex)) {
			if (detail.is(BadRequest.class)) {
				try {
					detail.unpack(BadRequest.class)
						.getFieldViolationsList()
						.forEach(v -> violations.add(new Rejected.Violation(v.getField(), v.getReason())));
				}
				catch (InvalidProtocolBufferException bad) {
					log.warn("Unreadable BadRequest detail", bad);
				}
			}
		}
		return violations;
	}

	static String reason(StatusRuntimeException ex) {
		for (Any detail : details(ex)) {
			if (detail.is(ErrorInfo.class)) {
				try {
					return detail.unpack(ErrorInfo.class).getReason();
				}
				catch (InvalidProtocolBufferException bad) {
					log.warn("Unreadable ErrorInfo detail", bad);
				}
			}
		}
		return "";
	}

	private static List<Any> details(StatusRuntimeException ex) {
		com.google.rpc.Status status = StatusProto.fromThrowable(ex);
		return status == null ? List.of() : status.getDetailsList();
	}

}
