package cn.jiangmen.innovation.project.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MilestoneTest {

	static final Instant NOW = Instant.parse("2026-06-30T02:00:00Z");

	static final ProjectId PROJECT = ProjectId.newId();

	/** Every (from, to) pair: the allowed ones succeed, every other one is refused. */
	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({ "PLANNED, PLANNED, false", "PLANNED, REPORTED, true", "PLANNED, ACCEPTED, false",
			"PLANNED, REJECTED, false", "REPORTED, PLANNED, false", "REPORTED, REPORTED, false",
			"REPORTED, ACCEPTED, true", "REPORTED, REJECTED, true", "ACCEPTED, PLANNED, false",
			"ACCEPTED, REPORTED, false", "ACCEPTED, ACCEPTED, false", "ACCEPTED, REJECTED, false",
			"REJECTED, PLANNED, false", "REJECTED, REPORTED, true", "REJECTED, ACCEPTED, false",
			"REJECTED, REJECTED, false" })
	void transitionTable(MilestoneState from, MilestoneState to, boolean allowed) {
		assertThat(from.canMoveTo(to)).isEqualTo(allowed);
		Milestone milestone = in(from);
		UnaryOperator<Milestone> move = switch (to) {
			case REPORTED -> Milestone::report;
			case ACCEPTED -> m -> m.accept(NOW);
			case REJECTED -> Milestone::reject;
			case PLANNED -> null; // no operation leads back to PLANNED
		};
		if (move == null) {
			assertThat(allowed).isFalse();
			return;
		}
		if (allowed) {
			Milestone next = move.apply(milestone);
			assertThat(next.state()).isEqualTo(to);
			assertThat(next.version()).isEqualTo(milestone.version() + 1);
			assertThat(next.acceptedAt()).isEqualTo(to == MilestoneState.ACCEPTED ? Optional.of(NOW) : Optional.empty());
		}
		else {
			assertThatThrownBy(() -> move.apply(milestone)).isInstanceOfSatisfying(ConflictException.class,
					ex -> assertThat(ex.code()).isEqualTo("milestone.state"));
		}
	}

	@Test
	void acceptedIsFinal() {
		assertThat(EnumSet.allOf(MilestoneState.class)).noneMatch(MilestoneState.ACCEPTED::canMoveTo);
	}

	@Test
	void aNewMilestoneIsPlanned() {
		Milestone milestone = Milestone.plan(PROJECT, "Prototype LED module");
		assertThat(milestone.state()).isEqualTo(MilestoneState.PLANNED);
		assertThat(milestone.acceptedAt()).isEmpty();
	}

	@Test
	void projectVisibility() {
		OrganisationId own = new OrganisationId(UUID.randomUUID());
		Project project = new Project(PROJECT, "Deep-sea salvage", own);
		assertThat(project.isVisibleTo(new Caller("a", "a", Set.of("applicant"), Optional.of(own.value())))).isTrue();
		assertThat(project.isVisibleTo(
				new Caller("b", "b", Set.of("applicant"), Optional.of(UUID.randomUUID())))).isFalse();
		for (String role : Set.of("service", "program-manager", "finance-officer", "finance-approver", "auditor")) {
			assertThat(project.isVisibleTo(new Caller(role, role, Set.of(role), Optional.empty()))).as(role).isTrue();
		}
		Caller expert = new Caller("e", "e", Set.of("expert"), Optional.empty());
		assertThat(project.isVisibleTo(expert)).isFalse();
		assertThat(ProjectAccess.mayReadMilestones(expert)).isFalse();
		assertThat(ProjectAccess.mayDecideMilestones(new Caller("m", "m", Set.of("program-manager"), Optional.empty()))).isTrue();
		assertThat(ProjectAccess.mayDecideMilestones(new Caller("o", "o", Set.of("finance-officer"), Optional.empty()))).isFalse();
	}

	private static Milestone in(MilestoneState state) {
		return new Milestone(MilestoneId.newId(), PROJECT, "m", state,
				state == MilestoneState.ACCEPTED ? Optional.of(NOW) : Optional.empty(), 3);
	}

}
