package cn.jiangmen.innovation.portal.talent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import cn.jiangmen.innovation.contracts.talent.v1.ApplicationDetail;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationForm;
import cn.jiangmen.innovation.contracts.talent.v1.ApplicationSummary;
import cn.jiangmen.innovation.contracts.talent.v1.AwardApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.CallApplicationsView;
import cn.jiangmen.innovation.contracts.talent.v1.CreateApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.CreateCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DeclineApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DecideFormalCheckRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.DownloadAttachmentResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListAttachmentsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.FormalCheckDecision;
import cn.jiangmen.innovation.contracts.talent.v1.GetApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallApplicationsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.OpenCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.RecommendApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SaveApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.SubmitApplicationRequest;
import cn.jiangmen.innovation.contracts.talent.v1.TalentAttachment;
import cn.jiangmen.innovation.contracts.talent.v1.TalentCall;
import cn.jiangmen.innovation.contracts.talent.v1.TalentServiceGrpc;
import cn.jiangmen.innovation.contracts.talent.v1.UploadAttachmentRequest;
import cn.jiangmen.innovation.contracts.talent.v1.WithdrawApplicationRequest;
import cn.jiangmen.innovation.portal.config.PortalProperties;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The talent pages' way to talent-service (gRPC channel {@code talent}, the user's token relayed).
 * Refusals the user can act on come back as {@link Rejected} (fields with message codes) or
 * {@link Refused} (a state rule's code); NOT_FOUND is a 404 page, PERMISSION_DENIED a 403 page,
 * and anything else a 503 page, never a 500.
 */
@Component
public class TalentPortalClient {

	/** Room for a 10 MB attachment in one message. */
	static final int MAX_MESSAGE = 12 * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(TalentPortalClient.class);

	/** One rejected field: what talent-service named and the reason code the page translates. */
	public record Violation(String field, String code) {
	}

	/** INVALID_ARGUMENT: the fields to fix. */
	public static class Rejected extends RuntimeException {

		private final transient List<Violation> violations;

		Rejected(List<Violation> violations) {
			super("talent-service rejected fields " + violations);
			this.violations = List.copyOf(violations);
		}

		public List<Violation> violations() {
			return this.violations;
		}

	}

	/** FAILED_PRECONDITION: a state or deadline rule said no; {@code code} is its reason. */
	public static class Refused extends RuntimeException {

		private final String code;

		Refused(String code) {
			super("talent-service refused: " + code);
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

	private final TalentServiceGrpc.TalentServiceBlockingStub stub;

	private final PortalProperties properties;

	public TalentPortalClient(GrpcChannelFactory channels, PortalProperties properties) {
		this.stub = TalentServiceGrpc.newBlockingStub(channels.createChannel("talent"))
			.withMaxInboundMessageSize(MAX_MESSAGE)
			.withMaxOutboundMessageSize(MAX_MESSAGE);
		this.properties = properties;
	}

	public List<TalentCall> calls() {
		return call(s -> s.listCalls(ListCallsRequest.getDefaultInstance()).getCallsList());
	}

	public Optional<TalentCall> findCall(String callId) {
		return calls().stream().filter(c -> c.getCallId().equals(callId)).findFirst();
	}

	public ApplicationDetail application(String id) {
		return call(s -> s.getApplication(GetApplicationRequest.newBuilder().setApplicationId(id).build())
			.getApplication());
	}

	public ApplicationDetail create(String callId, String title) {
		return call(s -> s.createApplication(CreateApplicationRequest.newBuilder()
			.setCallId(callId)
			.setForm(ApplicationForm.newBuilder().setTitle(title))
			.build()).getApplication());
	}

	/** Saves the form read at {@code version} (0: unchecked); a concurrent change is {@link Refused}. */
	public ApplicationDetail save(String id, ApplicationForm form, long version) {
		return call(s -> s.saveApplication(
				SaveApplicationRequest.newBuilder().setApplicationId(id).setForm(form).setVersion(version).build())
			.getApplication());
	}

	public ApplicationSummary submit(String id) {
		return call(s -> s.submitApplication(SubmitApplicationRequest.newBuilder().setApplicationId(id).build())
			.getApplication());
	}

	public ApplicationSummary withdraw(String id) {
		return call(s -> s.withdrawApplication(WithdrawApplicationRequest.newBuilder().setApplicationId(id).build())
			.getApplication());
	}

	public TalentAttachment upload(String id, String kind, String filename, byte[] content) {
		return call(s -> s.uploadAttachment(UploadAttachmentRequest.newBuilder()
			.setApplicationId(id)
			.setKind(kind == null ? "" : kind)
			.setFilename(filename == null ? "" : filename)
			.setContent(ByteString.copyFrom(content))
			.build()).getAttachment());
	}

	public DownloadAttachmentResponse download(String id, String attachmentId) {
		return call(s -> s.downloadAttachment(
				DownloadAttachmentRequest.newBuilder().setApplicationId(id).setAttachmentId(attachmentId).build()));
	}

	/** The documents of an application the caller may read (organisation, bureau, assigned reviewer). */
	public List<TalentAttachment> attachments(String applicationId) {
		return call(s -> s.listAttachments(ListAttachmentsRequest.newBuilder().setApplicationId(applicationId).build()))
			.getAttachmentsList();
	}

	public List<ApplicationSummary> callApplications(String callId, CallApplicationsView view) {
		return call(s -> s.listCallApplications(
				ListCallApplicationsRequest.newBuilder().setCallId(callId).setView(view).build())
			.getApplicationsList());
	}

	public ApplicationSummary decide(String id, FormalCheckDecision decision, List<String> reasons) {
		return call(s -> s.decideFormalCheck(DecideFormalCheckRequest.newBuilder()
			.setApplicationId(id)
			.setDecision(decision)
			.addAllReasons(reasons)
			.build()).getApplication());
	}

	public ApplicationSummary recommend(String id) {
		return call(s -> s.recommendApplication(RecommendApplicationRequest.newBuilder().setApplicationId(id).build())
			.getApplication());
	}

	public TalentCall createCall(CreateCallRequest request) {
		return call(s -> s.createCall(request).getCall());
	}

	public TalentCall openCall(String callId) {
		return call(s -> s.openCall(OpenCallRequest.newBuilder().setCallId(callId).build()).getCall());
	}

	public ApplicationSummary award(String id, String note) {
		return call(s -> s.awardApplication(
				AwardApplicationRequest.newBuilder().setApplicationId(id).setNote(note == null ? "" : note).build())
			.getApplication());
	}

	public ApplicationSummary decline(String id, String note) {
		return call(s -> s.declineApplication(
				DeclineApplicationRequest.newBuilder().setApplicationId(id).setNote(note == null ? "" : note).build())
			.getApplication());
	}

	private <T> T call(Function<TalentServiceGrpc.TalentServiceBlockingStub, T> rpc) {
		try {
			return rpc.apply(this.stub.withDeadlineAfter(this.properties.talentDeadline().toMillis(),
					TimeUnit.MILLISECONDS));
		}
		catch (StatusRuntimeException ex) {
			throw translate(ex);
		}
	}

	static RuntimeException translate(StatusRuntimeException ex) {
		Status.Code code = ex.getStatus().getCode();
		com.google.rpc.Status rich = StatusProto.fromThrowable(ex);
		switch (code) {
			case INVALID_ARGUMENT -> {
				List<Violation> violations = new ArrayList<>();
				if (rich != null) {
					rich.getDetailsList().stream().filter(d -> d.is(BadRequest.class)).forEach(d -> {
						try {
							d.unpack(BadRequest.class)
								.getFieldViolationsList()
								.forEach(v -> violations.add(new Violation(v.getField(), v.getReason())));
						}
						catch (InvalidProtocolBufferException e) {
							log.warn("Unreadable BadRequest detail", e);
						}
					});
				}
				if (violations.isEmpty()) {
					violations.add(new Violation("", "invalid"));
				}
				return new Rejected(violations);
			}
			case FAILED_PRECONDITION -> {
				String reason = "";
				if (rich != null) {
					for (var detail : rich.getDetailsList()) {
						if (detail.is(ErrorInfo.class)) {
							try {
								reason = detail.unpack(ErrorInfo.class).getReason();
							}
							catch (InvalidProtocolBufferException e) {
								log.warn("Unreadable ErrorInfo detail", e);
							}
						}
					}
				}
				return new Refused(reason);
			}
			case NOT_FOUND -> {
				return new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			case PERMISSION_DENIED -> {
				return new AccessDeniedException("talent-service refused the call");
			}
			default -> {
				log.warn("talent-service failed: {} {}", code, ex.getStatus().getDescription());
				return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE);
			}
		}
	}

}
