package cn.jiangmen.innovation.funding.domain.instrument;

import java.util.List;
import java.util.Optional;

/**
 * The rules of each instrument per fiscal year (implemented in persistence), append-only: a change
 * is a new version, earlier versions stay readable.
 */
public interface InstrumentRules {

	<T> Optional<RuleVersion<T>> current(Instrument instrument, int fiscalYear, Class<T> type);

	<T> List<RuleVersion<T>> history(Instrument instrument, int fiscalYear, Class<T> type);

	/** False when that version exists already (somebody else saved first). */
	boolean add(RuleVersion<?> version);

}
