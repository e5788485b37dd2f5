package cn.jiangmen.innovation.project.domain.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.project.domain.MilestoneId;
import cn.jiangmen.innovation.project.domain.MilestoneState;
import cn.jiangmen.innovation.project.domain.OrganisationId;
import cn.jiangmen.innovation.project.domain.ProjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskBookTest {

	static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	final ApprovedProject project = new ApprovedProject(ProjectId.newId(), "p", new OrganisationId(UUID.randomUUID()),
			Optional.empty(), ProjectStage.TASK_BOOK, 150_000_000L, Optional.of(NOW), 0);

	@Test
	void tranchesMustAddUpToTheApprovedAmountAndTheRefusalSaysTheValues() {
		assertThatThrownBy(() -> TaskBook.issue(this.project,
				List.of(milestone(1, 50_000_000L, true), milestone(2, 90_000_000L, true)), "manager", NOW))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				FieldViolation violation = ex.violations().get(0);
				assertThat(violation.field()).isEqualTo("milestones.trancheFen");
				assertThat(violation.message()).isEqualTo("the milestones' tranches add up to ¥1,400,000.00 (140000000 fen) "
						+ "but the approved fiscal amount is ¥1,500,000.00 (150000000 fen) (difference ¥100,000.00 (10000000 fen))");
			});
	}

	@Test
	void everyMilestoneNeedsADueDateAndDeliverables() {
		assertThatThrownBy(() -> TaskBook.issue(this.project, List.of(milestone(1, 150_000_000L, false)), "manager", NOW))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field)
						.containsExactly("milestones[1].dueDate", "milestones[1].deliverables"));
		assertThatThrownBy(() -> TaskBook.issue(this.project, List.of(), "manager", NOW))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void issuedThenAcceptedThenCountersignedAndNoOtherOrder() {
		TaskBook issued = TaskBook.issue(this.project,
				List.of(milestone(1, 60_000_000L, true), milestone(2, 90_000_000L, true)), "manager", NOW);
		assertThat(issued.state()).isEqualTo(TaskBook.State.ISSUED);
		assertThatThrownBy(() -> issued.countersign("manager", NOW)).isInstanceOf(ConflictException.class);
		TaskBook accepted = issued.acceptByLead("applicant1", NOW);
		assertThatThrownBy(() -> accepted.acceptByLead("applicant1", NOW)).isInstanceOf(ConflictException.class);
		TaskBook countersigned = accepted.countersign("manager", NOW);
		assertThat(countersigned.state()).isEqualTo(TaskBook.State.COUNTERSIGNED);
		assertThat(countersigned.version()).isEqualTo(2);
		assertThatThrownBy(() -> countersigned.countersign("manager", NOW)).isInstanceOf(ConflictException.class);
	}

	private PlannedMilestone milestone(int sequence, long tranche, boolean complete) {
		return new PlannedMilestone(MilestoneId.newId(), this.project.id(), sequence, "m" + sequence,
				complete ? Optional.of(LocalDate.of(2027, 6, 30)) : Optional.empty(), complete ? "prototype" : " ",
				tranche, MilestoneState.PLANNED, Optional.empty(), 0);
	}

}
