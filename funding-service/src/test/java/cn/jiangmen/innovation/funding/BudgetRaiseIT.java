package cn.jiangmen.innovation.funding;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Budget lines and their raises over REST, four eyes, with real Keycloak tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "spring.grpc.server.port=0" })
@ExtendWith(LedgerBalanceCheck.class)
class BudgetRaiseIT {

	static final TestInfrastructure infra = TestInfrastructure.get();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "funding_it");
	}

	@LocalServerPort
	int port;

	@Test
	void anOfficerPreparesADifferentApproverApprovesAndTheLineShowsPendingPostedAvailable() throws Exception {
		String code = line();
		HttpResponse<String> raise = post("/api/funding/budgets/" + code + "/2026/raises", "officer", key(),
				"{\"amount\":\"1234.56\",\"currency\":\"CNY\"}");
		assertThat(raise.statusCode()).isEqualTo(201);
		String raiseId = JSON.readTree(raise.body()).get("raiseId").asString();
		assertThat(budget(code).get("appropriatedMinor").asLong()).as("nothing before approval").isZero();

		HttpResponse<String> self = post("/api/funding/budget-raises/" + raiseId + "/decision", "officer", key(),
				"{\"decision\":\"APPROVE\"}");
		assertThat(self.statusCode()).isEqualTo(403);
		String approveKey = key();
		HttpResponse<String> approved = post("/api/funding/budget-raises/" + raiseId + "/decision", "approver", approveKey,
				"{\"decision\":\"APPROVE\"}");
		assertThat(approved.statusCode()).isEqualTo(200);
		assertThat(post("/api/funding/budget-raises/" + raiseId + "/decision", "approver", approveKey,
				"{\"decision\":\"APPROVE\"}").body()).as("a retry gets the first answer").isEqualTo(approved.body());
		JsonNode line = budget(code);
		assertThat(line.get("appropriatedMinor").asLong()).isEqualTo(123_456L);
		assertThat(line.get("pendingMinor").asLong()).isZero();
		assertThat(line.get("availableMinor").asLong()).isEqualTo(123_456L);
	}

	@ParameterizedTest
	@CsvSource({ "'-1',CNY,amount", "'0',CNY,amount", "'1.001',CNY,amount", "'1e3x',CNY,amount",
			"'999999999999999999',CNY,amount", "'10.00',USD,currency" })
	void badAmountsAreRefusedNamingTheField(String amount, String currency, String field) throws Exception {
		String code = line();
		HttpResponse<String> response = post("/api/funding/budgets/" + code + "/2026/raises", "officer", key(),
				"{\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).get("errors").findValuesAsString("field")).containsExactly(field);
	}

	@Test
	void onlyOfficersOpenLinesAndCodesAreChecked() throws Exception {
		for (String user : List.of("approver", "manager", "auditor", "applicant1")) {
			assertThat(post("/api/funding/budgets", user, key(), "{\"programCode\":\"x-" + UUID.randomUUID() + "\",\"fiscalYear\":2026}")
				.statusCode()).as(user).isEqualTo(403);
		}
		HttpResponse<String> bad = post("/api/funding/budgets", "officer", key(), "{\"programCode\":\"Bad Code\",\"fiscalYear\":1900}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(bad.body()).get("errors").findValuesAsString("field")).containsExactly("programCode", "fiscalYear");
	}

	private String line() throws Exception {
		String code = "post-subsidies-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(post("/api/funding/budgets", "officer", key(), "{\"programCode\":\"" + code + "\",\"fiscalYear\":2026}")
			.statusCode()).isEqualTo(201);
		return code;
	}

	private JsonNode budget(String code) throws Exception {
		HttpResponse<String> all = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/funding/budgets"))
			.header("Authorization", "Bearer " + infra.tokens().accessToken("auditor"))
			.build(), HttpResponse.BodyHandlers.ofString());
		for (JsonNode line : JSON.readTree(all.body())) {
			if (line.get("programCode").asString().equals(code)) {
				return line;
			}
		}
		throw new AssertionError("No budget line " + code);
	}

	private static String key() {
		return "k-" + UUID.randomUUID();
	}

	private HttpResponse<String> post(String path, String user, String key, String json) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + infra.tokens().accessToken(user))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
