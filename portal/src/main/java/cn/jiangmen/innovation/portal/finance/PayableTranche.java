package cn.jiangmen.innovation.portal.finance;

/**
 * A tranche waiting for a payment batch (待支付), with the bank's reason when it came back refused.
 *
 * @param row the tranche as the inbox shows it
 * @param failed the bank refused it in an earlier batch
 * @param bankReason what the bank said, "" otherwise
 * @param fen its amount
 */
public record PayableTranche(InboxRow row, boolean failed, String bankReason, long fen) {
}
