package cn.jiangmen.innovation.funding.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Commitment;
import cn.jiangmen.innovation.funding.domain.CommitmentId;
import cn.jiangmen.innovation.funding.domain.CommitmentState;
import cn.jiangmen.innovation.funding.domain.Commitments;
import cn.jiangmen.innovation.funding.domain.FundingAccess;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.TrancheQueue;
import cn.jiangmen.innovation.funding.domain.TrancheState;
import cn.jiangmen.innovation.funding.domain.Tranches;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import cn.jiangmen.innovation.platform.paging.PageRequest;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of awards and tranches: finance's queues, an award with its schedule, an
 * organisation's awards. Per object: an applicant reads only their own organisation's awards, and
 * another organisation's award is NOT_FOUND exactly like one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class AwardQueries {

	/** A tranche with its award and the beneficiary's recorded name (null when none was sent). */
	public record QueuedTranche(Tranche tranche, Commitment award, String beneficiaryName) {
	}

	/** An award with its schedule and the beneficiary's recorded name (null when none was sent). */
	public record AwardSchedule(Commitment award, String beneficiaryName, List<Tranche> tranches) {

		public long releasedMinor() {
			return sum(TrancheState.APPROVED, TrancheState.BATCHED, TrancheState.PAID);
		}

		public long paidMinor() {
			return sum(TrancheState.PAID);
		}

		private long sum(TrancheState... states) {
			List<TrancheState> wanted = List.of(states);
			return this.tranches.stream().filter(t -> wanted.contains(t.state())).mapToLong(Tranche::amountMinor).sum();
		}

	}

	private final Commitments commitments;

	private final Tranches tranches;

	private final Clock clock;

	public AwardQueries(Commitments commitments, Tranches tranches, Clock clock) {
		this.commitments = commitments;
		this.tranches = tranches;
		this.clock = clock;
	}

	public List<QueuedTranche> queue(Caller caller, TrancheQueue queue, PageRequest page) {
		if (!FundingAccess.mayReadTrancheQueues(caller)) {
			throw new AccessDeniedException("The tranche queues are for finance and auditors");
		}
		if (queue == null) {
			throw new InvalidInputException("queue", "required", "must be TO_PREPARE, TO_APPROVE, REJECTED or TO_PAY");
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), AwardCommitments.BUREAU_ZONE);
		List<Tranche> found = this.tranches.inStates(queue.states(), queue.waitsForDueDate() ? today : null,
				page.offset(), page.size());
		List<CommitmentId> ids = found.stream().map(Tranche::commitmentId).distinct().toList();
		Map<CommitmentId, Commitment> awards = new LinkedHashMap<>();
		this.commitments.findAll(ids).forEach(c -> awards.put(c.id(), c));
		Map<CommitmentId, String> names = this.commitments.beneficiaryNames(ids);
		return found.stream()
			.map(t -> new QueuedTranche(t, awards.get(t.commitmentId()), names.get(t.commitmentId())))
			.toList();
	}

	public AwardSchedule award(Caller caller, String commitmentId) {
		CommitmentId id;
		try {
			id = new CommitmentId(UUID.fromString(commitmentId == null ? "" : commitmentId.strip()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("commitment_id", "id.malformed", "must be a UUID");
		}
		Commitment award = this.commitments.find(id)
			.filter(c -> c.state() == CommitmentState.COMMITTED)
			.filter(c -> FundingAccess.mayReadAward(caller, c.recipientOrganisationId()))
			.orElseThrow(() -> new NotFoundException("Award", commitmentId));
		return schedules(List.of(award)).get(0);
	}

	/**
	 * The awards of {@code recipient} (null: every organisation, for those who read all awards).
	 * An applicant naming another organisation gets an empty list, as if it had none.
	 */
	public List<AwardSchedule> awards(Caller caller, String recipient, PageRequest page) {
		UUID organisation = null;
		if (recipient != null && !recipient.isBlank()) {
			try {
				organisation = UUID.fromString(recipient.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("recipient_organisation_id", "id.malformed", "must be a UUID");
			}
		}
		if (organisation == null && !FundingAccess.mayReadAllAwards(caller)) {
			if (caller.organisationId().isEmpty()) {
				throw new AccessDeniedException("Only finance, managers and auditors list every organisation's awards");
			}
			organisation = caller.organisationId().get();
		}
		if (organisation != null && !FundingAccess.mayReadAward(caller, organisation)) {
			return List.of();
		}
		return schedules(this.commitments.committed(organisation, page.offset(), page.size()));
	}

	private List<AwardSchedule> schedules(List<Commitment> awards) {
		List<CommitmentId> ids = awards.stream().map(Commitment::id).toList();
		Map<CommitmentId, List<Tranche>> byAward = new LinkedHashMap<>();
		this.tranches.ofCommitments(ids).forEach(t -> byAward.computeIfAbsent(t.commitmentId(), k -> new ArrayList<>()).add(t));
		Map<CommitmentId, String> names = this.commitments.beneficiaryNames(ids);
		return awards.stream()
			.map(a -> new AwardSchedule(a, names.get(a.id()), List.copyOf(byAward.getOrDefault(a.id(), List.of()))))
			.toList();
	}

}
