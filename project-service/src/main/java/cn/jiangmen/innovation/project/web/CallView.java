package cn.jiangmen.innovation.project.web;

import java.time.Instant;
import java.util.List;

import cn.jiangmen.innovation.project.domain.ProjectCall;
import cn.jiangmen.innovation.project.domain.Yuan;

/**
 * A call as the REST API shows it: money in yuan; {@code acceptingProposals} by the server clock;
 * {@code version} is what a status change sends back.
 */
public record CallView(String id, String fieldCode, int year, String title, String status, List<CallRequests.Topic> topics,
		String fundingCeiling, int maxFiscalSharePercent, List<String> requiredDocuments, String guideline,
		Instant opensAt, Instant closesAt, boolean acceptingProposals, long version) {

	static CallView of(ProjectCall call, Instant now) {
		return new CallView(call.id().toString(), call.fieldCode(), call.year(), call.title(), call.status().name(),
				call.topics()
					.stream()
					.map(t -> new CallRequests.Topic(t.code(), t.title(), t.requiresResearchPartner()))
					.toList(),
				Yuan.format(call.ceilingFen()), call.maxFiscalSharePercent(), call.requiredDocuments(), call.guideline(),
				call.opensAt(), call.closesAt(), call.acceptsProposals(now), call.version());
	}

	/** One page of calls. */
	public record Page(List<CallView> calls, String nextPageToken) {
	}

}
