package cn.jiangmen.innovation.funding.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.jiangmen.innovation.funding.application.AwardCommitments;
import cn.jiangmen.innovation.funding.application.BeneficiaryAccountCommands;
import cn.jiangmen.innovation.funding.application.BudgetCommands;
import cn.jiangmen.innovation.funding.application.PaymentBatchCommands;
import cn.jiangmen.innovation.funding.application.TrancheCommands;
import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.funding.domain.CommitAward;
import cn.jiangmen.innovation.funding.domain.Commitments;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.payment.PaymentBatch;
import cn.jiangmen.innovation.platform.domain.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile {@code demo}: the 2026 budget lines of every program raised under four eyes, a talent
 * award of 江门市光电科技有限公司 with its three yearly instalments, and a major-project award of
 * 五邑大学 whose start-up tranche (paid on the task book, no milestone) went through a payment batch
 * to the bank and is paid, and whose second tranche waits for its milestone's acceptance. Everything goes through the use cases (ledger,
 * audit, idempotency keys), so a second start changes nothing.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

	static final UUID OPTOELECTRONICS = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000001");

	static final UUID WUYI_UNIVERSITY = UUID.fromString("7d1c2a8e-0000-4000-8000-000000000002");

	static final UUID DEMO_PROJECT = UUID.fromString("7d1c2a8e-0000-4000-8000-00000000f001");

	static final UUID DEMO_MILESTONE = UUID.fromString("7d1c2a8e-0000-4000-8000-00000000f101");

	/** Yuan per program for 2026 (fen below). */
	static final List<Object[]> BUDGETS = List.of(new Object[] { "talent", 50_000_000L },
			new Object[] { "major-projects", 80_000_000L }, new Object[] { "vouchers", 10_000_000L },
			new Object[] { "post-subsidies", 20_000_000L }, new Object[] { "interest-subsidies", 5_000_000L });

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	// two different people: four eyes holds for demo data too
	private static final Caller OFFICER = new Caller("demo-seed-officer", "demo-officer", Set.of("finance-officer"),
			Optional.empty());

	private static final Caller APPROVER = new Caller("demo-seed-approver", "demo-approver", Set.of("finance-approver"),
			Optional.empty());

	private static final Caller SERVICE = new Caller("demo-seed-service", "demo-service", Set.of("service"),
			Optional.empty());

	private final Budgets budgets;

	private final BudgetCommands budgetCommands;

	private final AwardCommitments awards;

	private final Commitments commitments;

	private final TrancheCommands tranches;

	private final BeneficiaryAccountCommands accounts;

	private final PaymentBatchCommands batches;

	DemoData(Budgets budgets, BudgetCommands budgetCommands, AwardCommitments awards, Commitments commitments,
			TrancheCommands tranches, BeneficiaryAccountCommands accounts, PaymentBatchCommands batches) {
		this.budgets = budgets;
		this.budgetCommands = budgetCommands;
		this.awards = awards;
		this.commitments = commitments;
		this.tranches = tranches;
		this.accounts = accounts;
		this.batches = batches;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.budgets.find(new BudgetKey("talent", 2026)).isPresent()) {
			log.info("Demo funding data present; nothing seeded");
			return;
		}
		for (Object[] line : BUDGETS) {
			DemoBudgetLines.open(this.budgets, this.budgetCommands, OFFICER, APPROVER, (String) line[0], 2026,
					line[1] + ".00");
		}
		AwardCommitments.Committed talent = this.awards.commit(SERVICE,
				() -> CommitAward.of("demo-award-talent", "talent", 2026, "JM-2026-RC-0001", OPTOELECTRONICS.toString(),
						"CNY", 300_000_000L, "",
						List.of(new CommitAward.RawTranche("", "CNY", 100_000_000L, "2026-01-15"),
								new CommitAward.RawTranche("", "CNY", 100_000_000L, "2027-01-15"),
								new CommitAward.RawTranche("", "CNY", 100_000_000L, "2028-01-15"))));
		this.commitments.nameBeneficiary(talent.commitment().id(), "江门市光电科技有限公司");
		AwardCommitments.Committed project = this.awards.commit(SERVICE,
				() -> CommitAward.of("demo-award-project", "major-projects", 2026, "JM-2026-ZX-0001",
						WUYI_UNIVERSITY.toString(), "CNY", 500_000_000L, DEMO_PROJECT.toString(),
						List.of(new CommitAward.RawTranche("", "CNY", 200_000_000L, "2026-03-01"),
								new CommitAward.RawTranche(DEMO_MILESTONE.toString(), "CNY", 300_000_000L, "2026-12-31"))));
		this.commitments.nameBeneficiary(project.commitment().id(), "五邑大学");
		Tranche startUp = project.tranches().get(0);
		this.tranches.prepare(OFFICER, "demo-prepare-startup", "key", startUp.id().toString());
		this.tranches.decide(APPROVER, "demo-approve-startup", "key", startUp.id().toString(), true, "");
		paid(startUp);
		log.info("Seeded demo funding data: {} budget lines of 2026, a talent and a project award (start-up tranche paid)",
				BUDGETS.size());
	}

	/** 五邑大学's bank account, and a payment batch of the start-up tranche sent and confirmed paid by the bank. */
	private void paid(Tranche startUp) {
		this.accounts.enter(OFFICER, WUYI_UNIVERSITY.toString(), "五邑大学", "44050170000000001234", "中国建设银行江门分行",
				"105589000019");
		PaymentBatch batch = this.batches.create(OFFICER, "demo-batch-startup", "key", List.of(startUp.id().toString()),
				"trancheIds");
		this.batches.send(OFFICER, "demo-batch-startup-send", "key", batch.id().toString());
		this.batches.confirm(OFFICER, "demo-batch-startup-paid", "key", batch.id().toString(),
				List.of(new PaymentBatchCommands.LineResult(batch.lines().get(0).endToEndId(), "ACSC", null)));
	}

}
