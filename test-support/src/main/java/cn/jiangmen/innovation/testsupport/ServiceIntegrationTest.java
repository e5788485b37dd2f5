package cn.jiangmen.innovation.testsupport;

import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import io.grpc.ManagedChannel;
import io.grpc.stub.AbstractStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The base of a service's integration tests: the whole application on random HTTP and gRPC ports
 * against {@link TestInfrastructure}, with a REST probe and a plaintext gRPC channel opened before
 * and closed after each test, and tokens of the realm's users. A subclass names its database:
 *
 * <pre>{@code
 * class TalentServiceIT extends ServiceIntegrationTest {
 *     @DynamicPropertySource
 *     static void properties(DynamicPropertyRegistry registry) {
 *         ServiceTestProperties.register(registry, "talent_it");
 *     }
 *     ... as("applicant1", TalentServiceGrpc.newBlockingStub(channel)) ...
 * }
 * }</pre>
 *
 * Extra properties go on the subclass with {@code @TestPropertySource}; ports are read from the
 * {@code local.*.port} properties so that this module needs neither Boot's web nor gRPC test jars.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.grpc.server.port=0")
public abstract class ServiceIntegrationTest {

	protected static final TestInfrastructure infra = TestInfrastructure.get();

	@Value("${local.server.port}")
	protected int port;

	@Value("${local.grpc.server.port}")
	protected int grpcPort;

	protected HttpProbe http;

	protected ManagedChannel channel;

	@BeforeEach
	void openClients() {
		this.http = new HttpProbe("http://localhost:" + this.port);
		this.channel = GrpcChannels.plaintext(this.grpcPort);
	}

	@AfterEach
	void closeClients() {
		GrpcChannels.close(this.channel);
	}

	/** A fresh access token of a realm user (password grant against the test Keycloak). */
	protected static String token(String username) {
		return infra.tokens().accessToken(username);
	}

	/** The stub calling as {@code username}, with the usual deadline. */
	protected static <S extends AbstractStub<S>> S as(String username, S stub) {
		return GrpcChannels.withToken(stub, token(username));
	}

	/** The stub calling as the suite's service account (client credentials). */
	protected static <S extends AbstractStub<S>> S asService(S stub) {
		return GrpcChannels.withToken(stub, infra.tokens().serviceAccountToken());
	}

}
