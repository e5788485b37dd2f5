package cn.jiangmen.innovation.platform.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DEBUG line per served gRPC call (method, status, milliseconds). Innermost of the server
 * interceptors, so the line is written inside the call's trace and carries its trace id, like the
 * servlet side's {@code RequestIdFilter} line. Off unless the logger is set to DEBUG.
 */
public class GrpcAccessLog implements ServerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(GrpcAccessLog.class);

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
			ServerCallHandler<Q, R> next) {
		if (!log.isDebugEnabled()) {
			return next.startCall(call, headers);
		}
		long begin = System.nanoTime();
		return next.startCall(new SimpleForwardingServerCall<>(call) {
			@Override
			public void close(Status status, Metadata trailers) {
				log.debug("gRPC {} -> {} in {} ms", call.getMethodDescriptor().getFullMethodName(), status.getCode(),
						(System.nanoTime() - begin) / 1_000_000);
				super.close(status, trailers);
			}
		}, headers);
	}

}
