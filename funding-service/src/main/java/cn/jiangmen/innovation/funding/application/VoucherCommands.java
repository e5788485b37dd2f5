package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.BudgetKey;
import cn.jiangmen.innovation.funding.domain.Budgets;
import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.instrument.Allowances;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.instrument.InstrumentAccess;
import cn.jiangmen.innovation.funding.domain.instrument.VoucherRules;
import cn.jiangmen.innovation.funding.domain.ledger.AccountLimit;
import cn.jiangmen.innovation.funding.domain.ledger.Accounts;
import cn.jiangmen.innovation.funding.domain.ledger.Ledger;
import cn.jiangmen.innovation.funding.domain.ledger.Transfer;
import cn.jiangmen.innovation.funding.domain.voucher.Voucher;
import cn.jiangmen.innovation.funding.domain.voucher.VoucherProvider;
import cn.jiangmen.innovation.funding.domain.voucher.VoucherProviders;
import cn.jiangmen.innovation.funding.domain.voucher.VoucherState;
import cn.jiangmen.innovation.funding.domain.voucher.Vouchers;
import cn.jiangmen.innovation.platform.audit.Audit;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.DependencyUnavailableException;
import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.organisation.Organisation;
import cn.jiangmen.innovation.platform.organisation.OrganisationDirectory;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Innovation vouchers (科技创新券) through the ledger: issuing commits the face value (a pending
 * transfer from the vouchers appropriation) within the enterprise's yearly cap; redeeming swaps it
 * for a pending transfer of the redeemed amount (the rest is released at once); an approved
 * settlement posts it to the provider's payable; expiry voids it. One transaction per command,
 * idempotent by key; checks in the order 404 → 403 → 400 → 409.
 */
@Service
public class VoucherCommands {

	static final String OBJECT_TYPE = "voucher";

	private final Vouchers vouchers;

	private final VoucherProviders providers;

	private final InstrumentRuleCommands rules;

	private final Allowances allowances;

	private final Budgets budgets;

	private final Ledger ledger;

	private final ObjectProvider<OrganisationDirectory> directory;

	private final IdempotentCommands idempotent;

	private final Audit audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	public VoucherCommands(Vouchers vouchers, VoucherProviders providers, InstrumentRuleCommands rules, Allowances allowances, Budgets budgets,
			Ledger ledger, ObjectProvider<OrganisationDirectory> directory, IdempotentCommands idempotent, Audit audit,
			Clock clock, TransactionTemplate transactions) {
		this.vouchers = vouchers;
		this.providers = providers;
		this.rules = rules;
		this.allowances = allowances;
		this.budgets = budgets;
		this.ledger = ledger;
		this.directory = directory;
		this.idempotent = idempotent;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** A program manager registers a university, institute or service agency as a provider (服务机构). */
	public VoucherProvider registerProvider(Caller manager, String organisationId) {
		if (!InstrumentAccess.mayManage(manager)) {
			throw new AccessDeniedException("Only program managers keep the provider register");
		}
		return registerProvider(manager, organisation(organisationId, "organisationId"));
	}

	/** The same, for an organisation already read from the directory (the demo seed names its own). */
	public VoucherProvider registerProvider(Caller manager, Organisation organisation) {
		if (!InstrumentAccess.mayManage(manager)) {
			throw new AccessDeniedException("Only program managers keep the provider register");
		}
		if (!VoucherProvider.mayProvide(organisation.kind())) {
			throw new InvalidInputException("organisationId", "provider.kind",
					"must be a university, institute or service agency, not " + organisation.kind());
		}
		return this.transactions.execute(tx -> {
			Instant now = now();
			VoucherProvider provider = new VoucherProvider(organisation.id(), organisation.name(), organisation.kind(),
					manager.username(), now);
			if (!this.providers.add(provider)) {
				throw new ConflictException("provider.registered", organisation.name() + " is registered already");
			}
			this.audit.record(manager.username(), now, "voucher-provider.registered", "voucher-provider",
					organisation.id(), null, Map.of("name", organisation.name(), "kind", organisation.kind().name()));
			return provider;
		});
	}

	public List<VoucherProvider> providers(int offset, int limit) {
		return this.providers.list(offset, limit);
	}

	/** A program manager issues a voucher to an enterprise (企业) of the directory, within its yearly cap. */
	public Voucher issue(Caller manager, String key, String keyField, String enterpriseId, int fiscalYear, long faceMinor) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		if (!InstrumentAccess.mayManage(manager)) {
			throw new AccessDeniedException("Only program managers issue vouchers");
		}
		InstrumentRuleCommands.requireYear(fiscalYear);
		return issue(manager, idempotencyKey, keyField, organisation(enterpriseId, "enterpriseId"), fiscalYear, faceMinor);
	}

