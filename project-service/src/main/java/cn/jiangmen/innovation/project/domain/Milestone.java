package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import cn.jiangmen.innovation.platform.error.ConflictException;

/**
 * One milestone of a project's task book. Immutable: each transition returns the next version,
 * and the store writes it only if nobody changed the milestone in between.
 */
public final class Milestone {

	private static final java.util.Map<MilestoneLifecycle.Action, String> PAST = java.util.Map.of(
			MilestoneLifecycle.Action.REPORT, "reported", MilestoneLifecycle.Action.ACCEPT, "accepted",
			MilestoneLifecycle.Action.RETURN, "returned");

	private final MilestoneId id;

	private final ProjectId projectId;

	private final String title;

	private final MilestoneState state;

	private final Optional<Instant> acceptedAt;

	private final long version;

	public Milestone(MilestoneId id, ProjectId projectId, String title, MilestoneState state,
			Optional<Instant> acceptedAt, long version) {
		this.id = Objects.requireNonNull(id, "id");
		this.projectId = Objects.requireNonNull(projectId, "projectId");
		this.title = Objects.requireNonNull(title, "title");
		this.state = Objects.requireNonNull(state, "state");
		this.acceptedAt = Objects.requireNonNull(acceptedAt, "acceptedAt");
		this.version = version;
	}

	public static Milestone plan(ProjectId projectId, String title) {
		return new Milestone(MilestoneId.newId(), projectId, title, MilestoneState.PLANNED, Optional.empty(), 0);
	}

	/** The project reports the milestone as reached. */
	public Milestone report() {
		return move(MilestoneLifecycle.Action.REPORT, Optional.empty());
	}

	/** The bureau accepts a reported milestone (验收); funding may then release the tranche. */
	public Milestone accept(Instant now) {
		return move(MilestoneLifecycle.Action.ACCEPT, Optional.of(Objects.requireNonNull(now, "now")));
	}

	/** The bureau returns (退回) a reported milestone; the project may report it again. */
	public Milestone reject() {
		return move(MilestoneLifecycle.Action.RETURN, Optional.empty());
	}

	private Milestone move(MilestoneLifecycle.Action action, Optional<Instant> acceptedAt) {
		MilestoneState next = MilestoneLifecycle.target(this.state, action)
			.orElseThrow(() -> new ConflictException("milestone.state",
					"A " + this.state + " milestone cannot be " + PAST.get(action)));
		return new Milestone(this.id, this.projectId, this.title, next, acceptedAt, this.version + 1);
	}

	public MilestoneId id() {
		return this.id;
	}

	public ProjectId projectId() {
		return this.projectId;
	}

	public String title() {
		return this.title;
	}

	public MilestoneState state() {
		return this.state;
	}

	public Optional<Instant> acceptedAt() {
		return this.acceptedAt;
	}

	public long version() {
		return this.version;
	}

}
