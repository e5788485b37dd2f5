package cn.jiangmen.innovation.portal.finance;

/**
 * What an enterprise was issued in one fiscal year: the amount funding counts against its yearly
 * cap (an expired voucher still counts, as funding keeps it).
 */
public record VoucherCap(String enterprise, int fiscalYear, int vouchers, String issued) {
}
