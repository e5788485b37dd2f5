package cn.jiangmen.innovation.funding.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.jiangmen.innovation.funding.domain.voucher.VoucherProvider;
import cn.jiangmen.innovation.funding.domain.voucher.VoucherProviders;
import cn.jiangmen.innovation.platform.organisation.OrganisationKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcVoucherProviders implements VoucherProviders {

	private static final String COLUMNS = "organisation_id, name, kind, registered_by_name, registered_at";

	private final JdbcClient jdbc;

	JdbcVoucherProviders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean add(VoucherProvider p) {
		return this.jdbc.sql("""
				insert into voucher_provider (organisation_id, name, kind, registered_by_name, registered_at)
				values (:id, :name, :kind, :by, :at) on conflict do nothing
				""")
			.param("id", p.organisationId())
			.param("name", p.name())
			.param("kind", p.kind().name())
			.param("by", p.registeredBy())
			.param("at", Timestamp.from(p.registeredAt()))
			.update() == 1;
	}

	@Override
	public Optional<VoucherProvider> find(UUID organisationId) {
		return this.jdbc.sql("select " + COLUMNS + " from voucher_provider where organisation_id = :id")
			.param("id", organisationId)
			.query(JdbcVoucherProviders::map)
			.optional();
	}

	@Override
	public List<VoucherProvider> list(int offset, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from voucher_provider order by name, organisation_id offset :offset limit :limit")
			.param("offset", offset)
			.param("limit", limit)
			.query(JdbcVoucherProviders::map)
			.list();
	}

	private static VoucherProvider map(ResultSet rs, int row) throws SQLException {
		return new VoucherProvider(rs.getObject("organisation_id", UUID.class), rs.getString("name"),
				OrganisationKind.valueOf(rs.getString("kind")), rs.getString("registered_by_name"),
				rs.getTimestamp("registered_at").toInstant());
	}

}
