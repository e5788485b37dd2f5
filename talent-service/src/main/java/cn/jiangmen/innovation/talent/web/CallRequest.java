package cn.jiangmen.innovation.talent.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new call: categories with their eligibility rules, priority fields, opening and closing instants. */
public record CallRequest(@NotBlank @Size(max = 200) String title,
		@NotEmpty @Schema(description = "Category -> rules; omit a category the call does not fund") Map<String, @Valid @NotNull Rules> categories,
		@NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 100) String> priorityFields,
		@NotNull @Schema(example = "2026-03-01T00:00:00Z") Instant opensAt,
		@NotNull @Schema(example = "2026-05-31T15:59:59Z", description = "Server-clock instant; shown in Asia/Shanghai") Instant closesAt) {

	public record Rules(@Min(18) @Max(100) Integer maxLeaderAge, @Min(1) @Max(100) int minTeamSize,
			Set<String> requiredLeaderTitles, boolean leaderFullTime, boolean fieldMustBeInCall) {
	}

}
