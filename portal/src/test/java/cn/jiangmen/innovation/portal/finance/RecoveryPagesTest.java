package cn.jiangmen.innovation.portal.finance;

import cn.jiangmen.innovation.contracts.funding.v1.RecoveryState;
import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;
import cn.jiangmen.innovation.portal.config.PortalSecurityConfiguration;
import cn.jiangmen.innovation.portal.web.Prg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The recovery pages (追回) over a real in-process gRPC server standing in for funding-service:
 * the demands with the directory's names, a new demand with its fields checked and funding's
 * refusal named next to the amount, the decision under four eyes (the maker's approve disabled
 * with the reason, and refused by the service anyway), a rejection needing a reason, a repayment
 * recorded with the bank's reference on a confirmation page, zh-CN and English.
 */
@WebMvcTest(controllers = RecoveryPagesController.class)
@Import({ FinancePagesTest.Config.class, BatchPagesTest.Directory.class, PortalSecurityConfiguration.class,
		FundingPortalClient.class, InstrumentPortalClient.class, Beneficiaries.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class RecoveryPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeFundingService funding;

	@BeforeEach
	void reset() {
		this.funding.reset();
	}

	@Test
	void theDemandsShowAwardBeneficiaryReasonStateAndWhatEachRoleMayDo() throws Exception {
		this.mvc.perform(get("/finance/recoveries").with(user("approver2", "finance-approver")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 id=\"page-title\">资金追回</h1>")))
			.andExpect(content().string(containsString("JM-2026-ZX-0002")))
			.andExpect(content().string(containsString("五邑大学")))
			.andExpect(content().string(containsString("验收不通过")))
			.andExpect(content().string(containsString("待复核")))
			.andExpect(content().string(containsString("已批准，待结清")))
			.andExpect(content().string(containsString("href=\"/finance/recoveries/r-raised/approve\"")))
			.andExpect(content().string(not(containsString("id=\"raise-recovery\""))))
			.andExpect(content().string(containsString("href=\"/finance/recoveries?page=p2\"")));
		this.mvc.perform(get("/finance/recoveries?page=p2&lang=en").with(officer()))
			.andExpect(content().string(containsString("Settled")))
			.andExpect(content().string(containsString("Kept back from tranche t-next.")))
			.andExpect(content().string(containsString("rel=\"first\"")))
			.andExpect(content().string(containsString("id=\"raise-recovery\"")));
		this.mvc.perform(get("/finance/recoveries").with(officer()))
			.andExpect(content().string(containsString("href=\"/finance/recoveries/r-repay/repayment\"")))
			.andExpect(content().string(not(containsString("href=\"/finance/recoveries/r-raised/approve\""))));
		this.mvc.perform(get("/finance/recoveries").with(user("applicant1", "applicant"))).andExpect(status().isForbidden());
	}

	@Test
	void theMakersApproveIsDisabledWithTheReasonAndTheServiceRefusesItAnyway() throws Exception {
		var both = user("officer", "finance-officer", "finance-approver");
		this.mvc.perform(get("/finance/recoveries").with(both))
			.andExpect(content().string(containsString("aria-describedby=\"own-r-raised\"")))
			.andExpect(content().string(containsString("此项追回由您提出，须由另一位审批人员复核。")))
			.andExpect(content().string(not(containsString("href=\"/finance/recoveries/r-raised/approve\""))));
		this.mvc.perform(get("/finance/recoveries/r-raised/approve").with(both))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("disabled")));
		this.mvc.perform(post("/finance/recoveries/r-raised/approve").with(both).with(csrf()).param("key", "k-self"))
			.andExpect(status().isForbidden());
		assertThat(this.funding.recoveries.recoveries.get("r-raised").getState()).isEqualTo(RecoveryState.RECOVERY_STATE_RAISED);
		this.mvc.perform(post("/finance/recoveries/r-raised/approve").with(approver()).with(csrf()).param("key", "k-ok"))
			.andExpect(redirectedUrl("/finance/recoveries?notice=approved"));
		assertThat(this.funding.recoveries.recoveries.get("r-raised").getState())
			.isEqualTo(RecoveryState.RECOVERY_STATE_APPROVED);
	}

	@Test
	void aRejectionNeedsAReason() throws Exception {
		afterRedirect(post("/finance/recoveries/r-raised/reject").with(approver()).with(csrf()).param("key", "k")
			.param("reason", " "), approver())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写退回原因")))
			.andExpect(content().string(containsString("href=\"#reason\"")))
			.andExpect(content().string(containsString("id=\"error-reason\"")))
			.andExpect(content().string(containsString("aria-describedby=\"reason-hint error-reason\"")));
		this.mvc.perform(post("/finance/recoveries/r-raised/reject").with(approver()).with(csrf()).param("key", "k")
			.param("reason", "验收结论尚在复议"))
			.andExpect(redirectedUrl("/finance/recoveries?notice=rejected"));
		assertThat(this.funding.recoveries.calls).contains("decide r-raised RECOVERY_DECISION_REJECT 验收结论尚在复议");
	}

	@Test
	void aNewDemandIsCheckedFieldByFieldAndFundingsRefusalIsNamedAtTheAmount() throws Exception {
		this.mvc.perform(get("/finance/recoveries/new").with(user("manager", "program-manager")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("JM-2026-ZX-0002，五邑大学，已拨付 2,000,000.00 元")))
			.andExpect(content().string(not(containsString("JM-2026-RC-0007"))));
		afterRedirect(post("/finance/recoveries").with(officer()).with(csrf()).param("key", "k1"), officer())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择资助项目")))
			.andExpect(content().string(containsString("请选择追回原因")))
			.andExpect(content().string(containsString("请填写情况说明")))
			.andExpect(content().string(containsString("href=\"#method-repayment\"")));
		afterRedirect(post("/finance/recoveries").with(officer()).with(csrf()).param("key", "k2")
			.param("award", "c-2").param("reason", "failed-acceptance").param("explanation", "验收不通过")
			.param("amount", "2500000").param("method", "offset"), officer())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("追回金额超过该项资助已拨付且未被其他追回占用的金额")))
			.andExpect(content().string(containsString("id=\"error-amount\"")))
			.andExpect(content().string(containsString("aria-describedby=\"amount-hint error-amount\"")))
			.andExpect(content().string(containsString("data-error-summary")))
			.andExpect(content().string(containsString("value=\"2500000\"")))
			.andExpect(content().string(containsString("name=\"key\" value=\"k2\"")));
		this.mvc.perform(post("/finance/recoveries").with(officer()).with(csrf()).param("key", "k3")
			.param("award", "c-2").param("reason", "misconduct").param("explanation", "虚报设备采购")
			.param("amount", "500000.00").param("method", "offset"))
			.andExpect(redirectedUrl("/finance/recoveries?notice=raised"));
		assertThat(this.funding.recoveries.calls)
			.contains("raise c-2 RECOVERY_REASON_MISCONDUCT 50000000 RECOVERY_METHOD_OFFSET key=k3");
		this.mvc.perform(post("/finance/recoveries").with(approver()).with(csrf()).param("key", "k4"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRepaymentIsRecordedWithTheBanksReferenceOnAConfirmationPage() throws Exception {
		this.mvc.perform(get("/finance/recoveries/r-repay/repayment?lang=en").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Record the repayment")))
			.andExpect(content().string(containsString("This cannot be undone")));
		afterRedirect(post("/finance/recoveries/r-repay/repayment").with(officer()).with(csrf()).param("key", "k")
			.param("reference", ""), officer())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写银行到账凭证号")))
			.andExpect(content().string(containsString("href=\"#reference\"")));
		this.mvc.perform(post("/finance/recoveries/r-repay/repayment").with(officer()).with(csrf()).param("key", "k")
			.param("reference", "CCB20261205-0042"))
			.andExpect(redirectedUrl("/finance/recoveries?notice=repaid"));
		this.mvc.perform(get("/finance/recoveries?notice=repaid").with(officer()))
			.andExpect(content().string(containsString("已登记退款到账，追回已结清。")))
			.andExpect(content().string(containsString("银行到账凭证：CCB20261205-0042")));
		afterRedirect(post("/finance/recoveries/r-settled/repayment").with(officer()).with(csrf()).param("key", "k2")
			.param("reference", "X1"), officer())
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此项追回尚未批准，不能结清")));
	}

	/** A failed POST answers 303 to its form's page; what that page shows, with the flash cookie it set. */
	private ResultActions afterRedirect(MockHttpServletRequestBuilder post, RequestPostProcessor user) throws Exception {
		MvcResult failed = this.mvc.perform(post).andExpect(status().isSeeOther()).andReturn();
		return this.mvc.perform(Prg.follow(failed).with(user));
	}

}
