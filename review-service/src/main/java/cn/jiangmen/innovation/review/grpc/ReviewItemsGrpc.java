package cn.jiangmen.innovation.review.grpc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.contracts.review.v1.AwaitingItem;
import cn.jiangmen.innovation.contracts.review.v1.CheckReviewerAccessRequest;
import cn.jiangmen.innovation.contracts.review.v1.CheckReviewerAccessResponse;
import cn.jiangmen.innovation.contracts.review.v1.GetReviewStatusRequest;
import cn.jiangmen.innovation.contracts.review.v1.GetReviewStatusResponse;
import cn.jiangmen.innovation.contracts.review.v1.ListItemsAwaitingRoundRequest;
import cn.jiangmen.innovation.contracts.review.v1.ListItemsAwaitingRoundResponse;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewRequest;
import cn.jiangmen.innovation.contracts.review.v1.OpenReviewResponse;
import cn.jiangmen.innovation.platform.error.InvalidInputException;
import cn.jiangmen.innovation.platform.grpc.ProtoTimes;
import cn.jiangmen.innovation.platform.paging.PageRequest;
import cn.jiangmen.innovation.platform.security.Callers;
import cn.jiangmen.innovation.review.application.ExpertWork;
import cn.jiangmen.innovation.review.application.ReviewCommands;
import cn.jiangmen.innovation.review.application.ReviewQueries;
import cn.jiangmen.innovation.review.application.RoundQueries;
import cn.jiangmen.innovation.review.domain.OpenReview;
import cn.jiangmen.innovation.review.domain.OwningContext;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.review.domain.ReviewItemId;

import org.springframework.stereotype.Component;

/** Review items: owning services open reviews and ask where they stand; managers list what waits. */
@Component
class ReviewItemsGrpc {

	private final ReviewCommands commands;

	private final ReviewQueries queries;

	private final RoundQueries rounds;

	private final ExpertWork work;

	ReviewItemsGrpc(ReviewCommands commands, ReviewQueries queries, RoundQueries rounds, ExpertWork work) {
		this.commands = commands;
		this.queries = queries;
		this.rounds = rounds;
		this.work = work;
	}

	OpenReviewResponse openReview(OpenReviewRequest request) {
		ReviewItem item = this.commands.open(Callers.current(),
				() -> OpenReview.of(request.getIdempotencyKey(),
						ReviewGrpcMapping.owningContext(request.getOwningContext()), request.getItemId(),
						request.getTitle(), request.getFieldCodesList(),
						request.getOrganisationsList()
							.stream()
							.map(o -> new OpenReview.OrganisationInput(o.getId(), o.getName()))
							.toList(),
						ProtoTimes.optionalInstant(request.getSubmittedAt(), "submitted_at"),
						request.getLeaderPersonKey(), request.getMemberPersonKeysList(), request.getLeaderNameKeysList(),
						ReviewGrpcMapping.itemKind(request.getItemKind())));
		return OpenReviewResponse.newBuilder()
			.setReviewItemId(item.id().toString())
			.setState(ReviewGrpcMapping.toProto(item.state()))
			.build();
	}

	GetReviewStatusResponse getReviewStatus(GetReviewStatusRequest request) {
		ReviewItem item = this.queries.get(ReviewItemId.parse(request.getReviewItemId(), "review_item_id"),
				Callers.current());
		return GetReviewStatusResponse.newBuilder()
			.setReviewItemId(item.id().toString())
			.setState(ReviewGrpcMapping.toProto(item.state()))
			.build();
	}

	CheckReviewerAccessResponse checkReviewerAccess(CheckReviewerAccessRequest request) {
		UUID item;
		try {
			item = UUID.fromString(request.getItemId());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("item_id", "uuid", "must be a UUID");
		}
		OwningContext context = ReviewGrpcMapping.owningContext(request.getOwningContext());
		if (context == null) {
			throw new InvalidInputException("owning_context", "required", "must be TALENT or PROJECT");
		}
		return CheckReviewerAccessResponse.newBuilder()
			.setAllowed(this.work.mayReadOwnerItem(Callers.current(), context, item))
			.build();
	}

	ListItemsAwaitingRoundResponse listItemsAwaitingRound(ListItemsAwaitingRoundRequest request) {
		Optional<OwningContext> context = switch (request.getOwningContext()) {
			case OWNING_CONTEXT_UNSPECIFIED -> Optional.empty();
			case UNRECOGNIZED -> throw new InvalidInputException("owning_context", "required",
					"must be TALENT, PROJECT or unspecified");
			default -> Optional.of(ReviewGrpcMapping.owningContext(request.getOwningContext()));
		};
		PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), "page_size", "page_token");
		List<ReviewItem> items = this.rounds.awaitingRound(Callers.current(), context, page);
		ListItemsAwaitingRoundResponse.Builder response = ListItemsAwaitingRoundResponse.newBuilder()
			.setNextPageToken(page.nextToken(items.size()));
		for (ReviewItem item : items) {
			AwaitingItem.Builder row = AwaitingItem.newBuilder()
				.setReviewItemId(item.id().toString())
				.setOwningContext(ReviewGrpcMapping.toProto(item.owningContext()))
				.setItemId(item.itemId().toString())
				.setTitle(item.title())
				.addAllFieldCodes(item.fieldCodes())
				.setItemKind(ReviewGrpcMapping.toProto(item.itemKind()))
				.setOpenedAt(ProtoTimes.timestamp(item.openedAt()));
			item.submittedAt().ifPresent(at -> row.setSubmittedAt(ProtoTimes.timestamp(at)));
			response.addItems(row);
		}
		return response.build();
	}

}
