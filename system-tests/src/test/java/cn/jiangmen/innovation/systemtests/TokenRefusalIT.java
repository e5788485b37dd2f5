package cn.jiangmen.innovation.systemtests;

import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.testsupport.BadToken;
import cn.jiangmen.innovation.testsupport.KeycloakTokens;
import cn.jiangmen.innovation.testsupport.client.GrpcChannels;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A missing, expired, wrong-audience or foreign-signed token is refused at every door: the
 * gateway, a service's REST endpoint and a service's gRPC method.
 */
class TokenRefusalIT {

	static RunningSuite suite;

	static ManagedChannel talentChannel;

	@BeforeAll
	static void start() {
		suite = RunningSuite.get();
		talentChannel = GrpcChannels.plaintext(suite.app("talent-service").grpcPort());
	}

	@AfterAll
	static void close() {
		GrpcChannels.close(talentChannel);
	}

	@ParameterizedTest
	@EnumSource(BadToken.class)
	void gatewayRefusesWith401ProblemNotARedirect(BadToken kind) {
		HttpProbe.Response response = new HttpProbe(suite.gatewayUrl()).get("/api/talent/applications", kind.forUser(tokens(), "applicant1"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Location")).isNull();
	}

	@ParameterizedTest
	@EnumSource(BadToken.class)
	void serviceRestEndpointRefuses(BadToken kind) {
		HttpProbe.Response response = new HttpProbe("http://localhost:" + suite.app("talent-service").httpPort())
			.get("/api/talent/applications", kind.forUser(tokens(), "applicant1"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	@ParameterizedTest
	@EnumSource(BadToken.class)
	void serviceGrpcMethodRefuses(BadToken kind) {
		assertThatThrownBy(() -> GrpcChannels.withToken(TalentServiceGrpc.newBlockingStub(talentChannel), kind.forUser(tokens(), "applicant1"))
			.listApplications(ListApplicationsRequest.getDefaultInstance()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
	}

	@Test
	void aValidTokenPassesAllThree() {
		String token = tokens().accessToken("manager");
		assertThat(new HttpProbe(suite.gatewayUrl()).get("/api/talent/applications", token).status()).isEqualTo(200);
		assertThat(new HttpProbe("http://localhost:" + suite.app("talent-service").httpPort())
			.get("/api/talent/applications", token)
			.status()).isEqualTo(200);
		assertThat(GrpcChannels.withToken(TalentServiceGrpc.newBlockingStub(talentChannel), token)
			.listApplications(ListApplicationsRequest.getDefaultInstance())).isNotNull();
	}

	@ParameterizedTest
	@CsvSource({ "/api/talent/applications, manager", "/api/review/items, manager", "/api/projects/fields, applicant1",
			"/api/funding/budgets, officer" })
	void gatewayRoutesEachServiceApiWithTheCallersToken(String path, String user) {
		HttpProbe.Response response = new HttpProbe(suite.gatewayUrl()).get(path, tokens().accessToken(user));
		assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(200);
	}

	private static KeycloakTokens tokens() {
		return suite.infra().tokens();
	}

}
