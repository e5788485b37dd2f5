package cn.jiangmen.innovation.portal.finance;

import cn.jiangmen.innovation.contracts.funding.v1.VoucherState;
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
 * The voucher pages (科技创新券) over a real in-process gRPC server standing in for funding-service:
 * the enterprise's own vouchers, the provider's vouchers redeemed with it (and nobody else's),
 * finance's list with what each enterprise was issued per year, the issue (form, GOV.UK errors
 * naming the field after a 303, confirmation, funding's refusal), settlement prepared by an
 * officer and decided under four eyes (the maker's approve disabled with the reason, and refused
 * by the service anyway), zh-CN and English, the nav links per role.
 */
@WebMvcTest(controllers = VoucherPagesController.class)
@Import({ FinancePagesTest.Config.class, BatchPagesTest.Directory.class, PortalSecurityConfiguration.class,
		FundingPortalClient.class, InstrumentPortalClient.class, Beneficiaries.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class VoucherPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeFundingService funding;

	@BeforeEach
	void reset() {
		this.funding.reset();
	}

	@Test
	void anEnterpriseSeesItsVouchersWithShareExpiryStateAndWhereRedeemed() throws Exception {
		this.mvc.perform(get("/funding/vouchers").with(user("applicant1", "applicant")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 id=\"page-title\">本单位科技创新券</h1>")))
			.andExpect(content().string(containsString("id=\"voucher-v-issued\"")))
			.andExpect(content().string(containsString("最高 50%")))
			.andExpect(content().string(containsString("2026-12-31")))
			.andExpect(content().string(containsString("200,000.00")))
			.andExpect(content().string(containsString("尚未兑付")))
			.andExpect(content().string(containsString("五邑大学")))
			.andExpect(content().string(containsString("合同 JM-SVC-001，创新券抵扣 150,000.00")))
			.andExpect(content().string(containsString("结算待复核")))
			.andExpect(content().string(not(containsString("voucher-v-other"))))
			.andExpect(content().string(containsString("href=\"/funding/vouchers/redeemed\"")))
			// the yearly cap of the year's rules, what was issued (three vouchers of 200,000.00) and what remains
			.andExpect(content().string(containsString("本单位创新券年度额度")))
			.andExpect(content().string(containsString("id=\"allowance-2026\"")))
			.andExpect(content().string(containsString("500,000.00")))
			.andExpect(content().string(containsString("600,000.00")));
		assertThat(this.funding.vouchers.calls).contains("allowance applicant1  2026");
		this.mvc.perform(get("/funding/vouchers?lang=en").with(user("applicant1", "applicant")))
			.andExpect(content().string(containsString("Our innovation vouchers")))
			.andExpect(content().string(containsString("Our yearly voucher cap")))
			.andExpect(content().string(containsString("Remaining")))
			.andExpect(content().string(containsString("up to 50%")))
			.andExpect(content().string(containsString("Not redeemed yet")));
		this.mvc.perform(get("/funding/vouchers").with(officer())).andExpect(status().isForbidden());
	}

	@Test
	void aProviderSeesOnlyTheVouchersRedeemedWithIt() throws Exception {
		this.mvc.perform(get("/funding/vouchers/redeemed").with(user("applicant2", "applicant")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("在本机构兑付的创新券")))
			.andExpect(content().string(containsString("id=\"voucher-v-redeemed\"")))
			.andExpect(content().string(containsString("id=\"voucher-v-prepared\"")))
			.andExpect(content().string(containsString("江门市光电科技有限公司")))
			.andExpect(content().string(not(containsString("voucher-v-issued"))))
			.andExpect(content().string(not(containsString("voucher-v-other"))));
		this.mvc.perform(get("/funding/vouchers").with(user("applicant2", "applicant")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本单位尚未获发创新券。")));
		this.mvc.perform(get("/finance/vouchers").with(user("applicant2", "applicant")))
			.andExpect(status().isForbidden());
	}

	@Test
	void financeSeesEveryVoucherWithWhatEachEnterpriseWasIssuedThisYear() throws Exception {
		this.mvc.perform(get("/finance/vouchers").with(user("auditor", "auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("各企业年度已发放额度")))
			.andExpect(content().string(containsString("600,000.00")))
			.andExpect(content().string(containsString("年度上限")))
			.andExpect(content().string(containsString("剩余额度")))
			// the other enterprise: 200,000.00 of its 500,000.00 issued, 300,000.00 remain
			.andExpect(content().string(containsString("300,000.00")))
			.andExpect(content().string(containsString("voucher-v-other")))
			.andExpect(content().string(containsString("凭证：发票 No. 44070012")))
			.andExpect(content().string(containsString("结算经办人：officer")))
			.andExpect(content().string(not(containsString("id=\"issue-voucher\""))))
			.andExpect(content().string(not(containsString("/finance/vouchers/v-redeemed/prepare"))))
			.andExpect(content().string(containsString("href=\"/finance/vouchers\"")));
		this.mvc.perform(get("/finance/vouchers").with(officer()))
			.andExpect(content().string(containsString("href=\"/finance/vouchers/v-redeemed/prepare\"")))
			.andExpect(content().string(not(containsString("href=\"/finance/vouchers/v-prepared/approve\""))));
		this.mvc.perform(get("/finance/vouchers?lang=en").with(user("manager", "program-manager")))
			.andExpect(content().string(containsString("Issued per enterprise and year")))
			.andExpect(content().string(containsString("id=\"issue-voucher\"")));
	}

	@Test
	void issuingChecksTheFieldsConfirmsAndNamesFundingsRefusal() throws Exception {
		var manager = user("manager", "program-manager");
		MvcResult empty = this.mvc.perform(post("/finance/vouchers/issue").with(manager).with(csrf())
			.param("enterprise", " ").param("year", "20x6").param("amount", "12.345").param("key", "k1"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/finance/vouchers/issue"))
			.andReturn();
		this.mvc.perform(Prg.follow(empty).with(manager))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#enterprise\"")))
			.andExpect(content().string(containsString("请填写企业")))
			.andExpect(content().string(containsString("请以四位数字填写预算年度")))
			.andExpect(content().string(containsString("金额最多保留两位小数（分）")))
			.andExpect(content().string(containsString("value=\"20x6\"")))
			.andExpect(content().string(containsString("name=\"key\" value=\"k1\"")));
		MvcResult malformed = this.mvc.perform(post("/finance/vouchers/issue").with(manager).with(csrf())
			.param("enterprise", "not-an-id").param("year", "2026").param("amount", "1000").param("key", "k2")
			.param("confirmed", "1"))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(malformed).param("lang", "en").with(manager))
			.andExpect(content().string(containsString("Enter the enterprise&#39;s directory id (a UUID)")))
			.andExpect(content().string(containsString("aria-describedby=\"enterprise-hint error-enterprise\"")));
		this.mvc.perform(post("/finance/vouchers/issue").with(manager).with(csrf()).param("enterprise", FakeVouchers.ORG_1)
			.param("year", "2026").param("amount", "200000").param("key", "k3"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/finance/vouchers/issue/confirm?enterprise=" + FakeVouchers.ORG_1
					+ "&year=2026&amount=200000&key=k3"));
		assertThat(this.funding.vouchers.calls).noneMatch(c -> c.startsWith("issue " + FakeVouchers.ORG_1));
		this.mvc.perform(get("/finance/vouchers/issue/confirm").with(manager).param("enterprise", FakeVouchers.ORG_1)
			.param("year", "2026").param("amount", "200000").param("key", "k3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认发放此创新券？")))
			.andExpect(content().string(containsString("江门市光电科技有限公司")))
			.andExpect(content().string(containsString("200,000.00")))
			.andExpect(content().string(containsString("此操作不可撤销")))
			.andExpect(content().string(containsString("name=\"confirmed\" value=\"1\"")));
		this.mvc.perform(post("/finance/vouchers/issue").with(manager).with(csrf()).param("enterprise", FakeVouchers.ORG_1)
			.param("year", "2026").param("amount", "200000").param("key", "k3").param("confirmed", "1"))
			.andExpect(redirectedUrl("/finance/vouchers?notice=issued"));
		assertThat(this.funding.vouchers.calls).contains("issue " + FakeVouchers.ORG_1 + " 2026 20000000 key=k3");
		MvcResult capped = this.mvc.perform(post("/finance/vouchers/issue").with(manager).with(csrf())
			.param("enterprise", FakeVouchers.ORG_1).param("year", "2026").param("amount", "600000").param("key", "k4")
			.param("confirmed", "1"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/finance/vouchers/issue"))
			.andReturn();
		this.mvc.perform(Prg.follow(capped).with(manager))
			.andExpect(content().string(containsString("发放后将超过该企业的年度创新券上限，未发放。")));
		this.mvc.perform(get("/finance/vouchers/issue").with(officer())).andExpect(status().isForbidden());
		this.mvc.perform(post("/finance/vouchers/issue").with(officer()).with(csrf()).param("enterprise", FakeVouchers.ORG_1)
			.param("year", "2026").param("amount", "1").param("confirmed", "1"))
			.andExpect(status().isForbidden());
	}

	@Test
	void settlementIsPreparedOnEvidenceAndDecidedByAnotherApprover() throws Exception {
		MvcResult noEvidence = this.mvc.perform(post("/finance/vouchers/v-redeemed/prepare").with(officer()).with(csrf())
			.param("key", "k1").param("evidence", " "))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/finance/vouchers/v-redeemed/prepare"))
			.andReturn();
		this.mvc.perform(Prg.follow(noEvidence).with(officer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写发票或合同凭证号")))
			.andExpect(content().string(containsString("href=\"#evidence\"")));
		this.mvc.perform(post("/finance/vouchers/v-redeemed/prepare").with(officer()).with(csrf()).param("key", "k2")
			.param("evidence", "INV-2026-0042"))
			.andExpect(redirectedUrl("/finance/vouchers?notice=prepared"));
		assertThat(this.funding.vouchers.vouchers.get("v-redeemed").getState())
			.isEqualTo(VoucherState.VOUCHER_STATE_SETTLEMENT_PREPARED);

		var both = user("officer", "finance-officer", "finance-approver");
		this.mvc.perform(get("/finance/vouchers").with(both))
			.andExpect(content().string(containsString("aria-describedby=\"own-v-prepared\"")))
			.andExpect(content().string(containsString("此项结算由您经办，须由另一位审批人员复核。")))
			.andExpect(content().string(not(containsString("href=\"/finance/vouchers/v-prepared/approve\""))));
		this.mvc.perform(get("/finance/vouchers/v-prepared/approve").with(both))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("disabled")));
		this.mvc.perform(post("/finance/vouchers/v-prepared/approve").with(both).with(csrf()).param("key", "k-self"))
			.andExpect(status().isForbidden());
		assertThat(this.funding.vouchers.vouchers.get("v-prepared").getState())
			.isEqualTo(VoucherState.VOUCHER_STATE_SETTLEMENT_PREPARED);

		MvcResult noReason = this.mvc.perform(post("/finance/vouchers/v-prepared/reject").with(approver()).with(csrf())
			.param("key", "k3").param("reason", ""))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(noReason).param("lang", "en").with(approver()))
			.andExpect(content().string(containsString("Enter the reason for rejection")));
		this.mvc.perform(get("/finance/vouchers/v-prepared/approve?lang=en").with(approver()))
			.andExpect(content().string(containsString("The amount becomes payable to the provider. This cannot be undone.")));
		this.mvc.perform(post("/finance/vouchers/v-prepared/approve").with(approver()).with(csrf()).param("key", "k4"))
			.andExpect(redirectedUrl("/finance/vouchers?notice=approved"));
		assertThat(this.funding.vouchers.vouchers.get("v-prepared").getState())
			.isEqualTo(VoucherState.VOUCHER_STATE_SETTLED);
		MvcResult again = this.mvc.perform(post("/finance/vouchers/v-prepared/approve").with(approver()).with(csrf())
			.param("key", "k5"))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(again).with(approver()))
			.andExpect(content().string(containsString("创新券当前状态不允许此操作，未作任何更改。")));
		this.mvc.perform(post("/finance/vouchers/v-redeemed/approve").with(officer()).with(csrf()).param("key", "k6"))
			.andExpect(status().isForbidden());
	}

}
