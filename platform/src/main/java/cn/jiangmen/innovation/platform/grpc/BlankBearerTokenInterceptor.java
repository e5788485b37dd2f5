package cn.jiangmen.innovation.platform.grpc;

import java.util.Locale;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Refuses {@code authorization: Bearer} with no token as UNAUTHENTICATED before Spring Security
 * sees it: its bearer extractor builds a token from the empty string, which throws an
 * IllegalArgumentException that reaches the client as UNKNOWN.
 */
public class BlankBearerTokenInterceptor implements ServerInterceptor {

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
			ServerCallHandler<Q, R> next) {
		String authorization = headers.get(AUTHORIZATION);
		if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer")
				&& authorization.substring("bearer".length()).isBlank()) {
			call.close(Status.UNAUTHENTICATED.withDescription("The bearer token is missing."), new Metadata());
			return new ServerCall.Listener<>() {
			};
		}
		return next.startCall(call, headers);
	}

}
