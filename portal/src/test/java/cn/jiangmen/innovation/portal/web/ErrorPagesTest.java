package cn.jiangmen.innovation.portal.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebTest
@Import(ErrorPagesTest.FailingController.class)
class ErrorPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void unknownPageIsTheTranslated404Page() throws Exception {
		this.mvc.perform(get("/no-such-page").with(TestUsers.applicant()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("页面不存在")))
			.andExpect(content().string(containsString("返回首页")));
		this.mvc.perform(get("/no-such-page").param("lang", "en").with(TestUsers.applicant()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Page not found")));
	}

	@Test
	void unexpectedFailureIsTheTranslated500PageWithoutDetails() throws Exception {
		this.mvc.perform(get("/test/boom").with(TestUsers.applicant()))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("出错了")))
			.andExpect(content().string(not(containsString("secret internals"))))
			.andExpect(content().string(not(containsString("Whitelabel"))));
	}

	@Test
	void otherClientErrorsKeepTheirStatusWithTheGeneric4xxPage() throws Exception {
		this.mvc.perform(post("/test/boom").with(TestUsers.applicant()))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().string(containsString("无法处理该请求")));
	}

	@Controller
	static class FailingController {

		@GetMapping("/test/boom")
		String boom() {
			throw new IllegalStateException("secret internals");
		}

	}

}
