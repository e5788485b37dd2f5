package cn.jiangmen.innovation.portal.finance;

import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.funding.v1.TrancheState;
import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;
import cn.jiangmen.innovation.platform.organisation.InMemoryOrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;
import cn.jiangmen.innovation.portal.config.PortalSecurityConfiguration;
import cn.jiangmen.innovation.portal.web.Prg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.jiangmen.innovation.portal.finance.FinancePagesTest.approver;
import static cn.jiangmen.innovation.portal.finance.FinancePagesTest.officer;
import static cn.jiangmen.innovation.portal.finance.FinancePagesTest.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The payment batch pages over a real in-process gRPC server standing in for funding-service:
 * approved and bank-refused tranches waiting with the directory's names, a batch made on a
 * confirmation page with one idempotency key, its lines, totals and files, sent on a confirmation
 * page, the bank's answer checked field by field then confirmed, a refused line back in the queue
 * with the bank's reason, the list paginated by the service's token, zh-CN and English.
 */
@WebMvcTest(controllers = BatchPagesController.class)
@Import({ FinancePagesTest.Config.class, BatchPagesTest.Directory.class, PortalSecurityConfiguration.class,
		FundingPortalClient.class, InstrumentPortalClient.class, Beneficiaries.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class BatchPagesTest {

	@TestConfiguration(proxyBeanMethods = false)
	static class Directory {

		/** The realm's demo organisations, as the directory names them. */
		@Bean
		OrganisationDirectory organisationDirectory() {
			return new InMemoryOrganisationDirectory(List.of(
					new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001"), "江门市光电科技有限公司",
							"91440703MA4UJM0L1T", OrganisationKind.ENTERPRISE, "江门市蓬江区"),
					new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002"), "五邑大学",
							"12440700455870000R", OrganisationKind.UNIVERSITY, "江门市蓬江区")));
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeFundingService funding;

	@BeforeEach
	void reset() {
		this.funding.reset();
	}

	@Test
	void tranchesWaitingForPaymentShowTheDirectorysNamesAndTheBanksReason() throws Exception {
		this.mvc.perform(get("/finance/batches").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 id=\"page-title\">支付批次</h1>")))
			.andExpect(content().string(containsString("id=\"payable-t-approved\"")))
			.andExpect(content().string(containsString("江门市光电科技有限公司")))
			.andExpect(content().string(containsString("五邑大学")))
			.andExpect(content().string(containsString("银行回执：AC04 账户已销户")))
			.andExpect(content().string(containsString("name=\"tranche\"")))
			.andExpect(content().string(containsString("生成支付批次")))
			.andExpect(content().string(containsString("href=\"/finance/batches/b-sent\"")))
			.andExpect(content().string(containsString("已发送银行")))
			.andExpect(content().string(not(containsString("id=\"payable-t-due\""))));
		this.mvc.perform(get("/finance/batches?lang=en").with(approver()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Waiting for payment")))
			.andExpect(content().string(containsString("The bank said: AC04 账户已销户")))
			.andExpect(content().string(not(containsString("name=\"tranche\""))))
			.andExpect(content().string(not(containsString("Make a payment batch"))));
		this.mvc.perform(get("/finance/batches").with(user("applicant1", "applicant")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/finance/batches/new?tranche=t-approved").with(approver()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBatchIsMadeOnAConfirmationPageWithOneKeyAndChoosingNothingIsSaidNextToTheList() throws Exception {
		this.mvc.perform(get("/finance/batches/new").with(officer()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请至少选择一笔款项")))
			.andExpect(content().string(containsString("href=\"#tranches\"")))
			.andExpect(content().string(containsString("id=\"error-tranches\"")));
		String page = this.mvc.perform(get("/finance/batches/new?tranche=t-approved&tranche=t-failed").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认生成支付批次")))
			.andExpect(content().string(containsString("本批次 2 笔款项")))
			.andExpect(content().string(containsString("<td class=\"money\" id=\"batch-total\">1,750,000.00</td>")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String key = page.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
		assertThat(key).hasSize(36);
		this.mvc.perform(post("/finance/batches").with(officer()).with(csrf()).param("key", key)
			.param("tranche", "t-approved", "t-failed"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/finance/batches/b-2?notice=created"));
		assertThat(this.funding.batches.calls).contains("create [t-approved, t-failed] key=" + key);
		this.mvc.perform(get("/finance/batches/b-2?notice=created").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已生成支付批次")))
			.andExpect(content().string(containsString("已生成，待发送")))
			.andExpect(content().string(containsString("href=\"/finance/batches/b-2/send\"")))
			.andExpect(content().string(containsString("href=\"/finance/batches/b-2/pain001\"")))
			.andExpect(content().string(containsString("href=\"/finance/batches/b-2/csv\"")))
			.andExpect(content().string(containsString("账户名：账户名1")))
			.andExpect(content().string(containsString("<td class=\"money\" id=\"batch-total\">1,750,000.00</td>")));
		this.mvc.perform(get("/finance/batches").with(officer()))
			.andExpect(content().string(not(containsString("id=\"payable-t-approved\""))));
	}

	@Test
	void aBeneficiaryWithoutAnAccountIsRefusedInWordsAndNothingIsMade() throws Exception {
		afterRedirect(post("/finance/batches").with(officer()).with(csrf()).param("key", "k-1")
			.param("tranche", "t-noaccount"), officer())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("尚未登记银行账户")))
			.andExpect(content().string(containsString("无账户科技有限公司")));
		assertThat(this.funding.batches.order).containsExactly("b-sent");
		afterRedirect(post("/finance/batches").with(officer()).with(csrf()).param("key", "k-2"), officer())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请至少选择一笔款项")));
	}

	@Test
	void sendingAndTheBanksAnswerGoThroughConfirmationsAndARefusedLineComesBackToTheQueue() throws Exception {
		this.mvc.perform(post("/finance/batches").with(officer()).with(csrf()).param("key", "k-make")
			.param("tranche", "t-approved"))
			.andExpect(redirectedUrl("/finance/batches/b-2?notice=created"));
		this.mvc.perform(get("/finance/batches/b-2/send").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认发送银行")))
			.andExpect(content().string(containsString("不可撤回")));
		this.mvc.perform(get("/finance/batches/b-2/send").with(approver())).andExpect(status().isForbidden());
		this.mvc.perform(post("/finance/batches/b-2/send").with(officer()).with(csrf()).param("key", "k-send"))
			.andExpect(redirectedUrl("/finance/batches/b-2?notice=sent"));
		assertThat(this.funding.batches.calls).contains("send b-2 key=k-send");
		afterRedirect(post("/finance/batches/b-2/send").with(officer()).with(csrf()).param("key", "k-send-2"), officer())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此批次刚被他人修改")));
		this.mvc.perform(get("/finance/batches/b-2").with(officer()))
			.andExpect(content().string(containsString("href=\"/finance/batches/b-2/answer\"")))
			.andExpect(content().string(not(containsString("href=\"/finance/batches/b-2/send\""))));

		this.mvc.perform(get("/finance/batches/b-2/answer").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"answer-1\"")))
			.andExpect(content().string(containsString("第 1 笔：江门市光电科技有限公司，1,500,000.00 元")));
		afterRedirect(post("/finance/batches/b-2/answer").with(officer()).with(csrf()).param("key", "k-answer")
			.param("answer-1", "rejected").param("reason-1", " "), officer())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写银行退回原因")))
			.andExpect(content().string(containsString("href=\"#reason-1\"")))
			.andExpect(content().string(containsString("id=\"error-reason-1\"")));
		afterRedirect(post("/finance/batches/b-2/answer").with(officer()).with(csrf()).param("key", "k-answer"), officer())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请至少登记一笔款项的银行回执")));
		this.mvc.perform(post("/finance/batches/b-2/answer").with(officer()).with(csrf()).param("key", "k-answer")
			.param("answer-1", "rejected").param("reason-1", "AC01 账号有误"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认银行回执")))
			.andExpect(content().string(containsString("AC01 账号有误")))
			.andExpect(content().string(containsString("name=\"reason-1\" value=\"AC01 账号有误\"")));
		assertThat(this.funding.batches.calls).noneMatch(c -> c.startsWith("confirm"));
		this.mvc.perform(post("/finance/batches/b-2/answer/confirmed").with(officer()).with(csrf())
			.param("key", "k-answer").param("answer-1", "rejected").param("reason-1", "AC01 账号有误"))
			.andExpect(redirectedUrl("/finance/batches/b-2?notice=answered"));
		assertThat(this.funding.batches.calls).contains("confirm b-2 B-2-1=RJCT:AC01 账号有误");
		this.mvc.perform(get("/finance/batches/b-2?notice=answered").with(officer()))
			.andExpect(content().string(containsString("已登记银行回执")))
			.andExpect(content().string(containsString("银行已全部回执")))
			.andExpect(content().string(containsString("银行回执：AC01 账号有误")));
		assertThat(this.funding.tranches.get("t-approved").getTranche().getState())
			.isEqualTo(TrancheState.TRANCHE_STATE_FAILED);
		this.mvc.perform(get("/finance/batches").with(officer()))
			.andExpect(content().string(containsString("id=\"payable-t-approved\"")))
			.andExpect(content().string(containsString("银行回执：AC01 账号有误")));
	}

	@Test
	void paidLinesAreConfirmedAndLinesLeftOpenStayWithTheBank() throws Exception {
		this.mvc.perform(post("/finance/batches/b-sent/answer?lang=en").with(officer()).with(csrf()).param("key", "k")
			.param("answer-1", "paid").param("answer-2", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check the bank’s answer")))
			.andExpect(content().string(containsString("1 more lines have no answer yet")));
		this.mvc.perform(post("/finance/batches/b-sent/answer/confirmed").with(officer()).with(csrf()).param("key", "k")
			.param("answer-1", "paid"))
			.andExpect(redirectedUrl("/finance/batches/b-sent?notice=answered"));
		assertThat(this.funding.batches.calls).contains("confirm b-sent B-SENT-1=ACSC");
		this.mvc.perform(get("/finance/batches/b-sent?lang=en").with(approver()))
			.andExpect(content().string(containsString("<title>Payment batch JMPAY-20261130-0001")))
			.andExpect(content().string(containsString("id=\"batch-reference\">JMPAY-20261130-0001<")))
			.andExpect(content().string(containsString("With the bank")))
			.andExpect(content().string(containsString(">Paid<")))
			.andExpect(content().string(not(containsString("href=\"/finance/batches/b-sent/answer\""))));
	}

	@Test
	void theFilesAreServedAsFundingMadeThem() throws Exception {
		this.mvc.perform(get("/finance/batches/b-sent/pain001").with(approver()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/xml")))
			.andExpect(header().string("Content-Disposition", containsString("JMPAY-20261130-0001.xml")))
			.andExpect(header().string("X-Checksum-SHA256", "c0ffee"))
			.andExpect(content().string(containsString("<MsgId>JMPAY-20261130-0001</MsgId>")));
		this.mvc.perform(get("/finance/batches/b-sent/csv").with(officer()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("JMPAY-20261130-0001.csv")))
			.andExpect(content().string(containsString("TOTAL,2")));
		this.mvc.perform(get("/finance/batches/b-none").with(officer())).andExpect(status().isNotFound());
	}

	@Test
	void theBatchesArePagedByTheServicesToken() throws Exception {
		this.mvc.perform(post("/finance/batches").with(officer()).with(csrf()).param("key", "a").param("tranche", "t-approved"));
		this.mvc.perform(post("/finance/batches").with(officer()).with(csrf()).param("key", "b").param("tranche", "t-failed"));
		this.mvc.perform(get("/finance/batches").with(officer()))
			.andExpect(content().string(containsString("href=\"/finance/batches/b-3\"")))
			.andExpect(content().string(containsString("href=\"/finance/batches/b-2\"")))
			.andExpect(content().string(not(containsString("href=\"/finance/batches/b-sent\""))))
			.andExpect(content().string(containsString("href=\"/finance/batches?page=p2\"")))
			.andExpect(content().string(not(containsString("rel=\"first\""))));
		this.mvc.perform(get("/finance/batches?page=p2").with(officer()))
			.andExpect(content().string(containsString("href=\"/finance/batches/b-sent\"")))
			.andExpect(content().string(containsString("rel=\"first\"")))
			.andExpect(content().string(not(containsString("rel=\"next\""))));
		assertThat(this.funding.batches.calls).contains("list size=20 token=p2");
	}

	/** A failed POST answers 303 to its form's page; what that page shows, with the flash cookie it set. */
	private ResultActions afterRedirect(MockHttpServletRequestBuilder post, RequestPostProcessor user) throws Exception {
		MvcResult failed = this.mvc.perform(post).andExpect(status().isSeeOther()).andReturn();
		return this.mvc.perform(Prg.follow(failed).with(user));
	}

}
