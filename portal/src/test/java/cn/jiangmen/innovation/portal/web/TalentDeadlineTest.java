package cn.jiangmen.innovation.portal.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A talent-service that never answers: the deadline ends the call and the page says so. */
@PortalWebTest(properties = "jiangmen.portal.talent-deadline=1s")
class TalentDeadlineTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeTalentService talent;

	@Test
	void showsTheErrorBannerWhenTalentServiceMissesTheDeadline() throws Exception {
		this.talent.hang();

		long start = System.nanoTime();
		this.mvc.perform(get("/applications").param("lang", "en").with(TestUsers.applicant()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(containsString("Applications cannot be shown right now")));
		assertThat(System.nanoTime() - start).as("bounded by the deadline, not the 5 s default")
			.isLessThan(4_500_000_000L);
	}

}
