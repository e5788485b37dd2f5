package cn.jiangmen.innovation.funding.domain.payment;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A batch as an ISO 20022 customer credit transfer initiation, {@code pain.001.001.09}: one payment
 * information block debiting the bureau's account, one credit transfer per line with the line's
 * EndToEndId, the beneficiary's name, account and bank (CNAPS code as clearing-system member id).
 * The group header and the block carry the number of transactions and the control sum in yuan.
 */
public final class Pain001 {

	public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

	private static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

	private Pain001() {
	}

	public static String write(PaymentBatch batch, Debtor debtor, Instant createdAt, LocalDate executionDate) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			x.writeStartDocument("UTF-8", "1.0");
			x.writeStartElement("Document");
			x.writeDefaultNamespace(NAMESPACE);
			x.writeStartElement("CstmrCdtTrfInitn");
			x.writeStartElement("GrpHdr");
			text(x, "MsgId", batch.reference());
			text(x, "CreDtTm", DateTimeFormatter.ISO_OFFSET_DATE_TIME
				.format(createdAt.atZone(BUREAU_ZONE).toOffsetDateTime().withNano(0)));
			text(x, "NbOfTxs", String.valueOf(batch.lineCount()));
			text(x, "CtrlSum", yuan(batch.controlSumMinor()));
			x.writeStartElement("InitgPty");
			text(x, "Nm", debtor.name());
			x.writeEndElement();
			x.writeEndElement();
			x.writeStartElement("PmtInf");
			text(x, "PmtInfId", batch.reference());
			text(x, "PmtMtd", "TRF");
			text(x, "NbOfTxs", String.valueOf(batch.lineCount()));
			text(x, "CtrlSum", yuan(batch.controlSumMinor()));
			x.writeStartElement("ReqdExctnDt");
			text(x, "Dt", executionDate.toString());
			x.writeEndElement();
			party(x, "Dbtr", debtor.name());
			account(x, "DbtrAcct", debtor.accountNumber());
			agent(x, "DbtrAgt", debtor.bankCode(), debtor.bankName());
			text(x, "ChrgBr", "DEBT");
			for (PaymentLine line : batch.lines()) {
				x.writeStartElement("CdtTrfTxInf");
				x.writeStartElement("PmtId");
				text(x, "InstrId", line.endToEndId());
				text(x, "EndToEndId", line.endToEndId());
				x.writeEndElement();
				x.writeStartElement("Amt");
				x.writeStartElement("InstdAmt");
				x.writeAttribute("Ccy", "CNY");
				x.writeCharacters(yuan(line.amountMinor()));
				x.writeEndElement();
				x.writeEndElement();
				agent(x, "CdtrAgt", line.creditorBankCode(), line.creditorBankName());
				party(x, "Cdtr", line.creditorName());
				account(x, "CdtrAcct", line.creditorAccount());
				x.writeStartElement("RmtInf");
				text(x, "Ustrd", "Jiangmen S&T funding, tranche " + line.trancheId());
				x.writeEndElement();
				x.writeEndElement();
			}
			x.writeEndElement();
			x.writeEndElement();
			x.writeEndElement();
			x.writeEndDocument();
			x.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Writing pain.001 into memory failed", ex);
		}
		return out.toString();
	}

	static String yuan(long minor) {
		return BigDecimal.valueOf(minor, 2).toPlainString();
	}

	private static void party(XMLStreamWriter x, String element, String name) throws XMLStreamException {
		x.writeStartElement(element);
		text(x, "Nm", name);
		x.writeEndElement();
	}

	/** Chinese accounts have no IBAN: the number goes in Othr/Id. */
	private static void account(XMLStreamWriter x, String element, String number) throws XMLStreamException {
		x.writeStartElement(element);
		x.writeStartElement("Id");
		x.writeStartElement("Othr");
		text(x, "Id", number);
		x.writeEndElement();
		x.writeEndElement();
		x.writeEndElement();
	}

	/** The bank branch by its CNAPS code (China National Advanced Payment System) and name. */
	private static void agent(XMLStreamWriter x, String element, String cnaps, String name) throws XMLStreamException {
		x.writeStartElement(element);
		x.writeStartElement("FinInstnId");
		x.writeStartElement("ClrSysMmbId");
		x.writeStartElement("ClrSysId");
		text(x, "Cd", "CNAPS");
		x.writeEndElement();
		text(x, "MmbId", cnaps);
		x.writeEndElement();
		text(x, "Nm", name);
		x.writeEndElement();
		x.writeEndElement();
	}

	private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
		x.writeStartElement(element);
		x.writeCharacters(value);
		x.writeEndElement();
	}

}
