package cn.jiangmen.innovation.portal.finance;

import cn.jiangmen.innovation.platform.config.PlatformSecurityAutoConfiguration;
import cn.jiangmen.innovation.portal.config.PortalSecurityConfiguration;
import cn.jiangmen.innovation.portal.web.Prg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
 * Subsidy claims (后补助, 贷款贴息) beside the tranches in the finance inbox, their payment under four
 * eyes on confirmation pages (the maker's approval disabled with the reason and refused by the
 * service anyway; a rejection needs a reason, POST-redirect-GET), the inbox's filters, and the
 * applicant's own claims on their funding page, against the in-process fake of funding-service.
 */
@WebMvcTest(controllers = { FinanceInboxController.class, SubsidyClaimPagesController.class, AwardPagesController.class })
@Import({ FinancePagesTest.Config.class, PortalSecurityConfiguration.class, FundingPortalClient.class,
		InstrumentPortalClient.class, Beneficiaries.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class SubsidyClaimPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeFundingService funding;

	@BeforeEach
	void reset() {
		this.funding.reset();
	}

	@Test
	void theInboxShowsClaimsBesideTheTranchesPerQueueAndFilters() throws Exception {
		this.mvc.perform(get("/finance/inbox").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("资助分期款项")))
			.andExpect(content().string(containsString("补助申领")))
			.andExpect(content().string(containsString("id=\"claim-sc-reviewed\"")))
			.andExpect(content().string(containsString("JM-LOAN-2026-001")))
			.andExpect(content().string(containsString("贷款贴息")))
			.andExpect(content().string(containsString("31,000.00")))
			.andExpect(content().string(containsString("href=\"/finance/subsidy-claims/sc-reviewed/prepare\"")))
			.andExpect(content().string(not(containsString("claim-sc-prepared"))))
			.andExpect(content().string(not(containsString("claim-sc-submitted"))));
		this.mvc.perform(get("/finance/inbox?tab=rejected&lang=en").with(officer()))
			.andExpect(content().string(containsString("Subsidy claims")))
			.andExpect(content().string(containsString("id=\"claim-sc-rejected\"")))
			.andExpect(content().string(containsString("贷款合同缺少第 3 页")))
			.andExpect(content().string(containsString("href=\"/finance/subsidy-claims/sc-rejected/prepare\"")));
		this.mvc.perform(get("/finance/inbox?tab=prepare&kind=post-subsidy&year=2026").with(officer()))
			.andExpect(content().string(not(containsString("claim-sc-reviewed"))))
			.andExpect(content().string(containsString("没有待经办的补助申领。")))
			.andExpect(content().string(containsString("<option value=\"post-subsidy\" selected=\"selected\">")));
		assertThat(this.funding.claims.calls)
			.contains("list officer SUBSIDY_CLAIM_QUEUE_TO_PREPARE SUBSIDY_KIND_POST_SUBSIDY 2026");
		this.mvc.perform(get("/finance/inbox?tab=prepare&kind=nonsense&year=abc").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("claim-sc-reviewed")));
	}

	@Test
	void anOfficerPreparesOnAConfirmationPageWithTheKeyOfThePage() throws Exception {
		this.mvc.perform(get("/finance/subsidy-claims/sc-reviewed/prepare").with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("经办此项补助申领的支付")))
			.andExpect(content().string(containsString("贷款合同")))
			.andExpect(content().string(containsString("JM-LOAN-2026-001")));
		this.mvc.perform(post("/finance/subsidy-claims/sc-reviewed/prepare").with(officer()).with(csrf()).param("key", "k1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/finance/inbox?tab=approve&notice=claim-prepared"));
		assertThat(this.funding.claims.calls).contains("prepare sc-reviewed key=k1");
		MvcResult again = this.mvc.perform(post("/finance/subsidy-claims/sc-reviewed/prepare").with(officer()).with(csrf())
			.param("key", "k2"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/finance/subsidy-claims/sc-reviewed/prepare"))
			.andReturn();
		// prepared meanwhile: the claim has left the queue, so its confirmation page is gone (404), as for tranches
		this.mvc.perform(Prg.follow(again).with(officer())).andExpect(status().isNotFound());
		this.mvc.perform(get("/finance/subsidy-claims/sc-prepared/prepare").with(officer())).andExpect(status().isNotFound());
		this.mvc.perform(get("/finance/subsidy-claims/sc-reviewed/prepare").with(approver())).andExpect(status().isForbidden());
	}

	@Test
	void theMakerCannotApproveTheirOwnPaymentAndAnotherApproverDecides() throws Exception {
		JwtRequestPostProcessor both = user("officer", "finance-officer", "finance-approver");
		this.mvc.perform(get("/finance/inbox?tab=approve").with(both))
			.andExpect(content().string(containsString("aria-describedby=\"own-claim-sc-prepared\"")))
			.andExpect(content().string(containsString("此笔支付由您经办，须由另一位审批人员复核。")))
			.andExpect(content().string(not(containsString("href=\"/finance/subsidy-claims/sc-prepared/approve\""))));
		this.mvc.perform(get("/finance/subsidy-claims/sc-prepared/approve").with(both))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"own-work\"")))
			.andExpect(content().string(containsString("disabled=\"disabled\"")));
		this.mvc.perform(post("/finance/subsidy-claims/sc-prepared/approve").with(both).with(csrf()).param("key", "k3"))
			.andExpect(status().isForbidden());
		assertThat(this.funding.claims.claims.get("sc-prepared").getState().name())
			.isEqualTo("SUBSIDY_CLAIM_STATE_PAYMENT_PREPARED");
		this.mvc.perform(get("/finance/inbox?tab=approve").with(approver()))
			.andExpect(content().string(containsString("href=\"/finance/subsidy-claims/sc-prepared/approve\"")));
		this.mvc.perform(post("/finance/subsidy-claims/sc-prepared/approve").with(approver()).with(csrf()).param("key", "k4"))
			.andExpect(redirectedUrl("/finance/inbox?tab=approve&notice=claim-approved"));
		assertThat(this.funding.claims.calls).contains("decide sc-prepared INSTRUMENT_DECISION_APPROVE ");
		this.mvc.perform(get("/finance/inbox?tab=approve&notice=claim-approved&lang=en").with(approver()))
			.andExpect(content().string(containsString("The subsidy payment is approved")));
	}

	@Test
	void aRejectionNeedsAReasonNamedNextToTheField() throws Exception {
		MvcResult failed = this.mvc.perform(post("/finance/subsidy-claims/sc-prepared/reject").with(approver()).with(csrf())
			.param("key", "k5")
			.param("reason", " "))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/finance/subsidy-claims/sc-prepared/reject"))
			.andReturn();
		this.mvc.perform(Prg.follow(failed).with(approver()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-error-summary")))
			.andExpect(content().string(containsString("请填写退回原因")))
			.andExpect(content().string(containsString("href=\"#reason\"")))
			.andExpect(content().string(containsString("name=\"key\" value=\"k5\"")));
		this.mvc.perform(Prg.follow(failed).param("lang", "en").with(approver()))
			.andExpect(content().string(containsString("Enter the reason for rejection")));
		this.mvc.perform(post("/finance/subsidy-claims/sc-prepared/reject").with(approver()).with(csrf()).param("key", "k6")
			.param("reason", "认定文件印章不清"))
			.andExpect(redirectedUrl("/finance/inbox?tab=rejected&notice=claim-rejected"));
		this.mvc.perform(get("/finance/inbox?tab=rejected").with(officer()))
			.andExpect(content().string(containsString("认定文件印章不清")));
	}

	@Test
	void theApplicantSeesTheirOwnClaimsOnTheirFundingPage() throws Exception {
		JwtRequestPostProcessor applicant = user("applicant1", "applicant");
		this.mvc.perform(get("/funding/awards").with(applicant))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本单位补助申领")))
			.andExpect(content().string(containsString("JM-LOAN-2026-003")))
			.andExpect(content().string(containsString("已申领，待审核")))
			.andExpect(content().string(containsString("贷款合同缺少第 3 页")))
			.andExpect(content().string(not(containsString("粤科函"))))
			.andExpect(content().string(not(containsString("/finance/subsidy-claims/"))));
		this.mvc.perform(get("/funding/awards?lang=en").with(user("applicant2", "applicant")))
			.andExpect(content().string(containsString("Our subsidy claims")))
			.andExpect(content().string(containsString("Payment waiting for approval")))
			.andExpect(content().string(not(containsString("JM-LOAN-2026-003"))));
		this.mvc.perform(get("/finance/subsidy-claims/sc-reviewed/prepare").with(applicant)).andExpect(status().isForbidden());
	}

}
