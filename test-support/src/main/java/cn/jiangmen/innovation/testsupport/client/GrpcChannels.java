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

	/** The stub with exactly this {@code authorization} value, however malformed (refusal tests). */
	public static <S extends AbstractStub<S>> S withAuthorization(S stub, String authorization) {
		Metadata headers = new Metadata();
		headers.put(AUTHORIZATION, authorization);
		return stub.withDeadlineAfter(10, TimeUnit.SECONDS)
			.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	/** The fields named by the {@code google.rpc.BadRequest} detail of an INVALID_ARGUMENT status. */
	public static java.util.List<String> fieldViolations(io.grpc.StatusRuntimeException exception) {
		com.google.rpc.Status status = io.grpc.protobuf.StatusProto.fromThrowable(exception);
		if (status == null) {
			throw new AssertionError("No rich status in " + exception);
		}
		java.util.List<String> fields = new java.util.ArrayList<>();
		for (com.google.protobuf.Any detail : status.getDetailsList()) {
			if (detail.is(com.google.rpc.BadRequest.class)) {
				try {
					detail.unpack(com.google.rpc.BadRequest.class)
						.getFieldViolationsList()
						.forEach(violation -> fields.add(violation.getField()));
				}
				catch (com.google.protobuf.InvalidProtocolBufferException ex) {
					throw new AssertionError(ex);
				}
			}
		}
		return fields;
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
