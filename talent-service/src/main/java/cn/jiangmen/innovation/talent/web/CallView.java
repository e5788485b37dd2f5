package cn.jiangmen.innovation.talent.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jiangmen.innovation.talent.domain.TalentCall;

/** A call as the REST API shows it; {@code closesAtLocal} is the closing time in Asia/Shanghai. */
public record CallView(UUID id, String title, String status, Instant opensAt, Instant closesAt,
		String closesAtLocal, boolean acceptingSubmissions, List<String> priorityFields,
		Map<String, CallRequest.Rules> categories) {

	static CallView of(TalentCall call, Instant now) {
		Map<String, CallRequest.Rules> categories = new LinkedHashMap<>();
		call.categories()
			.forEach((category, rules) -> categories.put(category.name(),
					new CallRequest.Rules(rules.maxLeaderAge(), rules.minTeamSize(),
							new java.util.TreeSet<>(rules.requiredLeaderTitles().stream().map(Enum::name).toList()),
							rules.leaderFullTime(), rules.fieldMustBeInCall())));
		return new CallView(call.id().value(), call.title(), call.status().name(), call.opensAt(), call.closesAt(),
				call.closesAt().atZone(TalentCall.ZONE).toLocalDateTime().toString(), call.acceptsSubmissionsAt(now),
				call.priorityFields(), categories);
	}

}
