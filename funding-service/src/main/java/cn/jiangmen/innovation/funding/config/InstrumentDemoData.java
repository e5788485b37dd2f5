package cn.jiangmen.innovation.funding.config;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.funding.application.BudgetCommands;
import cn.jiangmen.innovation.funding.application.InstrumentRuleCommands;
import cn.jiangmen.innovation.funding.application.SubsidyCommands;
import cn.jiangmen.innovation.funding.application.VoucherCommands;
import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.instrument.InstrumentRules;
import cn.jiangmen.innovation.funding.domain.instrument.InterestSubsidyRules;
import cn.jiangmen.innovation.funding.domain.instrument.PostSubsidyRules;
import cn.jiangmen.innovation.funding.domain.instrument.VoucherRules;
import cn.jiangmen.innovation.funding.domain.subsidy.InstitutionKind;
import cn.jiangmen.innovation.funding.domain.subsidy.LoanInterest;
import cn.jiangmen.innovation.funding.domain.subsidy.RecognitionLevel;
import cn.jiangmen.innovation.funding.domain.voucher.Voucher;
import cn.jiangmen.innovation.funding.domain.voucher.VoucherProviders;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile {@code demo}: the instruments of the current year through the same use cases a person
 * would use, each with a fixed idempotency key, so a second start changes nothing. Budget lines
 * {@code vouchers}, {@code post-subsidies} and {@code interest-subsidies} (opened and raised with
 * four eyes), each instrument's rules, 五邑大学 as a voucher provider, two vouchers issued to
 * 江门市光电科技有限公司 and one of them redeemed, an interest-subsidy claim of that enterprise and a
 * reviewed post-subsidy claim of 五邑大学's incubator. The two organisations are the realm's demo
 * applicants' (ids fixed in the realm), named here because the directory adapter may not run in demo.
 */
@Component
@Profile("demo")
class InstrumentDemoData implements ApplicationRunner {

	static final Organisation OPTOELECTRONICS = new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001"),
			"江门市光电科技有限公司", "", OrganisationKind.ENTERPRISE, "江门");

	static final Organisation WUYI_UNIVERSITY = new Organisation(UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002"),
			"五邑大学", "", OrganisationKind.UNIVERSITY, "江门");

	private static final Logger log = LoggerFactory.getLogger(InstrumentDemoData.class);

	private static final String KEY = "demo-seed";

	private static final Caller OFFICER = new Caller("demo-seed-officer", "officer", Set.of("finance-officer"),
			Optional.empty());

	private static final Caller APPROVER = new Caller("demo-seed-approver", "approver", Set.of("finance-approver"),
			Optional.empty());

	private static final Caller MANAGER = new Caller("demo-seed-manager", "manager", Set.of("program-manager"),
			Optional.empty());

	private static final Caller ENTERPRISE = new Caller("demo-seed-applicant1", "applicant1", Set.of("applicant"),
			Optional.of(OPTOELECTRONICS.id()));

	private static final Caller UNIVERSITY = new Caller("demo-seed-applicant2", "applicant2", Set.of("applicant"),
			Optional.of(WUYI_UNIVERSITY.id()));

	private final Budgets budgets;

	private final BudgetCommands budgetCommands;

	private final InstrumentRules rules;

	private final InstrumentRuleCommands ruleCommands;

	private final VoucherProviders providers;

	private final VoucherCommands vouchers;

	private final SubsidyCommands subsidies;

	private final Clock clock;

	InstrumentDemoData(Budgets budgets, BudgetCommands budgetCommands, InstrumentRules rules,
			InstrumentRuleCommands ruleCommands, VoucherProviders providers, VoucherCommands vouchers,
			SubsidyCommands subsidies, Clock clock) {
		this.budgets = budgets;
		this.budgetCommands = budgetCommands;
		this.rules = rules;
		this.ruleCommands = ruleCommands;
		this.providers = providers;
		this.vouchers = vouchers;
		this.subsidies = subsidies;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		int year = LocalDate.ofInstant(this.clock.instant(), java.time.ZoneId.of("Asia/Shanghai")).getYear();
		budget("vouchers", year, "5000000.00");
		budget("post-subsidies", year, "10000000.00");
		budget("interest-subsidies", year, "3000000.00");
		if (this.rules.current(Instrument.VOUCHER, year, VoucherRules.class).isEmpty()) {
			this.ruleCommands.set(MANAGER, Instrument.VOUCHER, year, null, VoucherRules.class,
					() -> new VoucherRules("vouchers", 5_000_000L, 50, LocalDate.of(year, 12, 31)));
		}
		if (this.rules.current(Instrument.POST_SUBSIDY, year, PostSubsidyRules.class).isEmpty()) {
			this.ruleCommands.set(MANAGER, Instrument.POST_SUBSIDY, year, null, PostSubsidyRules.class,
					() -> new PostSubsidyRules("post-subsidies", 100_000_000L, 50_000_000L, 20_000_000L,
							LocalDate.of(year - 1, 7, 1), LocalDate.of(year, 12, 31)));
		}
		if (this.rules.current(Instrument.INTEREST_SUBSIDY, year, InterestSubsidyRules.class).isEmpty()) {
			this.ruleCommands.set(MANAGER, Instrument.INTEREST_SUBSIDY, year, null, InterestSubsidyRules.class,
					() -> new InterestSubsidyRules("interest-subsidies", 50, 20_000_000L));
		}
		if (this.providers.find(WUYI_UNIVERSITY.id()).isEmpty()) {
			this.vouchers.registerProvider(MANAGER, WUYI_UNIVERSITY);
		}
		Voucher first = this.vouchers.issue(MANAGER, KEY + "-voucher-1-" + year, KEY, OPTOELECTRONICS, year, 2_000_000L);
		this.vouchers.issue(MANAGER, KEY + "-voucher-2-" + year, KEY, OPTOELECTRONICS, year, 1_000_000L);
		this.vouchers.redeem(ENTERPRISE, KEY + "-redeem-1-" + year, KEY, first.id().toString(),
				WUYI_UNIVERSITY.id().toString(), "JM-TECH-" + year + "-001 检测服务合同", 3_000_000L);
		this.subsidies.submitInterestSubsidy(ENTERPRISE, KEY + "-interest-1-" + year, KEY, year, "JM-LOAN-" + year + "-017",
				"中国银行江门分行",
				() -> new LoanInterest.Loan(200_000_000L, new java.math.BigDecimal("3.65"), LocalDate.of(year, 1, 10),
						List.of(new LoanInterest.Repayment(LocalDate.of(year, 7, 1), 50_000_000L),
								new LoanInterest.Repayment(LocalDate.of(year + 1, 1, 10), 150_000_000L))));
		var post = this.subsidies.submitPostSubsidy(UNIVERSITY, KEY + "-post-1-" + year, KEY, year,
				InstitutionKind.INCUBATOR, RecognitionLevel.PROVINCIAL, "粤科函高字〔" + year + "〕12号",
				LocalDate.of(year, 3, 18));
		this.subsidies.review(MANAGER, KEY + "-post-review-1-" + year, KEY, post.id().toString(), true,
				"认定文件与孵化器名录一致");
		log.info("Seeded the demo instruments of {}: vouchers (one redeemed), an interest-subsidy and a post-subsidy claim",
				year);
	}

	private void budget(String program, int year, String yuan) {
		DemoBudgetLines.open(this.budgets, this.budgetCommands, OFFICER, APPROVER, program, year, yuan);
	}

}
