package cn.jiangmen.innovation.platform.grpc;

import java.util.function.Supplier;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * Puts a bearer token in every outgoing call: the caller's own token when a user's request is
 * being served (so the callee applies that user's per-object rules), otherwise the service
 * account's token for work no user started (scheduled jobs, outbox relays).
 */
public class BearerTokenClientInterceptor implements ClientInterceptor {

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("Authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private final Supplier<String> serviceAccountToken;

	public BearerTokenClientInterceptor(Supplier<String> serviceAccountToken) {
		this.serviceAccountToken = serviceAccountToken;
	}

	@Override
	public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
			CallOptions callOptions, Channel next) {
		String token = currentToken();
		return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
			@Override
			public void start(Listener<RespT> responseListener, Metadata headers) {
				if (token != null && !headers.containsKey(AUTHORIZATION)) {
					headers.put(AUTHORIZATION, "Bearer " + token);
				}
				super.start(responseListener, headers);
			}
		};
	}

	private String currentToken() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> user) {
			return user.getToken().getTokenValue();
		}
		return this.serviceAccountToken.get();
	}

}
