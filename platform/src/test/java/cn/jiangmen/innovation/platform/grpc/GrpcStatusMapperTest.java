package cn.jiangmen.innovation.platform.grpc;

import java.util.List;

import cn.jiangmen.innovation.platform.error.ConflictException;
import cn.jiangmen.innovation.platform.error.DependencyUnavailableException;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.error.NotFoundException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;

class GrpcStatusMapperTest {

	private final GrpcStatusMapper mapper = new GrpcStatusMapper();

	@Test
	void invalidInputIsInvalidArgumentNamingEachField() throws Exception {
		StatusException status = this.mapper.handleException(new InvalidInputException(
				List.of(new FieldViolation("creditCode", "credit-code.check-digit", "check digit does not match"),
						new FieldViolation("title", "required", "must not be blank"))));
		assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(status.getStatus().getDescription()).contains("creditCode", "title");
		BadRequest badRequest = StatusProto.fromThrowable(status).getDetails(0).unpack(BadRequest.class);
		assertThat(badRequest.getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
			.containsExactly("creditCode", "title");
		assertThat(badRequest.getFieldViolations(0).getReason()).isEqualTo("credit-code.check-digit");
	}

	@Test
	void mapsOtherDomainFailures() throws Exception {
		assertThat(this.mapper.handleException(new NotFoundException("Application", "x")).getStatus().getCode())
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(this.mapper.handleException(new AccessDeniedException("no")).getStatus().getCode())
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		StatusException conflict = this.mapper.handleException(new ConflictException("deadline-passed", "closed"));
		assertThat(conflict.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(StatusProto.fromThrowable(conflict).getDetails(0).unpack(ErrorInfo.class).getReason())
			.isEqualTo("deadline-passed");
	}

	@Test
	void aDependencyThatDoesNotAnswerIsUnavailableSoClientsRetry() {
		StatusException status = this.mapper.handleException(
				new DependencyUnavailableException("project-service", "deadline exceeded", null));
		assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
		assertThat(status.getStatus().getDescription()).contains("project-service", "nothing was changed");
	}

	@Test
	void leavesUnknownFailuresToTheFallback() {
		assertThat(this.mapper.handleException(new IllegalStateException("boom"))).isNull();
	}

}