	/** The same, for an enterprise already read from the directory (the demo seed names its own). */
	public Voucher issue(Caller manager, String idempotencyKey, String keyField, Organisation enterprise, int fiscalYear,
			long faceMinor) {
		if (!InstrumentAccess.mayManage(manager)) {
			throw new AccessDeniedException("Only program managers issue vouchers");
		}
		if (enterprise.kind() != OrganisationKind.ENTERPRISE) {
			throw new InvalidInputException("enterpriseId", "voucher.not-an-enterprise",
					"vouchers are issued to enterprises only, not to a " + enterprise.kind());
		}
		String hash = IdempotentCommands.hash(manager, "voucher.issue", enterprise.id() + "|" + fiscalYear + "|" + faceMinor);
		return this.transactions.execute(tx -> this.idempotent.once(manager, idempotencyKey, keyField, "voucher.issue",
				hash, Voucher.class, () -> {
					VoucherRules rules = this.rules.inForce(Instrument.VOUCHER, fiscalYear, VoucherRules.class);
					BudgetKey budget = new BudgetKey(rules.programCode(), fiscalYear);
					if (this.budgets.find(budget).isEmpty()) {
						throw new ConflictException("budget.missing", "No budget line " + budget + " to commit vouchers from");
					}
					if (!this.allowances.take(Instrument.VOUCHER, enterprise.id(), fiscalYear, faceMinor, rules.perEnterpriseCapMinor())) {
						throw new ConflictException("voucher.cap-exceeded", enterprise.name() + " was issued "
								+ this.allowances.used(Instrument.VOUCHER, enterprise.id(), fiscalYear) + " fen of vouchers in " + fiscalYear
								+ "; the yearly cap is " + rules.perEnterpriseCapMinor() + " fen");
					}
					Instant now = now();
					String commitment = Accounts.commitment(budget);
					this.ledger.open(commitment, "COMMITMENT", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
					Transfer pending = Transfer.pending(UUID.randomUUID(), Accounts.appropriation(budget), commitment,
							faceMinor, "innovation voucher for " + enterprise.id(), now);
					if (!this.ledger.apply(List.of(pending))) {
						throw new ConflictException("budget.insufficient", "The budget line " + budget + " has less than "
								+ faceMinor + " fen available");
					}
					Voucher voucher = Voucher.issue(enterprise.id(), fiscalYear, rules, faceMinor, pending.id(), manager, now);
					this.vouchers.add(voucher);
					this.audit.record(manager.username(), now, "voucher.issued", OBJECT_TYPE, voucher.id(), null, state(voucher));
					return voucher;
				}));
	}

	/**
	 * The enterprise redeems its voucher at a registered provider against a service contract. Only an
	 * applicant of the enterprise it was issued to may (never transferable): anyone else gets 404.
	 */
	public Voucher redeem(Caller applicant, String key, String keyField, String voucherId, String providerId,
			String contractReference, long contractPriceMinor) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		Voucher.Id id = Voucher.Id.parse(voucherId, "voucherId");
		Voucher found = readable(applicant, id);
		if (!applicant.isApplicantOf(found.enterpriseId())) {
			throw new AccessDeniedException("Only the enterprise the voucher was issued to redeems it: vouchers are not transferable");
		}
		UUID provider = uuid(providerId, "providerId");
		if (this.providers.find(provider).isEmpty()) {
			throw new InvalidInputException("providerId", "provider.not-registered", "must be a registered voucher provider");
		}
		String hash = IdempotentCommands.hash(applicant, "voucher.redeem",
				id + "|" + provider + "|" + contractReference + "|" + contractPriceMinor);
		return this.transactions.execute(tx -> this.idempotent.once(applicant, idempotencyKey, keyField,
				"voucher.redeem", hash, Voucher.class, () -> {
					Voucher current = this.vouchers.lock(id).orElseThrow(() -> new NotFoundException("Voucher", id));
					Instant now = now();
					UUID newPending = UUID.randomUUID();
					Voucher redeemed = current.redeem(applicant, provider, contractReference, contractPriceMinor, today(now),
							newPending, now);
					// the face value's promise becomes the redeemed amount's: void and re-commit, linked
					Transfer old = this.ledger.transfer(current.pendingTransferId()).orElseThrow();
					boolean applied = this.ledger.apply(List.of(Transfer.voiding(old, "voucher " + id + " redeemed", now),
							Transfer.pending(newPending, old.debitAccount(), old.creditAccount(),
									redeemed.redemption().redeemedMinor(), "voucher " + id + " redeemed", now)));
					if (!applied) {
						throw new IllegalStateException("A redemption never commits more than the voucher did: " + id);
					}
					store(redeemed);
					this.audit.record(applicant.username(), now, "voucher.redeemed", OBJECT_TYPE, id, state(current),
							state(redeemed));
					return this.vouchers.find(id).orElseThrow();
				}));
	}

