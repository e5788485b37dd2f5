package cn.jiangmen.innovation.project.application.execution;

/**
 * The outbox payload of a failed project's recovery demand (资金追回) for funding-service
 * ({@code FundingService.RaiseProjectRecovery}): the project whose award funding recovers from,
 * what project-service counts as released, and the reason in words for the finance approver.
 */
public record RecoveryDemandPayload(String projectId, String recoveryCaseId, String checkRoundId, String explanation,
		long releasedFen) {

	public static final String DESTINATION = "funding.RaiseProjectRecovery";

	/** One demand per project (a project fails once), however often the relay retries. */
	public static String keyOf(cn.jiangmen.innovation.project.domain.ProjectId projectId) {
		return "project-recovery:" + projectId;
	}

}
