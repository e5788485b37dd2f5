package cn.jiangmen.innovation.funding.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.payment.BeneficiaryAccount;
import cn.jiangmen.innovation.funding.domain.payment.PaymentBatch;
import cn.jiangmen.innovation.funding.domain.payment.PaymentBatches;
import cn.jiangmen.innovation.funding.domain.payment.PaymentLine;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPaymentBatches implements PaymentBatches {

	private static final String BATCH_COLUMNS = """
			id, reference, state, line_count, control_sum_minor, created_by_subject, created_by_name, created_at,
			sent_by_subject, sent_by_name, sent_at, closed_at, version
			""";

	private static final String LINE_COLUMNS = """
			id, batch_id, line_number, tranche_id, organisation_id, end_to_end_id, gross_minor, offset_minor, amount_minor,
			creditor_name, creditor_account, creditor_bank_name, creditor_bank_code, state, send_transfer_id,
			settle_transfer_id, bank_status, bank_reason, confirmed_at, version
			""";

	private final JdbcClient jdbc;

	JdbcPaymentBatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(PaymentBatch b) {
		this.jdbc.sql("""
				insert into payment_batch (id, reference, state, line_count, control_sum_minor, created_by_subject,
				                           created_by_name, created_at, version)
				values (:id, :reference, :state, :count, :sum, :subject, :name, :at, 0)
				""")
			.param("id", b.id().value())
			.param("reference", b.reference())
			.param("state", b.state().name())
			.param("count", b.lineCount())
			.param("sum", b.controlSumMinor())
			.param("subject", b.createdBy().subject())
			.param("name", b.createdBy().username())
			.param("at", Timestamp.from(b.createdAt()))
			.update();
		for (PaymentLine l : b.lines()) {
			this.jdbc.sql("""
					insert into payment_line (id, batch_id, line_number, tranche_id, organisation_id, end_to_end_id,
					       gross_minor, offset_minor, amount_minor, creditor_name, creditor_account, creditor_bank_name,
					       creditor_bank_code, state, version)
					values (:id, :batch, :number, :tranche, :organisation, :endToEnd, :gross, :offset, :amount, :name,
					        :account, :bankName, :bankCode, :state, 0)
					""")
				.param("id", l.id())
				.param("batch", b.id().value())
				.param("number", l.lineNumber())
				.param("tranche", l.trancheId().value())
				.param("organisation", l.organisationId())
				.param("endToEnd", l.endToEndId())
				.param("gross", l.grossMinor())
				.param("offset", l.offsetMinor())
				.param("amount", l.amountMinor())
				.param("name", l.creditorName())
				.param("account", l.creditorAccount())
				.param("bankName", l.creditorBankName())
				.param("bankCode", l.creditorBankCode())
				.param("state", l.state().name())
				.update();
		}
	}

	@Override
	public Optional<PaymentBatch> find(PaymentBatch.Id id) {
		return this.jdbc.sql("select " + BATCH_COLUMNS + " from payment_batch where id = :id")
			.param("id", id.value())
			.query((rs, row) -> batch(rs, lines(id)))
			.optional();
	}

	@Override
	public boolean update(PaymentBatch b) {
		int updated = this.jdbc.sql("""
				update payment_batch set state = :state, sent_by_subject = :sentSubject, sent_by_name = :sentName,
				       sent_at = :sentAt, closed_at = :closedAt, version = version + 1
				where id = :id and version = :version
				""")
			.param("state", b.state().name())
			.param("sentSubject", b.sentBy() == null ? null : b.sentBy().subject())
			.param("sentName", b.sentBy() == null ? null : b.sentBy().username())
			.param("sentAt", timestamp(b.sentAt()))
			.param("closedAt", timestamp(b.closedAt()))
			.param("id", b.id().value())
			.param("version", b.version())
			.update();
		if (updated != 1) {
			return false;
		}
		for (PaymentLine l : b.lines()) {
			this.jdbc.sql("""
					update payment_line set state = :state, send_transfer_id = :send, settle_transfer_id = :settle,
					       bank_status = :status, bank_reason = :reason, confirmed_at = :at, version = version + 1
					where id = :id and version = :version
					""")
				.param("state", l.state().name())
				.param("send", l.sendTransferId())
				.param("settle", l.settleTransferId())
				.param("status", l.bankStatus())
				.param("reason", l.bankReason())
				.param("at", timestamp(l.confirmedAt()))
				.param("id", l.id())
				.param("version", l.version())
				.update();
		}
		return true;
	}

	@Override
	public List<PaymentBatch> page(int offset, int size) {
		return this.jdbc.sql("select " + BATCH_COLUMNS + " from payment_batch order by created_at desc, id limit :size offset :offset")
			.param("size", size)
			.param("offset", offset)
			.query((rs, row) -> batch(rs, null))
			.list()
			.stream()
			.map(b -> new PaymentBatch(b.id(), b.reference(), b.state(), b.lineCount(), b.controlSumMinor(),
					b.createdBy(), b.createdAt(), b.sentBy(), b.sentAt(), b.closedAt(), b.version(), lines(b.id())))
			.toList();
	}

	@Override
	public List<PaymentLine> linesOf(Tranche.Id tranche) {
		return this.jdbc.sql("""
				select %s from payment_line l where tranche_id = :tranche
				order by (select created_at from payment_batch b where b.id = l.batch_id), line_number
				""".formatted(LINE_COLUMNS))
			.param("tranche", tranche.value())
			.query(JdbcPaymentBatches::line)
			.list();
	}

	private List<PaymentLine> lines(PaymentBatch.Id batch) {
		return this.jdbc.sql("select " + LINE_COLUMNS + " from payment_line where batch_id = :batch order by line_number")
			.param("batch", batch.value())
			.query(JdbcPaymentBatches::line)
			.list();
	}

	@Override
	public Optional<BeneficiaryAccount> account(UUID organisation) {
		return this.jdbc.sql("""
				select organisation_id, account_name, account_number, bank_name, bank_code, entered_by_subject,
				       entered_by_name, entered_at, version
				from beneficiary_account where organisation_id = :id
				""")
			.param("id", organisation)
			.query((rs, row) -> new BeneficiaryAccount(rs.getObject("organisation_id", UUID.class),
					rs.getString("account_name"), rs.getString("account_number"), rs.getString("bank_name"),
					rs.getString("bank_code"),
					new Tranche.Person(rs.getString("entered_by_subject"), rs.getString("entered_by_name")),
					rs.getTimestamp("entered_at").toInstant(), rs.getLong("version")))
			.optional();
	}

	@Override
	public void saveAccount(BeneficiaryAccount a) {
		this.jdbc.sql("""
				insert into beneficiary_account (organisation_id, account_name, account_number, bank_name, bank_code,
				       entered_by_subject, entered_by_name, entered_at, version)
				values (:id, :name, :number, :bank, :code, :subject, :by, :at, 0)
				on conflict (organisation_id) do update set account_name = excluded.account_name,
				       account_number = excluded.account_number, bank_name = excluded.bank_name,
				       bank_code = excluded.bank_code, entered_by_subject = excluded.entered_by_subject,
				       entered_by_name = excluded.entered_by_name, entered_at = excluded.entered_at,
				       version = beneficiary_account.version + 1
				""")
			.param("id", a.organisationId())
			.param("name", a.accountName())
			.param("number", a.accountNumber())
			.param("bank", a.bankName())
			.param("code", a.bankCode())
			.param("subject", a.enteredBy().subject())
			.param("by", a.enteredBy().username())
			.param("at", Timestamp.from(a.enteredAt()))
			.update();
	}

	private static PaymentBatch batch(ResultSet rs, List<PaymentLine> lines) throws SQLException {
		String sentSubject = rs.getString("sent_by_subject");
		return new PaymentBatch(new PaymentBatch.Id(rs.getObject("id", UUID.class)), rs.getString("reference"),
				PaymentBatch.State.valueOf(rs.getString("state")), rs.getInt("line_count"),
				rs.getLong("control_sum_minor"),
				new Tranche.Person(rs.getString("created_by_subject"), rs.getString("created_by_name")),
				rs.getTimestamp("created_at").toInstant(),
				sentSubject == null ? null : new Tranche.Person(sentSubject, rs.getString("sent_by_name")),
				instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("closed_at")), rs.getLong("version"),
				lines == null ? List.of() : lines);
	}

	private static PaymentLine line(ResultSet rs, int row) throws SQLException {
		return new PaymentLine(rs.getObject("id", UUID.class), new PaymentBatch.Id(rs.getObject("batch_id", UUID.class)),
				rs.getInt("line_number"), new Tranche.Id(rs.getObject("tranche_id", UUID.class)),
				rs.getObject("organisation_id", UUID.class), rs.getString("end_to_end_id"), rs.getLong("gross_minor"),
				rs.getLong("offset_minor"), rs.getLong("amount_minor"), rs.getString("creditor_name"),
				rs.getString("creditor_account"), rs.getString("creditor_bank_name"), rs.getString("creditor_bank_code"),
				PaymentLine.State.valueOf(rs.getString("state")), rs.getObject("send_transfer_id", UUID.class),
				rs.getObject("settle_transfer_id", UUID.class), rs.getString("bank_status"), rs.getString("bank_reason"),
				instant(rs.getTimestamp("confirmed_at")), rs.getLong("version"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

}
