package cn.jiangmen.innovation.talent.grpc;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.talent.domain.TalentApplication;
import com.google.protobuf.Timestamp;

final class ApplicationSummaries {

	private ApplicationSummaries() {
	}

	static ApplicationSummary toProto(TalentApplication application) {
		return ApplicationSummary.newBuilder()
			.setApplicationId(application.id().toString())
			.setCallId(application.callId().toString())
			.setOrganisationId(application.organisationId().toString())
			.setTitle(application.title())
			.setStatus(ApplicationStatus.valueOf("APPLICATION_STATUS_" + application.status().name()))
			.setUpdatedAt(Timestamp.newBuilder()
				.setSeconds(application.updatedAt().getEpochSecond())
				.setNanos(application.updatedAt().getNano()))
			.build();
	}

}
