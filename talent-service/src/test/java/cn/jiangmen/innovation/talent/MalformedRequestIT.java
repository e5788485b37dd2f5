package cn.jiangmen.innovation.talent;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import cn.jiangmen.innovation.testsupport.client.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The malformed requests a probe of the running suite sent (issue 9): each answers 400 with a
 * problem detail naming what is wrong, never a 500, and writes nothing.
 */
@TestPropertySource(properties = "jiangmen.outbox.relay.enabled=false")
class MalformedRequestIT extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "talent_it");
	}

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			NUL in a title                | {"callId": "%s", "title": "a\\u0000b"}                       | title
			unpaired surrogate            | {"callId": "%s", "title": "team \\ud800"}                    | title
			right-to-left override        | {"callId": "%s", "title": "invoice\\u202Efdp.exe"}           | title
			number for a boolean          | {"callId": "%s", "title": "t", "team": [{"fullTime": 12345}]} | team[0].fullTime
			number for text               | {"callId": "%s", "title": 42}                                | title
			null team member              | {"callId": "%s", "title": "t", "team": [null]}               | team[0]
			fraction for a whole number   | {"callId": "%s", "title": "t", "version": 1.5}               | version
			""")
	void refusedBodiesNameTheFieldAndWriteNothing(String what, String template, String field) {
		long before = applications();
		HttpProbe.Response response = this.http.postJson("/api/talent/applications",
				token("applicant1"), template.formatted(UUID.randomUUID()));
		assertThat(response.status()).as(what).isEqualTo(400);
		assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).as(what).isEqualTo(field);
		assertThat(response.body()).as(what).doesNotContain("tools.jackson", "java.lang");
		assertThat(applications()).as(what).isEqualTo(before);
	}

	@Test
	void duplicateKeysAreRefused() {
		HttpProbe.Response response = this.http.postJson("/api/talent/applications",
				token("applicant1"),
				"{\"callId\": \"%s\", \"title\": \"a\", \"title\": \"b\"}".formatted(UUID.randomUUID()));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("code").asString()).isEqualTo("json.malformed");
	}

	@Test
	void callTimesOutsideYearsOneTo9999AreRefusedNamingTheField() {
		long calls = this.jdbc.sql("select count(*) from talent_call").query(Long.class).single();
		HttpProbe.Response response = this.http.postJson("/api/talent/calls", token("manager"),
				"""
						{"title": "2027 call", "priorityFields": ["additive-manufacturing"],
						 "categories": {"LEADING_TALENT": {"minTeamSize": 1, "leaderFullTime": false, "fieldMustBeInCall": false}},
						 "opensAt": "2027-01-01T00:00:00Z", "closesAt": "+275760-09-13T00:00:00Z"}""");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("closesAt");
		assertThat(this.jdbc.sql("select count(*) from talent_call").query(Long.class).single()).isEqualTo(calls);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/talent/applications/%00", "/api/talent/applications/a%2Fb",
			"/api/talent/applications/..%2F..%2Factuator", "/api/talent/applications/%2e%2e/calls",
			"/api/talent/applications/a%5Cb", "/api/talent/applications/%25" })
	void malformedPathsAnswerProblems(String target) {
		RawHttp.Answer answer = RawHttp.send(this.port, "GET", target, token("applicant1"), null,
				null);
		assertThat(answer.status()).as(target).isBetween(400, 404);
		assertThat(answer.isProblemJson()).as(target + "\n" + answer.text()).isTrue();
	}

	@Test
	void badPercentEscapeInAQueryParameterIsNotA500() {
		RawHttp.Answer answer = RawHttp.send(this.port, "GET", "/api/talent/applications?pageToken=%ff%fe",
				token("applicant1"), null, null);
		assertThat(answer.status()).as(answer.text()).isLessThan(500);
		assertThat(answer.isProblemJson() || answer.status() == 200).as(answer.text()).isTrue();
	}

	@Test
	void malformedMultipartIsA400Problem() {
		RawHttp.Answer answer = RawHttp.send(this.port, "POST",
				"/api/talent/applications/" + UUID.randomUUID() + "/attachments",
				token("applicant1"), "multipart/form-data; boundary=XYZ",
				"--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 trunc"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).as(answer.text()).isEqualTo(400);
		assertThat(answer.isProblemJson()).as(answer.text()).isTrue();
	}

	private long applications() {
		return this.jdbc.sql("select count(*) from talent_application").query(Long.class).single();
	}

}
