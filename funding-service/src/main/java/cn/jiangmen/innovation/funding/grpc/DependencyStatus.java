package cn.jiangmen.innovation.funding.grpc;

import cn.jiangmen.innovation.funding.application.DependencyUnavailableException;
import io.grpc.Status;
import io.grpc.StatusException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;
import org.springframework.stereotype.Component;

/**
 * A service funding depends on did not answer: UNAVAILABLE (retry later), the gRPC twin of the
 * 503 problem in {@code web.DependencyProblems}. Platform's mapper does not know this exception;
 * a platform-wide home for it is proposed in the report.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DependencyStatus implements GrpcExceptionHandler {

	@Override
	public StatusException handleException(Throwable exception) {
		if (exception instanceof DependencyUnavailableException unavailable) {
			return Status.UNAVAILABLE
				.withDescription(unavailable.dependency() + " is not reachable right now; nothing was changed")
				.asException();
		}
		return null;
	}

}
