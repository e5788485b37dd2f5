package cn.jiangmen.innovation.project.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import cn.jiangmen.innovation.platform.error.FieldViolation;
import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the call endpoints; the domain checks them and names every bad field. */
final class CallRequests {

	private CallRequests() {
	}

	/** A new call (申报指南); money in yuan, times as ISO-8601 instants. */
	record CreateCall(@Schema(example = "rail-transit-equipment") String fieldCode, @Schema(example = "2027") Integer year,
			@Schema(example = "2027年轨道交通装备重大科技专项申报指南") String title, List<Topic> topics,
			@Schema(example = "5000000.00", description = "most fiscal money per project, yuan") String fundingCeiling,
			@Schema(example = "30", description = "fiscal share of the total budget, at most this percentage") Integer maxFiscalSharePercent,
			List<String> requiredDocuments, String guideline,
			@Schema(example = "2027-01-01T00:00:00Z") String opensAt,
			@Schema(example = "2027-03-31T09:00:00Z") String closesAt) {
	}

	/** A topic (指南方向); {@code requiresResearchPartner} marks an 产学研 topic. */
	record Topic(@Schema(example = "T1") String code, String title, Boolean requiresResearchPartner) {
	}

	/** Publish or close, with the version read. */
	record ChangeStatus(@Schema(allowableValues = { "PUBLISH", "CLOSE" }) String action, Long version) {
	}

	static Instant instant(String text, String field, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation(field, "instant.malformed", "must be an ISO-8601 instant, e.g. 2027-03-31T09:00:00Z"));
			return null;
		}
	}

}
