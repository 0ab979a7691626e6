package com.crmfactory.messaging.gateway.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.crmfactory.messaging.events.common.Channel;
import com.crmfactory.messaging.events.common.SenderType;

/** The {@code sender_number} table. */
@Repository
public class OrgNumberRepository {

    private static final String COLUMNS = "id, org_id, channel, address, type, messaging_service_sid, created_at";

    private final JdbcClient jdbc;

    public OrgNumberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with {@code DuplicateKeyException} when another org (or this one) already owns the address. */
    public void insert(OrgNumber number) {
        jdbc.sql("""
                INSERT INTO sender_number (id, org_id, channel, address, type, messaging_service_sid, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(number.id(), number.orgId(), number.channel().wire(), number.address(),
                        number.type() == null ? null : number.type().wire(),
                        number.messagingServiceSid(), Timestamp.from(number.createdAt()))
                .update();
    }

    public List<OrgNumber> findByOrg(String orgId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sender_number WHERE org_id = ? ORDER BY created_at, id")
                .param(orgId).query(OrgNumberRepository::map).list();
    }

    public Optional<OrgNumber> findByAddress(String address) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sender_number WHERE address = ?")
                .param(address).query(OrgNumberRepository::map).optional();
    }

    public boolean delete(String orgId, UUID id) {
        return jdbc.sql("DELETE FROM sender_number WHERE org_id = ? AND id = ?").params(orgId, id).update() > 0;
    }

    private static OrgNumber map(ResultSet rs, int row) throws SQLException {
        return new OrgNumber(rs.getObject("id", UUID.class), rs.getString("org_id"),
                Channel.fromWire(rs.getString("channel")), rs.getString("address"),
                rs.getString("type") == null ? null : SenderType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                rs.getString("messaging_service_sid"),
                rs.getTimestamp("created_at").toInstant());
    }
}
