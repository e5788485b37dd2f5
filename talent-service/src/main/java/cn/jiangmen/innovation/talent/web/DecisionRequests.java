package cn.jiangmen.innovation.talent.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Bodies of the manager's decisions. */
final class DecisionRequests {

	private DecisionRequests() {
	}

	record ReturnRequest(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 1000) String> reasons,
			@Schema(description = "Until when the applicant may resubmit; default in 7 days") Instant correctionDueAt) {
	}

	record RejectRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	record NoteRequest(@Size(max = 1000) String note) {
	}

}
