package cn.jiangmen.innovation.portal.finance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.funding.v1.VoucherState;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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
 * An enterprise redeems its voucher in the portal (issue 11), over the in-process funding fake
 * playing funding's RedeemVoucher rules ({@link FakeVoucherRedemptions}): the link on the holder's
 * issued, unexpired vouchers only; the form (provider by name among the directory's providers,
 * contract reference, price in yuan) with GOV.UK errors naming the field after a 303; the
 * confirmation with what the voucher pays; RedeemVoucher with the key of the first attempt (a
 * second click redeems nothing more); funding's refusals (not a registered provider, redeemed
 * already, expired) back on the form; nobody but the holder's users sees the form or redeems.
 */
@WebMvcTest(controllers = { VoucherPagesController.class, VoucherRedeemController.class })
@Import({ FinancePagesTest.Config.class, VoucherRedeemPagesTest.Directory.class, PortalSecurityConfiguration.class,
		FundingPortalClient.class, InstrumentPortalClient.class, Beneficiaries.class })
@ImportAutoConfiguration(PlatformSecurityAutoConfiguration.class)
class VoucherRedeemPagesTest {

	/** A service agency of the directory that funding has not registered as a provider. */
	static final String AGENCY = "7d1c2a8e-0000-4000-8000-000000000003";

	@TestConfiguration(proxyBeanMethods = false)
	static class Directory {

