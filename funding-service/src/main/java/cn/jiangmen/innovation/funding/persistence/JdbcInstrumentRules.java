package cn.jiangmen.innovation.funding.persistence;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import cn.jiangmen.innovation.funding.domain.instrument.Instrument;
import cn.jiangmen.innovation.funding.domain.instrument.InstrumentRules;
import cn.jiangmen.innovation.funding.domain.instrument.RuleVersion;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Rules as typed JSON records (VoucherRules, PostSubsidyRules ...), one row per version. */
@Repository
class JdbcInstrumentRules implements InstrumentRules {

	private static final String COLUMNS = "instrument, fiscal_year, version, rules_json::text as rules_json, set_by_subject, set_by_name, set_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcInstrumentRules(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public <T> Optional<RuleVersion<T>> current(Instrument instrument, int fiscalYear, Class<T> type) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from instrument_rule where instrument = :instrument and fiscal_year = :year
				order by version desc limit 1
				""")
			.param("instrument", instrument.name())
			.param("year", fiscalYear)
			.query((rs, row) -> map(rs, type))
			.optional();
	}

	@Override
	public <T> List<RuleVersion<T>> history(Instrument instrument, int fiscalYear, Class<T> type) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from instrument_rule where instrument = :instrument and fiscal_year = :year order by version desc
				""")
			.param("instrument", instrument.name())
			.param("year", fiscalYear)
			.query((rs, row) -> map(rs, type))
			.list();
	}

	@Override
	public boolean add(RuleVersion<?> v) {
		try {
			this.jdbc.sql("""
					insert into instrument_rule (instrument, fiscal_year, version, rules_json, set_by_subject, set_by_name, set_at)
					values (:instrument, :year, :version, cast(:rules as jsonb), :subject, :name, :at)
					""")
				.param("instrument", v.instrument().name())
				.param("year", v.fiscalYear())
				.param("version", v.version())
				.param("rules", this.json.writeValueAsString(v.rules()))
				.param("subject", v.setBySubject())
				.param("name", v.setByName())
				.param("at", Timestamp.from(v.setAt()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private <T> RuleVersion<T> map(java.sql.ResultSet rs, Class<T> type) throws java.sql.SQLException {
		return new RuleVersion<>(Instrument.valueOf(rs.getString("instrument")), rs.getInt("fiscal_year"),
				rs.getLong("version"), this.json.readValue(rs.getString("rules_json"), type), rs.getString("set_by_subject"),
				rs.getString("set_by_name"), rs.getTimestamp("set_at").toInstant());
	}

}
