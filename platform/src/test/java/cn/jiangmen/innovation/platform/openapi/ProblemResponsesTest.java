package cn.jiangmen.innovation.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which operations get which problem+json responses, and that controllers' own ones are kept. */
class ProblemResponsesTest {

	@Test
	void everyOperationMayBeRefused401And403WithoutInputNo400() {
		Operation list = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
		OpenAPI api = document("/api/talent/calls", new PathItem().get(list));

		new ProblemResponses().customise(api);

		assertThat(list.getResponses()).containsOnlyKeys("200", "401", "403");
		assertThat(list.getResponses().get("401").get$ref()).isEqualTo("#/components/responses/Unauthorized");
		assertThat(api.getComponents().getResponses().get("Unauthorized").getContent())
			.containsOnlyKeys("application/problem+json");
		assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "FieldViolation");
	}

	@Test
	void inputMeans400AndAnIdInThePathMeans404() {
		Operation update = new Operation().addParametersItem(new Parameter().in("path").name("callId"))
			.requestBody(new RequestBody());
		Operation create = new Operation().requestBody(new RequestBody());
		OpenAPI api = document("/api/talent/calls/{callId}", new PathItem().put(update));
		api.getPaths().addPathItem("/api/talent/calls", new PathItem().post(create));

		new ProblemResponses().customise(api);

		assertThat(update.getResponses()).containsOnlyKeys("400", "401", "403", "404");
		assertThat(create.getResponses()).containsOnlyKeys("400", "401", "403");
		assertThat(api.getComponents().getResponses()).containsOnlyKeys("InvalidInput", "Unauthorized", "Forbidden",
				"NotFound");
	}

	@Test
	void aResponseTheControllerDeclaresIsKept() {
		ApiResponse own = new ApiResponse().description("Not one of your applications");
		Operation get = new Operation().addParametersItem(new Parameter().in("path").name("id"))
			.responses(new ApiResponses().addApiResponse("404", own));
		OpenAPI api = document("/api/talent/applications/{id}", new PathItem().get(get));

		new ProblemResponses().customise(api);

		assertThat(get.getResponses().get("404")).isSameAs(own);
		assertThat(api.getComponents().getResponses()).doesNotContainKey("NotFound");
	}

	@Test
	void aDeclared4xxWithADescriptionOnlyGetsTheProblemBody() {
		Operation create = new Operation().requestBody(new RequestBody())
			.responses(new ApiResponses().addApiResponse("409", new ApiResponse().description("Call closed")));
		OpenAPI api = document("/api/talent/applications", new PathItem().post(create));

		new ProblemResponses().customise(api);

		assertThat(create.getResponses().get("409").getDescription()).isEqualTo("Call closed");
		assertThat(create.getResponses().get("409").getContent().get("application/problem+json").getSchema().get$ref())
			.isEqualTo("#/components/schemas/Problem");
	}

	private static OpenAPI document(String path, PathItem item) {
		return new OpenAPI().paths(new Paths().addPathItem(path, item));
	}

}