	/** A finance officer (经办) prepares the settlement on evidence (invoice or contract reference). */
	public Voucher prepareSettlement(Caller maker, String key, String keyField, String voucherId, String evidence) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		Voucher.Id id = Voucher.Id.parse(voucherId, "voucherId");
		readable(maker, id);
		if (!FundingAccess.isMaker(maker)) {
			throw new AccessDeniedException("Only finance officers prepare voucher settlements");
		}
		String hash = IdempotentCommands.hash(maker, "voucher.prepare-settlement", id + "|" + evidence);
		return this.transactions.execute(tx -> this.idempotent.once(maker, idempotencyKey, keyField,
				"voucher.prepare-settlement", hash, Voucher.class, () -> {
					Voucher current = this.vouchers.lock(id).orElseThrow(() -> new NotFoundException("Voucher", id));
					Instant now = now();
					Voucher prepared = current.prepareSettlement(maker, evidence, now);
					store(prepared);
					this.audit.record(maker.username(), now, "voucher.settlement-prepared", OBJECT_TYPE, id, state(current),
							state(prepared));
					return this.vouchers.find(id).orElseThrow();
				}));
	}

	/** A finance approver other than the maker (四眼原则) approves, posting to the provider's payable, or rejects. */
	public Voucher decideSettlement(Caller checker, String key, String keyField, String voucherId, boolean approve,
			String reason) {
		String idempotencyKey = IdempotentCommands.requireKey(key, keyField);
		Voucher.Id id = Voucher.Id.parse(voucherId, "voucherId");
		String hash = IdempotentCommands.hash(checker, "voucher.decide-settlement", id + "|" + approve + "|" + reason);
		return this.transactions.execute(tx -> this.idempotent.once(checker, idempotencyKey, keyField,
				"voucher.decide-settlement", hash, Voucher.class, () -> {
					readable(checker, id);
					Voucher current = this.vouchers.lock(id).orElseThrow(() -> new NotFoundException("Voucher", id));
					if (!checker.hasRole("finance-approver")) {
						throw new AccessDeniedException("Only finance approvers decide voucher settlements");
					}
					if (current.settlement() != null
							&& !FundingAccess.mayDecide(checker, current.settlement().preparedBy().subject())) {
						throw new AccessDeniedException("The maker of a settlement can never decide it: four eyes (四眼原则)");
					}
					Instant now = now();
					Voucher decided = current.decideSettlement(checker, approve, reason, now);
					if (approve) {
						postToProvider(decided, now);
					}
					store(decided);
					this.audit.record(checker.username(), now,
							approve ? "voucher.settlement-approved" : "voucher.settlement-rejected", OBJECT_TYPE, id,
							state(current), state(decided));
					return this.vouchers.find(id).orElseThrow();
				}));
	}

	/**
	 * Expires the issued vouchers whose end date (Beijing) has passed: voids each pending transfer,
	 * releasing the budget. Run by the schedule; safe on several replicas (rows are claimed with skip locked).
	 *
	 * @return how many expired
	 */
	public int expireDue() {
		Integer expired = this.transactions.execute(tx -> {
			Instant now = now();
			int count = 0;
			for (Voucher.Id id : this.vouchers.dueForExpiry(today(now), 200)) {
				Voucher current = this.vouchers.lock(id).orElseThrow();
				Voucher done = current.expire(now);
				Transfer pending = this.ledger.transfer(current.pendingTransferId()).orElseThrow();
				this.ledger.apply(List.of(Transfer.voiding(pending, "voucher " + id + " expired", now)));
				store(done);
				this.audit.record("system", now, "voucher.expired", OBJECT_TYPE, id, state(current), state(done));
				count++;
			}
			return count;
		});
		return expired == null ? 0 : expired;
	}

	public Voucher find(Caller caller, String voucherId) {
		return readable(caller, Voucher.Id.parse(voucherId, "voucherId"));
	}

	/** An applicant's list is their enterprise's vouchers; bureau staff see all or one enterprise's. */
	public List<Voucher> list(Caller caller, String enterpriseId, int offset, int limit) {
		UUID enterprise = enterpriseId == null || enterpriseId.isBlank() ? null : uuid(enterpriseId, "enterpriseId");
		if (!caller.hasAnyRole(java.util.Set.of("program-manager", "finance-officer", "finance-approver", "auditor"))) {
			UUID own = caller.organisationId().filter(o -> caller.hasRole("applicant"))
				.orElseThrow(() -> new AccessDeniedException("Not allowed to list vouchers"));
			if (enterprise != null && !enterprise.equals(own)) {
				throw new AccessDeniedException("An applicant lists their own organisation's vouchers only");
			}
			enterprise = own;
		}
		return this.vouchers.list(enterprise, offset, limit);
	}

	/**
	 * The portal's lists: an applicant sees their organisation's vouchers as holder, or with
	 * {@code asProvider} those redeemed with it; bureau staff and auditors all, or one enterprise's
	 * or provider's. Naming another organisation is refused rather than answered empty, so a
	 * mistaken link shows a denial instead of a misleading "none".
	 */
	public List<Voucher> list(Caller caller, boolean asProvider, String organisationId, int offset, int limit) {
		UUID named = organisationId == null || organisationId.isBlank() ? null : uuid(organisationId, "organisationId");
		UUID organisation = named;
		if (!caller.hasAnyRole(java.util.Set.of("program-manager", "finance-officer", "finance-approver", "auditor"))) {
			UUID own = caller.organisationId().filter(o -> caller.hasRole("applicant"))
				.orElseThrow(() -> new AccessDeniedException("Not allowed to list vouchers"));
			if (named != null && !named.equals(own)) {
				throw new AccessDeniedException("An applicant lists their own organisation's vouchers only");
			}
			organisation = own;
		}
		if (asProvider && organisation != null) {
			return this.vouchers.redeemedWith(organisation, offset, limit);
		}
		return this.vouchers.list(organisation, offset, limit);
	}

	private void postToProvider(Voucher voucher, Instant now) {
		Transfer pending = this.ledger.transfer(voucher.pendingTransferId()).orElseThrow();
		String payable = Accounts.payable(voucher.redemption().providerId());
		this.ledger.open(payable, "PAYABLE", AccountLimit.DEBITS_MUST_NOT_EXCEED_CREDITS);
		boolean applied = this.ledger.apply(List.of(Transfer.post(pending, "voucher " + voucher.id() + " settled", now),
				Transfer.single(pending.creditAccount(), payable, pending.amountMinor(),
						"payable for voucher " + voucher.id(), now)));
		if (!applied) {
			throw new IllegalStateException("A posted voucher commitment always covers its payable: " + voucher.id());
		}
	}

	private Voucher readable(Caller caller, Voucher.Id id) {
		Voucher voucher = this.vouchers.find(id).orElseThrow(() -> new NotFoundException("Voucher", id));
		boolean provider = voucher.redemption() != null
				&& InstrumentAccess.mayReadAsProvider(caller, voucher.redemption().providerId());
		if (!InstrumentAccess.mayRead(caller, voucher.enterpriseId()) && !provider) {
			throw new NotFoundException("Voucher", id);
		}
		return voucher;
	}

	private Organisation organisation(String text, String field) {
		UUID id = uuid(text, field);
		OrganisationDirectory organisations = this.directory.getIfAvailable();
		if (organisations == null) {
			throw new DependencyUnavailableException("organisation-directory",
					"The organisation directory is not configured: vouchers cannot be issued or providers registered", null);
		}
		return organisations.find(id)
			.orElseThrow(() -> new InvalidInputException(field, "organisation.unknown", "must be an organisation of the directory"));
	}

	private void store(Voucher voucher) {
		if (!this.vouchers.update(voucher)) {
			throw new ConflictException("voucher.changed", "The voucher was changed meanwhile; reload and try again");
		}
	}

	static UUID uuid(String text, String field) {
		try {
			return UUID.fromString(text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "id.malformed", "must be a UUID");
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, AwardCommitments.BUREAU_ZONE);
	}

	private static Map<String, Object> state(Voucher v) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("state", v.state().name());
		state.put("enterpriseId", v.enterpriseId().toString());
		state.put("faceMinor", v.faceMinor());
		state.put("committedMinor", v.committedMinor());
		if (v.redemption() != null) {
			state.put("providerId", v.redemption().providerId().toString());
			state.put("contractReference", v.redemption().contractReference());
		}
		if (v.settlement() != null) {
			state.put("evidenceReference", v.settlement().evidenceReference());
		}
		return state;
	}

}
