package cn.jiangmen.innovation.funding.domain.payment;

/** The bureau's own account that every batch is paid from (付款账户), from configuration. */
public record Debtor(String name, String accountNumber, String bankName, String bankCode) {
}
