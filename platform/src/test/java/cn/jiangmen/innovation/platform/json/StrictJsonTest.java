package cn.jiangmen.innovation.platform.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StrictJsonTest {

	record Member(String name, Boolean fullTime, int age, double share) {
	}

	record Body(String title, List<Member> team, List<String> fields, Instant closesAt, LocalDate born, Kind kind) {
	}

	enum Kind {
		ENTERPRISE, UNIVERSITY
	}

	private final JsonMapper mapper = StrictJson.apply(JsonMapper.builder()).build();

	@Test
	void readsWhatTheClientWrote() {
		Body body = this.mapper.readValue("""
				{"title": "可见光通信\\t团队 😀\\n第二行", "team": [{"name": "王芳", "fullTime": true, "age": 41, "share": 5}],
				 "fields": ["additive-manufacturing"], "closesAt": "2026-06-30T16:00:00.123456789Z",
				 "born": "1985-03-02", "kind": "UNIVERSITY"}""", Body.class);
		assertThat(body.title()).isEqualTo("可见光通信\t团队 😀\n第二行");
		assertThat(body.team()).containsExactly(new Member("王芳", true, 41, 5.0));
		assertThat(body.closesAt()).isEqualTo(Instant.parse("2026-06-30T16:00:00.123456789Z"));
		assertThat(body.kind()).isEqualTo(Kind.UNIVERSITY);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			number for a boolean     | {"team": [{"fullTime": 12345}]}           | team[0].fullTime
			fraction for a whole one | {"team": [{"age": 1.5}]}                  | team[0].age
			text for a number        | {"team": [{"age": "41"}]}                 | team[0].age
			text for a boolean       | {"team": [{"fullTime": "yes"}]}           | team[0].fullTime
			number for text          | {"title": 123}                            | title
			boolean for text         | {"title": true}                           | title
			null list element        | {"fields": ["a", null]}                   | fields[1]
			null object element      | {"team": [null]}                          | team[0]
			null for a primitive     | {"team": [{"age": null}]}                 | team[0].age
			number for an enum       | {"kind": 1}                               | kind
			NUL character            | {"title": "a\\u0000b"}                    | title
			other control character  | {"team": [{"name": "a\\u001bb"}]}         | team[0].name
			unpaired high surrogate  | {"title": "a\\ud800b"}                    | title
			unpaired low surrogate   | {"fields": ["\\udc00"]}                   | fields[0]
			right-to-left override   | {"title": "invoice\\u202Efdp.exe"}        | title
			bidi isolate             | {"title": "a\\u2066b"}                    | title
			year after 9999          | {"closesAt": "+10000-01-01T00:00:00Z"}    | closesAt
			year before 1            | {"born": "-0001-01-01"}                   | born
			""")
	void refusesNamingTheField(String what, String json, String field) {
		JacksonException failure = catchThrowableOfType(JacksonException.class,
				() -> this.mapper.readValue(json, Body.class));
		assertThat(failure).as(what).isNotNull();
		assertThat(JsonPaths.of(failure)).as(what).isEqualTo(field);
	}

	@Test
	void refusesDuplicateKeys() {
		JacksonException failure = catchThrowableOfType(JacksonException.class,
				() -> this.mapper.readValue("{\"title\": \"a\", \"title\": \"b\"}", Body.class));
		assertThat(failure).isNotNull();
		assertThat(failure.getOriginalMessage()).contains("Duplicate");
	}

	@Test
	void safeTextAcceptsEveryScriptAndSurrogatePairs() {
		assertThat(SafeText.problem("江门 Jiangmen العربية 😀 \t\r\n")).isNull();
		assertThat(SafeText.problem("\u0000")).contains("NUL");
		assertThat(SafeText.problem("a\u202eb")).contains("U+202E");
	}

}
