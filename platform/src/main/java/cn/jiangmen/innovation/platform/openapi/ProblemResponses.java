package cn.jiangmen.innovation.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the one error model ({@code platform.web.ProblemDetailsAdvice} and the security
 * handlers) on every operation, so a client knows each failure is RFC 9457
 * {@code application/problem+json} without every controller repeating it:
 * <ul>
 * <li>401 and 403 everywhere: every operation needs a token and may refuse the caller's role;</li>
 * <li>400 where the operation takes input (parameters or a body), with {@code errors[]} per field;</li>
 * <li>404 where the path names something by id.</li>
 * </ul>
 * Responses a controller declares itself are kept (a 4xx declared with a description only gets
 * the problem+json body); 409s are left to the controllers, since only they know which state
 * conflicts exist.
 */
public class ProblemResponses implements OpenApiCustomizer {

	static final String PROBLEM_JSON = "application/problem+json";

	static final String PROBLEM_SCHEMA = "Problem";

	static final String FIELD_VIOLATION_SCHEMA = "FieldViolation";

	private record Standard(String code, String name, String description) {
	}

	private static final Standard INVALID_INPUT = new Standard("400", "InvalidInput",
			"Invalid input; `errors` names each rejected field with a stable code");

	private static final Standard UNAUTHORIZED = new Standard("401", "Unauthorized",
			"No token, or an expired, foreign or wrong-audience one");

	private static final Standard FORBIDDEN = new Standard("403", "Forbidden",
			"The caller's role or organisation may not do this");

	private static final Standard NOT_FOUND = new Standard("404", "NotFound",
			"Nothing with this id, or nothing the caller may see");

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		Components components = Objects.requireNonNullElseGet(openApi.getComponents(), Components::new);
		openApi.setComponents(components);
		openApi.getPaths().values().stream()
			.flatMap(path -> path.readOperations().stream().map(operation -> Map.entry(path, operation)))
			.forEach(entry -> addStandardResponses(entry.getKey(), entry.getValue(), components));
	}

	private static void addStandardResponses(PathItem path, Operation operation, Components components) {
		ApiResponses responses = Objects.requireNonNullElseGet(operation.getResponses(), ApiResponses::new);
		operation.setResponses(responses);
		describeDeclaredErrors(responses, components);
		List<Parameter> parameters = new ArrayList<>();
		if (path.getParameters() != null) {
			parameters.addAll(path.getParameters());
		}
		if (operation.getParameters() != null) {
			parameters.addAll(operation.getParameters());
		}
		if (!parameters.isEmpty() || operation.getRequestBody() != null) {
			add(responses, INVALID_INPUT, components);
		}
		add(responses, UNAUTHORIZED, components);
		add(responses, FORBIDDEN, components);
		if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
			add(responses, NOT_FOUND, components);
		}
	}

	/** A 4xx a controller declares with a description only is still a problem detail. */
	private static void describeDeclaredErrors(ApiResponses responses, Components components) {
		responses.forEach((code, response) -> {
			if (code.startsWith("4") && response.get$ref() == null
					&& (response.getContent() == null || response.getContent().isEmpty())) {
				addProblemSchemas(components);
				response.setContent(problemContent());
			}
		});
	}

	private static Content problemContent() {
		return new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
	}

	private static void add(ApiResponses responses, Standard standard, Components components) {
		if (responses.containsKey(standard.code())) {
			return;
		}
		addProblemSchemas(components);
		if (components.getResponses() == null || !components.getResponses().containsKey(standard.name())) {
			components.addResponses(standard.name(),
					new ApiResponse().description(standard.description()).content(problemContent()));
		}
		responses.addApiResponse(standard.code(),
				new ApiResponse().$ref("#/components/responses/" + standard.name()));
	}

	private static void addProblemSchemas(Components components) {
		if (components.getSchemas() != null && components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
			return;
		}
		Map<String, Schema> violation = new LinkedHashMap<>();
		violation.put("field", new StringSchema().description("The rejected field, e.g. `creditCode`"));
		violation.put("code", new StringSchema().description("A stable key, e.g. `credit-code.check-digit`"));
		violation.put("message", new StringSchema().description("A plain-English fallback"));
		components.addSchemas(FIELD_VIOLATION_SCHEMA, new ObjectSchema().properties(violation)
			.required(List.of("field", "code", "message")));

		Map<String, Schema> problem = new LinkedHashMap<>();
		problem.put("type", new StringSchema().format("uri").example("about:blank"));
		problem.put("title", new StringSchema().example("Invalid input"));
		problem.put("status", new IntegerSchema().example(400));
		problem.put("detail", new StringSchema());
		problem.put("instance", new StringSchema().format("uri-reference"));
		problem.put("code", new StringSchema().description("On 409: which state rule refused the request"));
		problem.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_VIOLATION_SCHEMA))
			.description("On 400: one entry per rejected field"));
		components.addSchemas(PROBLEM_SCHEMA, new ObjectSchema().properties(problem)
			.description("An RFC 9457 problem detail, as every service and the gateway answer errors"));
	}

}
