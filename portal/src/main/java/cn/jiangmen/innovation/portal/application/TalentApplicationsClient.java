package cn.jiangmen.innovation.portal.application;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationStatus;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListApplicationsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListNoticesResponse;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * talent-service over gRPC (channel {@code talent}). The caller's access token rides along on
 * every call (platform's {@code BearerTokenClientInterceptor}), so talent-service shows each user
 * exactly what their own token allows. A failure never escapes as a 500: the page learns that the
 * service is unavailable and says so.
 */
@Component
public class TalentApplicationsClient {

	static final String CHANNEL = "talent";

	static final int NOTICES_SHOWN = 5;

	private static final String STATUS_PREFIX = "APPLICATION_STATUS_";

	private static final Logger log = LoggerFactory.getLogger(TalentApplicationsClient.class);

	private final TalentServiceGrpc.TalentServiceBlockingStub stub;

	private final PortalProperties properties;

	public TalentApplicationsClient(GrpcChannelFactory channels, PortalProperties properties) {
		this.stub = TalentServiceGrpc.newBlockingStub(channels.createChannel(CHANNEL));
		this.properties = properties;
	}

	/** The first page of the applications visible to the current user, newest first. */
	public MyApplications myApplications() {
		ListApplicationsResponse response;
		try {
			response = this.stub
				.withDeadlineAfter(this.properties.talentDeadline().toMillis(), TimeUnit.MILLISECONDS)
				.listApplications(
						ListApplicationsRequest.newBuilder().setPageSize(this.properties.applicationsPageSize()).build());
		}
		catch (StatusRuntimeException ex) {
			if (ex.getStatus().getCode() == Status.Code.PERMISSION_DENIED) {
				throw new AccessDeniedException("talent-service refused ListApplications", ex);
			}
			log.warn("talent-service ListApplications failed: {} {}", ex.getStatus().getCode(),
					ex.getStatus().getDescription());
			return MyApplications.unavailable();
		}
		return MyApplications.of(response.getApplicationsList().stream().map(this::toRow).toList(),
				!response.getNextPageToken().isEmpty());
	}

	/** The latest decisions on the applicant's organisation's applications, newest first. */
	public ApplicantNotices notices() {
		ListNoticesResponse response;
		try {
			response = this.stub
				.withDeadlineAfter(this.properties.talentDeadline().toMillis(), TimeUnit.MILLISECONDS)
				.listNotices(ListNoticesRequest.newBuilder().setLimit(NOTICES_SHOWN).build());
		}
		catch (StatusRuntimeException ex) {
			log.warn("talent-service ListNotices failed: {} {}", ex.getStatus().getCode(),
					ex.getStatus().getDescription());
			return ApplicantNotices.unavailable();
		}
		return ApplicantNotices.of(response.getNoticesList()
			.stream()
			.map(n -> new NoticeRow(n.getApplicationId(), n.getApplicationTitle(), statusName(n.getStatus()),
					n.getDetail(), ZonedDateTime.ofInstant(
							Instant.ofEpochSecond(n.getAt().getSeconds(), n.getAt().getNanos()), this.properties.zone())))
			.toList());
	}

	private ApplicationRow toRow(ApplicationSummary summary) {
		Instant updated = Instant.ofEpochSecond(summary.getUpdatedAt().getSeconds(), summary.getUpdatedAt().getNanos());
		return new ApplicationRow(summary.getApplicationId(), summary.getTitle(), statusName(summary.getStatus()),
				ZonedDateTime.ofInstant(updated, this.properties.zone()));
	}

	static String statusName(ApplicationStatus status) {
		if (status == ApplicationStatus.UNRECOGNIZED || status == ApplicationStatus.APPLICATION_STATUS_UNSPECIFIED) {
			return "UNSPECIFIED";
		}
		return status.name().substring(STATUS_PREFIX.length());
	}

}
