package cn.jiangmen.innovation.project;

import cn.jiangmen.innovation.testsupport.ServiceIntegrationTest;
import cn.jiangmen.innovation.testsupport.ServiceTestProperties;
import cn.jiangmen.innovation.testsupport.client.HttpProbe;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profile {@code demo} starts and seeds a call per priority field and four proposals of the demo
 * organisations, which their applicants see with the call's rules applied.
 */
@ActiveProfiles("demo")
@Import(TestOrganisationDirectory.class)
class ProposalDemoDataIT extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		ServiceTestProperties.register(registry, "project_demo_it");
		registry.add("jiangmen.outbox.relay.enabled", () -> "false");
	}

	@Test
	void aCallPerFieldAndProposalsInFourStates() {
		HttpProbe.Response calls = this.http.get("/api/projects/calls?pageSize=50", token("applicant1"));
		assertThat(calls.json().get("calls").size()).isGreaterThanOrEqualTo(9);
		HttpProbe.Response proposals = this.http.get("/api/projects/proposals", token("applicant2"));
		java.util.List<String> states = new java.util.ArrayList<>();
		proposals.json().get("proposals").forEach(p -> states.add(p.get("status").asString()));
		assertThat(states).contains("DRAFT", "SUBMITTED", "UNDER_REVIEW", "REVIEWED");
		proposals.json().get("proposals").forEach(p -> {
			if (!p.get("status").asString().equals("DRAFT")) {
				assertThat(p.get("findings").size()).as(p.toString()).isZero();
				// past the draft, the call's required documents are there, readable by the partner
				HttpProbe.Response documents = this.http.get(
						"/api/projects/proposals/" + p.get("id").asString() + "/documents", token("applicant2"));
				assertThat(documents.json().get("missing").size()).as(documents.body()).isZero();
				assertThat(documents.json().get("documents").size()).isEqualTo(3);
			}
		});
	}

}