		@Bean
		OrganisationDirectory organisationDirectory() {
			return new InMemoryOrganisationDirectory(List.of(
					new Organisation(UUID.fromString(FakeVouchers.ORG_1), "江门市光电科技有限公司", "91440703MA4UJM0L1T",
							OrganisationKind.ENTERPRISE, "江门市蓬江区"),
					new Organisation(UUID.fromString(FakeVouchers.ORG_2), "五邑大学", "12440700455870000R",
							OrganisationKind.UNIVERSITY, "江门市蓬江区"),
					new Organisation(UUID.fromString(AGENCY), "江门市科技成果转化服务中心", "12440700MB2C00001X",
							OrganisationKind.SERVICE_AGENCY, "江门市蓬江区")));
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	FakeFundingService funding;

	final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@BeforeEach
	void reset() {
		this.funding.reset();
		// redeemable whatever day the test runs
		expires("v-issued", this.today.plusDays(30));
	}

	private void expires(String id, LocalDate on) {
		var v = this.funding.vouchers.vouchers.get(id);
		this.funding.vouchers.put(v.toBuilder().setExpiresOn(on.toString()).build());
	}

	private MockHttpServletRequestBuilder redeem(String id) {
		return post("/funding/vouchers/" + id + "/redeem").with(user("applicant1", "applicant")).with(csrf());
	}

	@Test
	void theHolderRedeemsThroughFormAndConfirmationOnceWhateverTheClicks() throws Exception {
		var holder = user("applicant1", "applicant");
		this.mvc.perform(get("/funding/vouchers").with(holder))
			.andExpect(content().string(containsString("href=\"/funding/vouchers/v-issued/redeem\"")))
			.andExpect(content().string(containsString(">使用</a>")))
			.andExpect(content().string(not(containsString("/funding/vouchers/v-redeemed/redeem"))))
			.andExpect(content().string(not(containsString("/funding/vouchers/v-prepared/redeem"))));
		this.mvc.perform(get("/funding/vouchers/v-issued/redeem").with(holder))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1 id=\"page-title\">使用科技创新券</h1>")))
			.andExpect(content().string(containsString("<option value=\"五邑大学\">")))
			.andExpect(content().string(containsString("<option value=\"江门市科技成果转化服务中心\">")))
			.andExpect(content().string(not(containsString("<option value=\"江门市光电科技有限公司\">"))))
			.andExpect(content().string(containsString("创新券抵扣其中的 50%，不超过面值 200,000.00 元")))
			.andExpect(content().string(containsString("name=\"key\" value=\"")));
		this.mvc.perform(redeem("v-issued").param("provider", " 五邑大学 ").param("reference", "JM-SVC-100")
			.param("price", "300000").param("key", "k1"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(
					"/funding/vouchers/v-issued/redeem/confirm?provider=%E4%BA%94%E9%82%91%E5%A4%A7%E5%AD%A6&reference=JM-SVC-100&price=300000&key=k1"));
		assertThat(this.funding.vouchers.calls).noneMatch(c -> c.startsWith("redeem"));
		// the share of the price, and the face value where the share is more
		this.mvc.perform(get("/funding/vouchers/v-issued/redeem/confirm").with(holder).param("provider", "五邑大学")
			.param("reference", "JM-SVC-100").param("price", "300000").param("key", "k1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("确认使用此创新券？")))
			.andExpect(content().string(containsString("300,000.00")))
			.andExpect(content().string(containsString("150,000.00 元（合同金额的 50%，不超过面值）")))
			.andExpect(content().string(containsString("不可撤销")))
			.andExpect(content().string(containsString("name=\"key\" value=\"k1\"")))
			.andExpect(content().string(containsString("name=\"confirmed\" value=\"1\"")));
		this.mvc.perform(get("/funding/vouchers/v-issued/redeem/confirm?lang=en").with(holder).param("provider", "五邑大学")
			.param("reference", "JM-SVC-100").param("price", "1000000").param("key", "k1"))
			.andExpect(content().string(containsString("Redeem this voucher?")))
			.andExpect(content().string(containsString("200,000.00 yuan (50% of the price, at most the face value)")));
		for (int click = 0; click < 2; click++) {
			this.mvc.perform(redeem("v-issued").param("provider", "五邑大学").param("reference", "JM-SVC-100")
				.param("price", "300000").param("key", "k1").param("confirmed", "1"))
				.andExpect(status().isSeeOther())
				.andExpect(redirectedUrl("/funding/vouchers?notice=redeemed"));
		}
		assertThat(this.funding.vouchers.calls.stream().filter(c -> c.startsWith("redeem"))).containsExactly(
				"redeem v-issued " + FakeVouchers.ORG_2 + " JM-SVC-100 30000000 key=k1",
				"redeem v-issued " + FakeVouchers.ORG_2 + " JM-SVC-100 30000000 key=k1");
		var redeemed = this.funding.vouchers.vouchers.get("v-issued");
		assertThat(redeemed.getState()).isEqualTo(VoucherState.VOUCHER_STATE_REDEEMED);
		assertThat(redeemed.getRedeemed().getMinorUnits()).isEqualTo(150_000_00L);
		this.mvc.perform(get("/funding/vouchers?notice=redeemed").with(holder))
			.andExpect(content().string(containsString("创新券已使用，向服务机构的结算由财务部门办理。")))
			.andExpect(content().string(containsString("合同 JM-SVC-100，创新券抵扣 150,000.00")))
			.andExpect(content().string(not(containsString("/redeem\""))));
		this.mvc.perform(get("/funding/vouchers?notice=redeemed&lang=en").with(holder))
			.andExpect(content().string(containsString("The voucher was redeemed.")));
	}

	@Test
	void badFieldsAreNamedOnTheFormAfterA303WithWhatWasTypedAndTheFirstKey() throws Exception {
		var holder = user("applicant1", "applicant");
		MvcResult empty = this.mvc.perform(redeem("v-issued").param("provider", " ").param("reference", "")
			.param("price", "12.345").param("key", "k1"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/funding/vouchers/v-issued/redeem"))
			.andReturn();
		this.mvc.perform(Prg.follow(empty).with(holder))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("href=\"#provider\"")))
			.andExpect(content().string(containsString("href=\"#reference\"")))
			.andExpect(content().string(containsString("href=\"#price\"")))
			.andExpect(content().string(containsString("请填写服务机构")))
			.andExpect(content().string(containsString("请填写服务合同编号")))
			.andExpect(content().string(containsString("金额最多保留两位小数（分）")))
			.andExpect(content().string(containsString("value=\"12.345\"")))
			.andExpect(content().string(containsString("aria-describedby=\"price-hint error-price\"")))
			.andExpect(content().string(containsString("name=\"key\" value=\"k1\"")));
		MvcResult enterprise = this.mvc.perform(redeem("v-issued").param("provider", "江门市光电科技有限公司")
			.param("reference", "JM-SVC-100").param("price", "abc").param("key", "k1"))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(enterprise).param("lang", "en").with(holder))
			.andExpect(content().string(containsString("This organisation is not a voucher provider")))
			.andExpect(content().string(containsString("Enter the price as a number of yuan")));
		MvcResult unknown = this.mvc.perform(redeem("v-issued").param("provider", "不存在的大学")
			.param("reference", "JM-SVC-100").param("price", "100").param("key", "k1"))
			.andReturn();
		this.mvc.perform(Prg.follow(unknown).with(holder))
			.andExpect(content().string(containsString("单位名录中没有此名称的单位")));
		// a share under one fen: caught on the way to the confirmation
		MvcResult tiny = this.mvc.perform(get("/funding/vouchers/v-issued/redeem/confirm").with(holder)
			.param("provider", "五邑大学").param("reference", "JM-SVC-100").param("price", "0.01").param("key", "k1"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/funding/vouchers/v-issued/redeem"))
			.andReturn();
		this.mvc.perform(Prg.follow(tiny).with(holder))
			.andExpect(content().string(containsString("合同金额过小")));
		// a provider kind that funding has not registered: funding names provider_id, the page the field
		MvcResult unregistered = this.mvc.perform(redeem("v-issued").param("provider", "江门市科技成果转化服务中心")
			.param("reference", "JM-SVC-100").param("price", "100").param("key", "k1").param("confirmed", "1"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/funding/vouchers/v-issued/redeem"))
			.andReturn();
		assertThat(this.funding.vouchers.calls).contains("redeem v-issued " + AGENCY + " JM-SVC-100 10000 key=k1");
		this.mvc.perform(Prg.follow(unregistered).with(holder))
			.andExpect(content().string(containsString("此单位未登记为创新券服务机构")))
			.andExpect(content().string(containsString("href=\"#provider\"")))
			.andExpect(content().string(containsString("name=\"key\" value=\"k1\"")));
		assertThat(this.funding.vouchers.vouchers.get("v-issued").getState())
			.isEqualTo(VoucherState.VOUCHER_STATE_ISSUED);
	}

	@Test
	void aVoucherRedeemedAlreadyOrExpiredIsRefusedInWordsOnTheForm() throws Exception {
		var holder = user("applicant1", "applicant");
		MvcResult twice = this.mvc.perform(redeem("v-redeemed").param("provider", "五邑大学").param("reference", "X-1")
			.param("price", "1000").param("key", "k1").param("confirmed", "1"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/funding/vouchers/v-redeemed/redeem"))
			.andReturn();
		this.mvc.perform(Prg.follow(twice).with(holder))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("创新券已使用（或不再处于已发放状态），未作任何更改。")))
			.andExpect(content().string(containsString("此创新券已不能使用")))
			.andExpect(content().string(not(containsString("name=\"confirmed\""))))
			.andExpect(content().string(not(containsString("id=\"price\""))));
		// the redeem-by date passed while the form was open
		this.mvc.perform(get("/funding/vouchers/v-issued/redeem").with(holder)).andExpect(status().isOk());
		expires("v-issued", this.today.minusDays(1));
		MvcResult expired = this.mvc.perform(redeem("v-issued").param("provider", "五邑大学").param("reference", "X-2")
			.param("price", "1000").param("key", "k2").param("confirmed", "1"))
			.andExpect(status().isSeeOther())
			.andReturn();
		this.mvc.perform(Prg.follow(expired).param("lang", "en").with(holder))
			.andExpect(content().string(containsString("The voucher has expired: its redeem-by date has passed.")))
			.andExpect(content().string(containsString("This voucher can no longer be redeemed")));
		this.mvc.perform(get("/funding/vouchers").with(holder))
			.andExpect(content().string(not(containsString("/funding/vouchers/v-issued/redeem"))));
		assertThat(this.funding.vouchers.vouchers.get("v-issued").getState())
			.isEqualTo(VoucherState.VOUCHER_STATE_ISSUED);
	}

	@Test
	void nobodyButTheHoldersUsersSeesTheFormOrRedeems() throws Exception {
		// another enterprise's voucher: not found, on the page and from funding
		this.mvc.perform(get("/funding/vouchers/v-other/redeem").with(user("applicant1", "applicant")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/funding/vouchers/v-other/redeem/confirm").with(user("applicant1", "applicant"))
			.param("provider", "五邑大学").param("reference", "X").param("price", "1000"))
			.andExpect(status().isNotFound());
		this.mvc.perform(redeem("v-other").param("provider", "五邑大学").param("reference", "X").param("price", "1000")
			.param("key", "k1").param("confirmed", "1"))
			.andExpect(status().isNotFound());
		assertThat(this.funding.vouchers.vouchers.get("v-other").getState())
			.isEqualTo(VoucherState.VOUCHER_STATE_ISSUED);
		// the provider's staff read the vouchers redeemed with them, but redeem none and see no link
		var provider = user("applicant2", "applicant");
		this.mvc.perform(get("/funding/vouchers/v-redeemed/redeem").with(provider)).andExpect(status().isNotFound());
		this.mvc.perform(get("/funding/vouchers/v-issued/redeem").with(provider)).andExpect(status().isNotFound());
		this.mvc.perform(post("/funding/vouchers/v-issued/redeem").with(provider).with(csrf()).param("provider", "五邑大学")
			.param("reference", "X").param("price", "1000").param("key", "k2").param("confirmed", "1"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/funding/vouchers/redeemed").with(provider))
			.andExpect(content().string(not(containsString("/redeem\""))));
		// bureau staff do not redeem vouchers
		this.mvc.perform(get("/funding/vouchers/v-issued/redeem").with(officer())).andExpect(status().isForbidden());
		this.mvc.perform(post("/funding/vouchers/v-issued/redeem").with(officer()).with(csrf()).param("provider", "五邑大学")
			.param("reference", "X").param("price", "1000").param("confirmed", "1"))
			.andExpect(status().isForbidden());
		assertThat(this.funding.vouchers.vouchers.get("v-issued").getState())
			.isEqualTo(VoucherState.VOUCHER_STATE_ISSUED);
	}

}
