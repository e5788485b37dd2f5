package cn.jiangmen.innovation.talent;

import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Malformed credentials on gRPC (issue 9): each is UNAUTHENTICATED, never UNKNOWN, and leaves no
 * ERROR stack trace in the log (anyone who reaches the port could flood it); reflection, which
 * lists every method, needs a token like any other call.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "jiangmen.outbox.relay.enabled=false")
class GrpcTokenRefusalIT extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "talent_it");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer ", "Bearer", "Bearer    ", "Basic YWRtaW46YWRtaW4=", "bearer x.y.z",
			"Bearer not-a-jwt", "Bearer a.b.c", "Bearer ey..", "Token abc" })
	void malformedCredentialsAreUnauthenticatedWithoutAStackTrace(String authorization, CapturedOutput output) {
		int logged = output.getAll().length();
		assertThatThrownBy(() -> GrpcChannels
			.withAuthorization(TalentServiceGrpc.newBlockingStub(this.channel), authorization)
			.listApplications(ListApplicationsRequest.getDefaultInstance()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).as(authorization).isEqualTo(Status.Code.UNAUTHENTICATED));
		assertThat(output.getAll().substring(logged)).as(authorization)
			.doesNotContain(" ERROR ")
			.doesNotContain("\tat org.springframework.security");
	}

	@Test
	void reflectionNeedsAToken() throws Exception {
		assertThat(reflect(null).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(reflect("Bearer " + token("manager")).getCode()).isEqualTo(Status.Code.OK);
	}

	private Status reflect(String authorization) throws Exception {
		ServerReflectionGrpc.ServerReflectionStub stub = ServerReflectionGrpc.newStub(this.channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS);
		if (authorization != null) {
			stub = GrpcChannels.withAuthorization(stub, authorization);
		}
		CompletableFuture<Status> outcome = new CompletableFuture<>();
		StreamObserver<ServerReflectionRequest> requests = stub.serverReflectionInfo(new StreamObserver<>() {
			@Override
			public void onNext(ServerReflectionResponse response) {
				outcome.complete(Status.OK);
			}

			@Override
			public void onError(Throwable failure) {
				outcome.complete(Status.fromThrowable(failure));
			}

			@Override
			public void onCompleted() {
				outcome.complete(Status.OK);
			}
		});
		requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
		requests.onCompleted();
		return outcome.get(10, TimeUnit.SECONDS);
	}

}
