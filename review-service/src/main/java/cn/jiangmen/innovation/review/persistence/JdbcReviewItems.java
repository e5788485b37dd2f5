package cn.jiangmen.innovation.review.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.review.domain.ItemKind;
import cn.jiangmen.innovation.review.domain.OwningContext;
import cn.jiangmen.innovation.review.domain.ReviewItem;
import cn.jiangmen.innovation.review.domain.ReviewItemId;
import cn.jiangmen.innovation.review.domain.ReviewItems;
import cn.jiangmen.innovation.review.domain.ReviewState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReviewItems implements ReviewItems {

	private static final String COLUMNS = "id, idempotency_key, owning_context, item_id, title, field_codes,"
			+ " organisation_ids::text[] as organisation_ids, organisation_names, submitted_at, leader_person_key, member_person_keys, leader_name_keys, item_kind, state, opened_by, opened_at";

	private final JdbcClient jdbc;

	JdbcReviewItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean addIfKeyUnused(ReviewItem item) {
		// ON CONFLICT waits for a concurrent insert of the same key and then skips: exactly one wins.
		int inserted = this.jdbc.sql("""
				insert into review_item (id, idempotency_key, owning_context, item_id, title, field_codes,
				                         organisation_ids, organisation_names, submitted_at, leader_person_key,
				                         member_person_keys, leader_name_keys, item_kind, state, opened_by, opened_at)
				values (:id, :key, :context, :itemId, :title, :fieldCodes, cast(:organisationIds as uuid[]), :names, :submittedAt,
				        :leader, :members, :leaderNames, :kind, :state, :openedBy, :openedAt)
				on conflict (idempotency_key) do nothing
				""")
			.param("id", item.id().value())
			.param("key", item.idempotencyKey())
			.param("context", item.owningContext().name())
			.param("itemId", item.itemId())
			.param("title", item.title())
			.param("fieldCodes", item.fieldCodes().toArray(String[]::new))
			.param("organisationIds", item.organisationIds().stream().map(UUID::toString).toArray(String[]::new))
			.param("names", item.organisationNames().toArray(String[]::new))
			.param("submittedAt", item.submittedAt().map(Timestamp::from).orElse(null))
			.param("leader", item.leaderPersonKey().orElse(null))
			.param("members", item.memberPersonKeys().toArray(String[]::new))
			.param("leaderNames", item.leaderNameKeys().toArray(String[]::new))
			.param("kind", item.itemKind().name())
			.param("state", item.state().name())
			.param("openedBy", item.openedBy())
			.param("openedAt", Timestamp.from(item.openedAt()))
			.update();
		return inserted == 1;
	}

	@Override
	public Optional<ReviewItem> find(ReviewItemId id) {
		return this.jdbc.sql("select " + COLUMNS + " from review_item where id = :id")
			.param("id", id.value())
			.query(JdbcReviewItems::map)
			.optional();
	}

	@Override
	public Optional<ReviewItem> findByIdempotencyKey(String idempotencyKey) {
		return this.jdbc.sql("select " + COLUMNS + " from review_item where idempotency_key = :key")
			.param("key", idempotencyKey)
			.query(JdbcReviewItems::map)
			.optional();
	}

	@Override
	public List<ReviewItem> findByOwner(OwningContext context, UUID ownerItemId) {
		return this.jdbc.sql("select " + COLUMNS + " from review_item where owning_context = :context and item_id = :item")
			.param("context", context.name())
			.param("item", ownerItemId)
			.query(JdbcReviewItems::map)
			.list();
	}

	@Override
	public List<ReviewItem> all(int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from review_item order by opened_at desc, id offset :offset limit :limit")
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcReviewItems::map)
			.list();
	}

	@Override
	public List<ReviewItem> awaitingRound(Optional<OwningContext> context, int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from review_item where state = 'AWAITING_ROUND'"
				+ " and (cast(:context as varchar) is null or owning_context = :context) order by opened_at, id offset :offset limit :limit")
			.param("context", context.map(OwningContext::name).orElse(null))
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcReviewItems::map)
			.list();
	}

	@Override
	public void updateState(ReviewItemId id, ReviewState state) {
		this.jdbc.sql("update review_item set state = :state, version = version + 1 where id = :id")
			.param("state", state.name())
			.param("id", id.value())
			.update();
	}

	@Override
	public List<ReviewItem> findAll(java.util.Collection<ReviewItemId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from review_item where id = any(:ids)")
			.param("ids", ids.stream().map(ReviewItemId::value).toArray(UUID[]::new))
			.query(JdbcReviewItems::map)
			.list();
	}

	static ReviewItem map(ResultSet rs, int row) throws SQLException {
		Timestamp submittedAt = rs.getTimestamp("submitted_at");
		return new ReviewItem(new ReviewItemId(rs.getObject("id", UUID.class)), rs.getString("idempotency_key"),
				OwningContext.valueOf(rs.getString("owning_context")), rs.getObject("item_id", UUID.class),
				rs.getString("title"), Arrays.asList((String[]) array(rs.getArray("field_codes"))),
				Arrays.stream((String[]) array(rs.getArray("organisation_ids"))).map(UUID::fromString).toList(),
				Arrays.asList((String[]) array(rs.getArray("organisation_names"))),
				Optional.ofNullable(submittedAt).map(Timestamp::toInstant),
				Optional.ofNullable(rs.getString("leader_person_key")),
				Arrays.asList((String[]) array(rs.getArray("member_person_keys"))),
				Arrays.asList((String[]) array(rs.getArray("leader_name_keys"))),
				ItemKind.valueOf(rs.getString("item_kind")), ReviewState.valueOf(rs.getString("state")),
				rs.getString("opened_by"), rs.getTimestamp("opened_at").toInstant());
	}

	private static Object array(Array array) throws SQLException {
		return array.getArray();
	}

}
