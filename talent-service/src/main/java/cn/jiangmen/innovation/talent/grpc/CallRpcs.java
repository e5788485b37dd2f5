package cn.jiangmen.innovation.talent.grpc;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.talent.v1.CreateCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.CreateCallResponse;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsRequest;
import cn.jiangmen.innovation.contracts.talent.v1.ListCallsResponse;
import cn.jiangmen.innovation.contracts.talent.v1.OpenCallRequest;
import cn.jiangmen.innovation.contracts.talent.v1.OpenCallResponse;
import cn.jiangmen.innovation.platform.domain.Caller;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.talent.application.CallCatalogue;
import cn.jiangmen.innovation.talent.domain.CallId;
import cn.jiangmen.innovation.talent.domain.Category;
import cn.jiangmen.innovation.talent.domain.EligibilityRules;
import cn.jiangmen.innovation.talent.domain.TalentAccess;
import cn.jiangmen.innovation.talent.domain.TalentCall;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The RPCs around a call (申报批次): list, create as a draft, open. */
@Component
class CallRpcs {

	private final CallCatalogue calls;

	private final Clock clock;

	CallRpcs(CallCatalogue calls, Clock clock) {
		this.calls = calls;
		this.clock = clock;
	}

	ListCallsResponse list(ListCallsRequest request) {
		PageRequest page = ListPages.of(request.getPageSize(), request.getPageToken());
		Instant now = this.clock.instant();
		List<TalentCall> visible = ListPages.slice(this.calls.visibleTo(Callers.current()), page);
		return ListCallsResponse.newBuilder()
			.addAllCalls(visible.stream().map(call -> CallMapper.call(call, now)).toList())
			.setNextPageToken(page.nextToken(visible.size()))
			.build();
	}

	/**
	 * A manager creates a call as a draft. Non-managers are refused before their input is looked at
	 * (PERMISSION_DENIED, as CallCatalogue would); bad input names every field at once, category
	 * rules and call fields together, and creates nothing.
	 */
	CreateCallResponse create(CreateCallRequest request) {
		Caller caller = Callers.current();
		if (!TalentAccess.isManager(caller)) {
			throw new AccessDeniedException("Only program managers create and open calls");
		}
		Instant opensAt = ProtoTimes.optionalInstant(request.getOpensAt(), "opens_at").orElse(null);
		Instant closesAt = ProtoTimes.optionalInstant(request.getClosesAt(), "closes_at").orElse(null);
		Map<Category, EligibilityRules> categories;
		try {
			categories = CallRequests.categories(request.getCategoriesList());
		}
		catch (InvalidInputException categoryProblems) {
			List<FieldViolation> all = new ArrayList<>(categoryProblems.violations());
			all.addAll(callFieldProblems(request.getTitle(), request.getPriorityFieldsList(), opensAt, closesAt));
			throw new InvalidInputException(all);
		}
		TalentCall call = this.calls.create(caller, request.getTitle(), categories, request.getPriorityFieldsList(),
				opensAt, closesAt);
		return CreateCallResponse.newBuilder().setCall(CallMapper.call(call, this.clock.instant())).build();
	}

	OpenCallResponse open(OpenCallRequest request) {
		TalentCall call = this.calls.open(Callers.current(), CallId.parse(request.getCallId(), "call_id"));
		return OpenCallResponse.newBuilder().setCall(CallMapper.call(call, this.clock.instant())).build();
	}

	/**
	 * The domain's own checks of the call-level fields, for a request whose categories were already
	 * refused: a dry run of {@link TalentCall#create} (pure, stores nothing) without the categories,
	 * whose "categories required" finding is left out because the categories were named already.
	 */
	private List<FieldViolation> callFieldProblems(String title, List<String> priorityFields, Instant opensAt,
			Instant closesAt) {
		try {
			TalentCall.create(title, Map.of(), priorityFields, opensAt, closesAt, this.clock.instant());
		}
		catch (InvalidInputException ex) {
			return ex.violations().stream().filter(v -> !v.field().equals("categories")).toList();
		}
		throw new IllegalStateException("A call without categories was accepted");
	}

}
