package cn.jiangmen.innovation.platform.grpc;

import java.util.List;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.DependencyUnavailableException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * The gRPC side of the error model: invalid input is INVALID_ARGUMENT with a
 * {@code google.rpc.BadRequest} detail naming each field, so gRPC callers get the same
 * information as REST callers get in a problem detail.
 */
public class GrpcStatusMapper implements GrpcExceptionHandler {

	static final String DOMAIN = "jiangmen.innovation";

	private static final Logger log = LoggerFactory.getLogger(GrpcStatusMapper.class);

	@Override
	public StatusException handleException(Throwable exception) {
		if (exception instanceof InvalidInputException invalid) {
			return invalidArgument(invalid.violations());
		}
		if (exception instanceof NotFoundException notFound) {
			return status(Code.NOT_FOUND, notFound.getMessage());
		}
		if (exception instanceof ConflictException conflict) {
			return StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
				.setCode(Code.FAILED_PRECONDITION_VALUE)
				.setMessage(conflict.getMessage())
				.addDetails(com.google.protobuf.Any.pack(
						ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(conflict.code()).build()))
				.build());
		}
		if (exception instanceof DependencyUnavailableException unavailable) {
			// retryable, unlike INTERNAL: the client may try again once the dependency answers
			log.warn("{} unavailable: {}", unavailable.dependency(), unavailable.getMessage());
			return status(Code.UNAVAILABLE,
					unavailable.dependency() + " is not reachable right now; nothing was changed");
		}
		if (exception instanceof AuthenticationException refused) {
			// Anyone who reaches the port can send a bad token: one short line, no stack trace.
			log.debug("Refused gRPC credentials: {}", refused.getMessage());
			return status(Code.UNAUTHENTICATED, "The access token is missing, malformed, expired or not for this service.");
		}
		if (exception instanceof AccessDeniedException) {
			return status(Code.PERMISSION_DENIED, "You are not allowed to do this.");
		}
		if (exception instanceof StatusException statusException) {
			return statusException;
		}
		if (exception instanceof io.grpc.StatusRuntimeException runtime) {
			return runtime.getStatus().asException(runtime.getTrailers());
		}
		// Returning null lets Spring Security's handler (authentication failures) or the fallback
		// decide; log what would otherwise be lost.
		log.error("Unhandled gRPC failure", exception);
		return null;
	}

	public static StatusException invalidArgument(List<FieldViolation> violations) {
		BadRequest.Builder badRequest = BadRequest.newBuilder();
		for (FieldViolation violation : violations) {
			badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
				.setField(violation.field())
				.setReason(violation.code())
				.setDescription(violation.message()));
		}
		String fields = String.join(", ", violations.stream().map(FieldViolation::field).distinct().toList());
		return StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
			.setCode(Code.INVALID_ARGUMENT_VALUE)
			.setMessage("Invalid fields: " + fields)
			.addDetails(com.google.protobuf.Any.pack(badRequest.build()))
			.build());
	}

	private static StatusException status(Code code, String message) {
		return StatusProto
			.toStatusException(com.google.rpc.Status.newBuilder().setCode(code.getNumber()).setMessage(message).build());
	}

}
