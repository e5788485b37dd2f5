package cn.jiangmen.innovation.funding.domain.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.CommitmentId;
import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.funding.domain.TrancheState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch files with known values: totals, checksum row, quoting, formula cells, pain.001 amounts. */
class BatchFilesTest {

	private static final Instant AT = Instant.parse("2026-12-06T01:00:00Z");

	@Test
	void theCsvTotalsTheLinesAndEndsWithTheChecksumOfEverythingAbove() {
		PaymentBatch batch = batch(line(1, 1_234_56L, 0L, "=HYPERLINK(\"x\")"), line(2, 10_00L, 2_50L, "五邑大学, 江门"));
		String csv = BatchCsv.write(batch);
		String[] rows = csv.split("\r\n");
		assertThat(rows).hasSize(5);
		assertThat(rows[1]).contains(",\"'=HYPERLINK(\"\"x\"\")\",").contains(",1234.56,0.00,1234.56,CNY,CREATED");
		assertThat(rows[2]).contains(",\"五邑大学, 江门\",").contains(",10.00,2.50,7.50,CNY,");
		assertThat(rows[3]).isEqualTo("TOTAL,2,,,,,,,,,1242.06,CNY,");
		assertThat(rows[4]).isEqualTo("SHA256," + BatchCsv.sha256(csv.substring(0, csv.indexOf("SHA256,"))));
		assertThat(BatchCsv.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void thePain001StatesTheCountAndControlSumInYuan() {
		PaymentBatch batch = batch(line(1, 1_234_56L, 0L, "A & B <Ltd>"), line(2, 10_00L, 2_50L, "C"));
		String xml = Pain001.write(batch, new Debtor("江门市科学技术局", "44001700000000000001", "建行江门分行", "105589000017"), AT,
				LocalDate.of(2026, 12, 6));
		assertThat(xml).contains("<NbOfTxs>2</NbOfTxs><CtrlSum>1242.06</CtrlSum>")
			.contains("<CreDtTm>2026-12-06T09:00:00+08:00</CreDtTm>")
			.contains("<InstdAmt Ccy=\"CNY\">7.50</InstdAmt>")
			.contains("<Nm>A &amp; B &lt;Ltd")
			.contains("<ReqdExctnDt><Dt>2026-12-06</Dt></ReqdExctnDt>");
	}

	private static PaymentBatch batch(PaymentLine... lines) {
		PaymentBatch.Id id = new PaymentBatch.Id(UUID.fromString("00000000-0000-4000-8000-000000000001"));
		List<PaymentLine> inBatch = List.of(lines).stream()
			.map(l -> new PaymentLine(l.id(), id, l.lineNumber(), l.trancheId(), l.organisationId(), l.endToEndId(),
					l.grossMinor(), l.offsetMinor(), l.amountMinor(), l.creditorName(), l.creditorAccount(),
					l.creditorBankName(), l.creditorBankCode(), l.state(), null, null, null, null, null, 0))
			.toList();
		return PaymentBatch.create(id, new Tranche.Person("sub", "officer"), AT, inBatch);
	}

	private static PaymentLine line(int number, long gross, long offset, String name) {
		Tranche tranche = new Tranche(Tranche.Id.newId(), new CommitmentId(UUID.randomUUID()), number, null, gross,
				LocalDate.of(2026, 1, 15), TrancheState.APPROVED, UUID.randomUUID(), null, null, null, null, null, 0);
		BeneficiaryAccount account = new BeneficiaryAccount(UUID.randomUUID(), name, "12345678", "工行", "102589000011",
				new Tranche.Person("sub", "officer"), AT, 0);
		return PaymentLine.of(new PaymentBatch.Id(UUID.randomUUID()), number, tranche, UUID.randomUUID(), offset, account);
	}

}
