package cn.jiangmen.innovation.project.domain;

import java.util.ArrayList;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Approval's figures: at most the request and the ceiling; one tranche per milestone, adding up. */
class ApprovalTest {

	private final ProjectCall call = ProposalFixtures.call();

	private final Proposal reviewed = ProposalFixtures.proposal(this.call, ProposalFixtures.content(),
			ProposalStatus.REVIEWED);

	@Test
	void approvedWithinTheRequestTheTranchesBecomeThePlannedMilestones() {
		Approval approval = Approval.check(this.reviewed, this.call, 250_000_000L, List.of(100_000_000L, 150_000_000L),
				" 同意立项 ", new ArrayList<>());
		Approval.ApprovedProject project = approval.project(this.reviewed, this.call, ProjectId.newId(),
				ProposalFixtures.NOW);
		assertThat(project.approvedFiscalFen()).isEqualTo(250_000_000L);
		assertThat(project.fieldCode()).isEqualTo("rail-transit-equipment");
		assertThat(project.milestones()).extracting(Approval.PlannedProjectMilestone::trancheFen)
			.containsExactly(100_000_000L, 150_000_000L);
		assertThat(project.milestones()).extracting(Approval.PlannedProjectMilestone::sequence).containsExactly(1, 2);
		assertThat(project.milestones().get(0).dueDate()).isEqualTo(java.time.LocalDate.of(2028, 6, 30));
		assertThat(approval.note()).isEqualTo("同意立项");
	}

	@Test
	void overTheRequestTranchesNotAddingUpAndAMissingTrancheAreEachNamed() {
		assertThat(refusal(400_000_000L, List.of(200_000_000L, 200_000_000L)))
			.extracting(FieldViolation::code)
			.containsExactly("approval.over-request");
		assertThat(refusal(300_000_000L, List.of(100_000_000L, 100_000_000L))).singleElement().satisfies(v -> {
			assertThat(v.code()).isEqualTo("approval.tranches-not-adding-up");
			assertThat(v.message()).contains("2000000.00 yuan", "3000000.00 yuan");
		});
		assertThat(refusal(300_000_000L, List.of(300_000_000L))).extracting(FieldViolation::code)
			.containsExactly("approval.tranche-count");
	}

	@Test
	void overTheCeilingIsRefusedEvenWhenTheRequestIsHigher() {
		ProjectCall lowCeiling = new ProjectCall(this.call.id(), this.call.fieldCode(), 2027, "t", this.call.topics(),
				200_000_000L, 30, List.of(), "g", this.call.opensAt(), this.call.closesAt(), CallStatus.PUBLISHED,
				this.call.createdAt(), this.call.updatedAt(), 1);
		List<FieldViolation> violations = new ArrayList<>();
		assertThatThrownBy(() -> Approval.check(this.reviewed, lowCeiling, 300_000_000L,
				List.of(100_000_000L, 200_000_000L), "", violations))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.extracting(FieldViolation::code)
				.containsExactly("approval.over-ceiling"));
	}

	private List<FieldViolation> refusal(long approved, List<Long> tranches) {
		try {
			Approval.check(this.reviewed, this.call, approved, tranches, "", new ArrayList<>());
		}
		catch (InvalidInputException ex) {
			return ex.violations();
		}
		throw new AssertionError("expected a refusal");
	}

}
