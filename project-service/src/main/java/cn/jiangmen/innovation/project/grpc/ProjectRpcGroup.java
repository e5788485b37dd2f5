package cn.jiangmen.innovation.project.grpc;

import java.util.function.Function;

import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;

/**
 * A group of ProjectService's RPCs around one aggregate (calls, proposals, task books, ...) that binds
 * its own methods into the service definition {@link ProjectGrpcService} builds. One proto service has
 * ~43 RPCs; binding them here, by use case, spares a composing class of one-line delegations, and the
 * definition's {@code build()} still refuses to start with an RPC bound twice or not at all.
 * <p>
 * A new RPC: add its adapter method to the group it belongs to and one line to that group's
 * {@link #bindTo}: {@code unary(service, ProjectServiceGrpc.getXxxMethod(), this::xxx);}.
 */
interface ProjectRpcGroup {

	void bindTo(ServerServiceDefinition.Builder service);

	/**
	 * Binds a unary RPC to a function from request to response, as the generated base class does: an
	 * exception thrown by the handler reaches Spring gRPC's exception interceptor, where platform's
	 * GrpcStatusMapper turns it into a status with details.
	 */
	static <Q, R> void unary(ServerServiceDefinition.Builder service, MethodDescriptor<Q, R> method,
			Function<Q, R> handler) {
		service.addMethod(method, ServerCalls.asyncUnaryCall((request, observer) -> {
			observer.onNext(handler.apply(request));
			observer.onCompleted();
		}));
	}

}
