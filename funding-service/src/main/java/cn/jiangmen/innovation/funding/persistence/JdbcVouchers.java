package cn.jiangmen.innovation.funding.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Tranche.Person;
import cn.jiangmen.innovation.funding.domain.voucher.Voucher;
import cn.jiangmen.innovation.funding.domain.voucher.VoucherState;
import cn.jiangmen.innovation.funding.domain.voucher.Vouchers;
import cn.jiangmen.innovation.platform.error.ConflictException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcVouchers implements Vouchers {

	private static final String COLUMNS = """
			id, enterprise_id, fiscal_year, program_code, face_minor, share_percent, expires_on, state,
			pending_transfer_id, issued_by_subject, issued_by_name, issued_at, provider_id, contract_reference,
			contract_price_minor, redeemed_minor, redeemed_by_subject, redeemed_by_name, redeemed_at,
			evidence_reference, prepared_by_subject, prepared_by_name, prepared_at, decided_by_subject,
			decided_by_name, decided_at, decision_reason, closed_at, version
			""";

	private final JdbcClient jdbc;

	JdbcVouchers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(Voucher v) {
		this.jdbc.sql("""
				insert into voucher (id, enterprise_id, fiscal_year, program_code, face_minor, share_percent, expires_on,
				                     state, pending_transfer_id, issued_by_subject, issued_by_name, issued_at, version)
				values (:id, :enterprise, :year, :program, :face, :share, :expires, :state, :pending, :bySubject,
				        :byName, :at, 0)
				""")
			.param("id", v.id().value())
			.param("enterprise", v.enterpriseId())
			.param("year", v.fiscalYear())
			.param("program", v.programCode())
			.param("face", v.faceMinor())
			.param("share", v.sharePercent())
			.param("expires", Date.valueOf(v.expiresOn()))
			.param("state", v.state().name())
			.param("pending", v.pendingTransferId())
			.param("bySubject", v.issuedBy().subject())
			.param("byName", v.issuedBy().username())
			.param("at", Timestamp.from(v.issuedAt()))
			.update();
	}

	@Override
	public Optional<Voucher> find(Voucher.Id id) {
		return this.jdbc.sql("select " + COLUMNS + " from voucher where id = :id")
			.param("id", id.value())
			.query(JdbcVouchers::map)
			.optional();
	}

	@Override
	public Optional<Voucher> lock(Voucher.Id id) {
		return this.jdbc.sql("select " + COLUMNS + " from voucher where id = :id for update")
			.param("id", id.value())
			.query(JdbcVouchers::map)
			.optional();
	}

	@Override
	public boolean update(Voucher v) {
		Voucher.Redemption r = v.redemption();
		Voucher.Settlement s = v.settlement();
		try {
			return this.jdbc.sql("""
					update voucher set state = :state, pending_transfer_id = :pending, provider_id = :provider,
					       contract_reference = :contract, contract_price_minor = :price, redeemed_minor = :redeemed,
					       redeemed_by_subject = :redeemedSubject, redeemed_by_name = :redeemedName, redeemed_at = :redeemedAt,
					       evidence_reference = :evidence, prepared_by_subject = :preparedSubject,
					       prepared_by_name = :preparedName, prepared_at = :preparedAt, decided_by_subject = :decidedSubject,
					       decided_by_name = :decidedName, decided_at = :decidedAt, decision_reason = :reason,
					       closed_at = :closedAt, version = version + 1
					where id = :id and version = :version
					""")
				.param("state", v.state().name())
				.param("pending", v.pendingTransferId())
				.param("provider", r == null ? null : r.providerId())
				.param("contract", r == null ? null : r.contractReference())
				.param("price", r == null ? null : r.contractPriceMinor())
				.param("redeemed", r == null ? null : r.redeemedMinor())
				.param("redeemedSubject", r == null ? null : r.redeemedBy().subject())
				.param("redeemedName", r == null ? null : r.redeemedBy().username())
				.param("redeemedAt", r == null ? null : timestamp(r.redeemedAt()))
				.param("evidence", s == null ? null : s.evidenceReference())
				.param("preparedSubject", s == null ? null : s.preparedBy().subject())
				.param("preparedName", s == null ? null : s.preparedBy().username())
				.param("preparedAt", s == null ? null : timestamp(s.preparedAt()))
				.param("decidedSubject", s == null || s.decidedBy() == null ? null : s.decidedBy().subject())
				.param("decidedName", s == null || s.decidedBy() == null ? null : s.decidedBy().username())
				.param("decidedAt", s == null ? null : timestamp(s.decidedAt()))
				.param("reason", s == null ? null : s.decisionReason())
				.param("closedAt", timestamp(v.closedAt()))
				.param("id", v.id().value())
				.param("version", v.version())
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("voucher.contract-already-paid",
					"That service contract of the provider is already paid by another voucher");
		}
	}

	@Override
	public List<Voucher> list(UUID enterprise, int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from voucher where (cast(:enterprise as uuid) is null or enterprise_id = :enterprise)
				order by issued_at desc, id offset :offset limit :limit
				""")
			.param("enterprise", enterprise)
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcVouchers::map)
			.list();
	}

	@Override
	public List<Voucher> redeemedWith(UUID provider, int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from voucher where provider_id = :provider
				order by issued_at desc, id offset :offset limit :limit
				""")
			.param("provider", provider)
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcVouchers::map)
			.list();
	}

	@Override
	public List<Voucher.Id> dueForExpiry(LocalDate today, int limit) {
		return this.jdbc.sql("""
				select id from voucher where state = 'ISSUED' and expires_on < :today
				order by expires_on, id limit :limit for update skip locked
				""")
			.param("today", Date.valueOf(today))
			.param("limit", limit)
			.query((rs, row) -> new Voucher.Id(rs.getObject("id", UUID.class)))
			.list();
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static Voucher map(ResultSet rs, int row) throws SQLException {
		UUID provider = rs.getObject("provider_id", UUID.class);
		Voucher.Redemption redemption = provider == null ? null
				: new Voucher.Redemption(provider, rs.getString("contract_reference"), rs.getLong("contract_price_minor"),
						rs.getLong("redeemed_minor"),
						new Person(rs.getString("redeemed_by_subject"), rs.getString("redeemed_by_name")),
						instant(rs, "redeemed_at"));
		String preparedBy = rs.getString("prepared_by_subject");
		String decidedBy = rs.getString("decided_by_subject");
		Voucher.Settlement settlement = preparedBy == null ? null
				: new Voucher.Settlement(rs.getString("evidence_reference"),
						new Person(preparedBy, rs.getString("prepared_by_name")), instant(rs, "prepared_at"),
						decidedBy == null ? null : new Person(decidedBy, rs.getString("decided_by_name")),
						instant(rs, "decided_at"), rs.getString("decision_reason"));
		return new Voucher(new Voucher.Id(rs.getObject("id", UUID.class)), rs.getObject("enterprise_id", UUID.class),
				rs.getInt("fiscal_year"), rs.getString("program_code"), rs.getLong("face_minor"),
				rs.getInt("share_percent"), rs.getDate("expires_on").toLocalDate(),
				VoucherState.valueOf(rs.getString("state")), rs.getObject("pending_transfer_id", UUID.class),
				new Person(rs.getString("issued_by_subject"), rs.getString("issued_by_name")), instant(rs, "issued_at"),
				redemption, settlement, instant(rs, "closed_at"), rs.getLong("version"));
	}

}
