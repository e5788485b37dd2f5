package cn.jiangmen.innovation.funding.domain;

/** The append-only double-entry ledger (implemented in persistence). */
public interface Ledger {

	void post(LedgerTransaction transaction);

}
