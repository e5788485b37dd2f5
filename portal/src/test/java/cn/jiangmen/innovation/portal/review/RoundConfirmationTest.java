package cn.jiangmen.innovation.portal.review;

import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static cn.jiangmen.innovation.portal.review.ReviewPagesTest.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Confirming a round fixes its ranking for good, so the round page refuses it on the spot while a
 * score sheet of an expert without a conflict is still open: the button disabled, the reason beside it.
 */
@WebMvcTest(controllers = { ReviewPagesController.class, ReviewManagerController.class })
@Import({ ReviewPagesTest.Config.class, cn.jiangmen.innovation.portal.config.PortalSecurityConfiguration.class,
		ReviewPortalClient.class, cn.jiangmen.innovation.portal.talent.TalentPortalClient.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class RoundConfirmationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void confirmingIsDisabledWithTheReasonWhileAScoreSheetIsOpen() throws Exception {
		// the fake panel: a-1 submitted, a-2 (no conflict) still a draft
		this.mvc.perform(get("/review/rounds/round-1").with(user("manager", "program-manager")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-describedby=\"confirm-blocked\" disabled=\"disabled\"")))
			.andExpect(content().string(containsString("尚有 1 份评分表未提交")));
		this.mvc.perform(get("/review/rounds/round-1").param("lang", "en").with(user("manager", "program-manager")))
			.andExpect(content().string(containsString("1 score sheet(s) not submitted yet")));
	}

	@Test
	void confirmingTheRankingGoesThroughAPageOfItsOwn() throws Exception {
		// the round page only links there; nothing on it posts the confirmation
		this.mvc.perform(get("/review/rounds/round-1").with(user("manager", "program-manager")))
			.andExpect(content().string(not(containsString("action=\"/review/rounds/round-1/confirm\""))));
		this.mvc.perform(get("/review/rounds/round-1/confirm").with(user("manager", "program-manager")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认后排名即固定")))
			.andExpect(content().string(containsString("action=\"/review/rounds/round-1/confirm\"")))
			.andExpect(content().string(containsString("aria-describedby=\"confirm-question confirm-blocked\"")))
			.andExpect(content().string(containsString("尚有 1 份评分表未提交")))
			.andExpect(content().string(containsString("href=\"/review/rounds/round-1\"")));
		this.mvc.perform(get("/review/rounds/round-1/confirm").param("lang", "en").with(user("manager", "program-manager")))
			.andExpect(content().string(containsString("It cannot be undone.")));
		this.mvc.perform(get("/review/rounds/round-1/confirm").with(user("expert1", "expert")))
			.andExpect(status().isForbidden());
	}

}
