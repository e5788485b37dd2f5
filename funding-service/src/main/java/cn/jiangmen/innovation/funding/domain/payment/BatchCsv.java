package cn.jiangmen.innovation.funding.domain.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A batch as CSV for people and for banks that take no XML: a header, one row per line, a total
 * row (number of lines, control sum) and a last row with the SHA-256 of every byte above it, so a
 * file altered on its way is detected. UTF-8, CRLF (RFC 4180), yuan with two decimals.
 */
public final class BatchCsv {

	private static final String CRLF = "\r\n";

	private BatchCsv() {
	}

	public static String write(PaymentBatch batch) {
		StringBuilder csv = new StringBuilder();
		csv.append("batch,line,end_to_end_id,tranche_id,creditor_name,creditor_account,creditor_bank,creditor_bank_code,")
			.append("gross_yuan,offset_yuan,amount_yuan,currency,state").append(CRLF);
		for (PaymentLine l : batch.lines()) {
			csv.append(String.join(",", batch.reference(), String.valueOf(l.lineNumber()), l.endToEndId(),
					l.trancheId().toString(), field(l.creditorName()), l.creditorAccount(), field(l.creditorBankName()),
					l.creditorBankCode(), yuan(l.grossMinor()), yuan(l.offsetMinor()), yuan(l.amountMinor()), "CNY",
					l.state().name()))
				.append(CRLF);
		}
		csv.append("TOTAL,").append(batch.lineCount()).append(",,,,,,,,,").append(yuan(batch.controlSumMinor()))
			.append(",CNY,").append(CRLF);
		String body = csv.toString();
		return body + "SHA256," + sha256(body) + CRLF;
	}

	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static String yuan(long minor) {
		return BigDecimal.valueOf(minor, 2).toPlainString();
	}

	/** RFC 4180 quoting, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
	static String field(String value) {
		String v = value;
		if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
			return "\"" + v.replace("\"", "\"\"") + "\"";
		}
		return v;
	}

}
