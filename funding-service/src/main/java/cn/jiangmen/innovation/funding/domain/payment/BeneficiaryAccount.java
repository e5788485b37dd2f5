package cn.jiangmen.innovation.funding.domain.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.jiangmen.innovation.funding.domain.Tranche;
import cn.jiangmen.innovation.platform.error.FieldViolation;
import cn.jiangmen.innovation.platform.error.InvalidInputException;

/**
 * Where an organisation is paid (收款账户): account holder, account number and the bank branch with
 * its CNAPS code (大额支付系统行号). Entered by a finance officer; every change is audited, and each
 * batch line keeps its own copy so that a file once sent never changes.
 */
public record BeneficiaryAccount(UUID organisationId, String accountName, String accountNumber, String bankName,
		String bankCode, Tranche.Person enteredBy, Instant enteredAt, long version) {

	private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{8,34}");

	private static final Pattern CNAPS = Pattern.compile("[0-9]{12}");

	/** Checks what a finance officer typed; every bad field is named, nothing is half-stored. */
	public static BeneficiaryAccount enter(UUID organisationId, String accountName, String accountNumber,
			String bankName, String bankCode, Tranche.Person by, Instant now, long version) {
		List<FieldViolation> violations = new ArrayList<>();
		String name = text(accountName, "account_name", 140, violations);
		String number = accountNumber == null ? "" : accountNumber.replace(" ", "");
		if (!ACCOUNT_NUMBER.matcher(number).matches()) {
			violations.add(new FieldViolation("account_number", "account-number.malformed",
					"must be the bank account number: 8 to 34 digits"));
		}
		String bank = text(bankName, "bank_name", 140, violations);
		String code = bankCode == null ? "" : bankCode.strip();
		if (!CNAPS.matcher(code).matches()) {
			violations.add(new FieldViolation("bank_code", "bank-code.malformed",
					"must be the branch's 12-digit CNAPS code (大额支付系统行号)"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new BeneficiaryAccount(organisationId, name, number, bank, code, by, now, version);
	}

	private static String text(String value, String field, int max, List<FieldViolation> violations) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			violations.add(new FieldViolation(field, "required", "must be given"));
		}
		else if (v.length() > max) {
			violations.add(new FieldViolation(field, "too-long", "must be at most " + max + " characters"));
		}
		return v;
	}

}
