package cn.jiangmen.innovation.funding.persistence;

import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.instrument.Allowances;
import cn.jiangmen.innovation.funding.domain.instrument.Instrument;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAllowances implements Allowances {

	private final JdbcClient jdbc;

	JdbcAllowances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean take(Instrument instrument, UUID organisation, int fiscalYear, long amountMinor, long capMinor) {
		this.jdbc.sql("""
				insert into instrument_allowance (instrument, organisation_id, fiscal_year, used_minor, cap_minor)
				values (:instrument, :organisation, :year, 0, :cap) on conflict do nothing
				""")
			.param("instrument", instrument.name())
			.param("organisation", organisation)
			.param("year", fiscalYear)
			.param("cap", capMinor)
			.update();
		// the row lock serialises concurrent grants; the condition is re-checked on the locked row
		return this.jdbc.sql("""
				update instrument_allowance set used_minor = used_minor + :amount, cap_minor = greatest(:cap, used_minor)
				where instrument = :instrument and organisation_id = :organisation and fiscal_year = :year
				  and used_minor + :amount <= :cap
				""")
			.param("amount", amountMinor)
			.param("cap", capMinor)
			.param("instrument", instrument.name())
			.param("organisation", organisation)
			.param("year", fiscalYear)
			.update() == 1;
	}

	@Override
	public void giveBack(Instrument instrument, UUID organisation, int fiscalYear, long amountMinor) {
		this.jdbc.sql("""
				update instrument_allowance set used_minor = used_minor - :amount
				where instrument = :instrument and organisation_id = :organisation and fiscal_year = :year
				""")
			.param("amount", amountMinor)
			.param("instrument", instrument.name())
			.param("organisation", organisation)
			.param("year", fiscalYear)
			.update();
	}

	@Override
	public long used(Instrument instrument, UUID organisation, int fiscalYear) {
		return this.jdbc.sql("""
				select used_minor from instrument_allowance
				where instrument = :instrument and organisation_id = :organisation and fiscal_year = :year
				""")
			.param("instrument", instrument.name())
			.param("organisation", organisation)
			.param("year", fiscalYear)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

}
