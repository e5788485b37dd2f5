package cn.jiangmen.innovation.portal.finance;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatch;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentBatchState;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentLine;
import cn.jiangmen.innovation.contracts.funding.v1.PaymentLineState;
import com.google.protobuf.Timestamp;

/**
 * A payment batch (支付批次) as its page shows it: lines with the beneficiary's name from the
 * directory beside the account holder's, and the totals the bank file carries.
 *
 * @param id the batch
 * @param reference MsgId of the pain.001 file
 * @param state created, sent or closed (the lower-case suffix of the proto state: message keys)
 * @param createdBy the finance officer's username
 * @param createdAt yyyy-MM-dd HH:mm Beijing time
 * @param sentAt yyyy-MM-dd HH:mm Beijing time, "" until sent
 * @param lines the credit transfers, by line number
 */
public record BatchView(String id, String reference, String state, String createdBy, String createdAt, String sentAt,
		List<Line> lines) {

	static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/**
	 * One credit transfer.
	 *
	 * @param number line number (1, 2, ...)
	 * @param endToEndId what the bank quotes back
	 * @param trancheId the tranche it pays
	 * @param beneficiary the organisation's name (directory, else the account holder)
	 * @param accountName the account holder as finance entered it
	 * @param account account number
	 * @param bank bank name and CNAPS code
	 * @param grossFen the tranche's amount
	 * @param offsetFen what recovery offsets kept back
	 * @param amountFen what the bank is asked to pay
	 * @param state created, sent, paid, failed
	 * @param bankStatus ACCP, ACSC, RJCT or ""
	 * @param bankReason the bank's reason for a rejection, or ""
	 */
	public record Line(int number, String endToEndId, String trancheId, String beneficiary, String accountName,
			String account, String bank, long grossFen, long offsetFen, long amountFen, String state, String bankStatus,
			String bankReason) {

		public String gross() {
			return Yuan.format(this.grossFen);
		}

		public String offset() {
			return Yuan.format(this.offsetFen);
		}

		public String amount() {
			return Yuan.format(this.amountFen);
		}

		public boolean awaitingBank() {
			return "sent".equals(this.state);
		}

	}

	static BatchView of(PaymentBatch b, Map<String, String> names) {
		return new BatchView(b.getBatchId(), b.getReference(), state(b.getState()), b.getCreatedBy(),
				time(b.hasCreateTime() ? b.getCreateTime() : null), time(b.hasSendTime() ? b.getSendTime() : null),
				b.getLinesList().stream().map(l -> line(l, names)).toList());
	}

	static String state(PaymentBatchState state) {
		return state.name().replace("PAYMENT_BATCH_STATE_", "").toLowerCase(java.util.Locale.ROOT);
	}

	private static Line line(PaymentLine l, Map<String, String> names) {
		return new Line(l.getLineNumber(), l.getEndToEndId(), l.getTrancheId(),
				Beneficiaries.pick(names, l.getOrganisationId(), l.getCreditorName()), l.getCreditorName(),
				l.getCreditorAccount(), l.getCreditorBankName() + " " + l.getCreditorBankCode(), l.getGross().getMinorUnits(),
				l.getOffset().getMinorUnits(), l.getAmount().getMinorUnits(), lineState(l.getState()),
				l.getBankStatus().getNumber() == 0 ? "" : l.getBankStatus().name().replace("BANK_TRANSACTION_STATUS_", ""),
				l.getBankReason());
	}

	static String lineState(PaymentLineState state) {
		return state.name().replace("PAYMENT_LINE_STATE_", "").toLowerCase(java.util.Locale.ROOT);
	}

	static String time(Timestamp t) {
		if (t == null || t.getSeconds() == 0) {
			return "";
		}
		return TIME.format(java.time.Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).atZone(BUREAU_ZONE));
	}

	/** Made, not yet sent: the officer may send it. */
	public boolean toSend() {
		return "created".equals(this.state);
	}

	public boolean sentToBank() {
		return "sent".equals(this.state);
	}

	public String gross() {
		return Yuan.format(this.lines.stream().mapToLong(Line::grossFen).sum());
	}

	public String offset() {
		return Yuan.format(this.lines.stream().mapToLong(Line::offsetFen).sum());
	}

	/** The file's control sum: what the bank is asked to pay. */
	public String amount() {
		return Yuan.format(this.lines.stream().mapToLong(Line::amountFen).sum());
	}

	public List<Line> awaitingBank() {
		return this.lines.stream().filter(Line::awaitingBank).toList();
	}

}
