package cn.jiangmen.innovation.funding.config;

import java.time.Duration;

import cn.jiangmen.innovation.funding.domain.payment.Debtor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payments ({@code jiangmen.funding.payments.*}): the bureau's own account that every pain.001
 * file debits, and the Redis fast path for idempotency keys. The defaults are the development
 * bureau's; production sets {@code JIANGMEN_FUNDING_PAYMENTS_DEBTOR*}.
 *
 * @param debtorName account holder as the bank knows it (付款人户名)
 * @param debtorAccount the bureau's account number
 * @param debtorBankName the bank branch keeping the account
 * @param debtorBankCode its 12-digit CNAPS code (大额支付系统行号)
 * @param replayCacheTtl how long Redis keeps a command's first answer for replays; PostgreSQL keeps it for ever
 */
@ConfigurationProperties("jiangmen.funding.payments")
public record PaymentProperties(@DefaultValue("江门市科学技术局") String debtorName,
		@DefaultValue("44001700000000000001") String debtorAccount,
		@DefaultValue("中国建设银行江门分行") String debtorBankName, @DefaultValue("105589000017") String debtorBankCode,
		@DefaultValue("PT10M") Duration replayCacheTtl) {

	public Debtor debtor() {
		return new Debtor(this.debtorName, this.debtorAccount, this.debtorBankName, this.debtorBankCode);
	}

}
