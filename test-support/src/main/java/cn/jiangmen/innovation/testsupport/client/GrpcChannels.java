package cn.jiangmen.innovation.testsupport.client;

import java.util.concurrent.TimeUnit;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/** gRPC channels to a service under test, and stubs that carry a given bearer token. */
public final class GrpcChannels {

	private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("Authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private GrpcChannels() {
	}

	public static ManagedChannel plaintext(int port) {
		return ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
	}

	/** The stub with the token in its metadata (none when token is null) and a 10 s deadline. */
	public static <S extends AbstractStub<S>> S withToken(S stub, String token) {
		S withDeadline = stub.withDeadlineAfter(10, TimeUnit.SECONDS);
		if (token == null) {
			return withDeadline;
		}
		Metadata headers = new Metadata();
		headers.put(AUTHORIZATION, "Bearer " + token);
		ClientInterceptor interceptor = MetadataUtils.newAttachHeadersInterceptor(headers);
		return withDeadline.withInterceptors(interceptor);
	}

	public static void close(ManagedChannel channel) {
		channel.shutdownNow();
		try {
			channel.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
