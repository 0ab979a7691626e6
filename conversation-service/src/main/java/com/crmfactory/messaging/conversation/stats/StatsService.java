package com.crmfactory.messaging.conversation.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.crmfactory.messaging.events.common.SessionStatus;

/** Aggregates over the org's sessions, in the database. */
@Service
public class StatsService {

    private static final String GROUP = """
            SELECT %s AS grp, count(*) AS conversations, avg(message_count) AS avg_messages,
                   avg(extract(epoch FROM first_response_at - opened_at)) AS avg_first_response,
                   avg(extract(epoch FROM coalesce(closed_at, last_message_at, opened_at) - opened_at)) AS avg_duration
            FROM session WHERE %s GROUP BY grp ORDER BY conversations DESC, grp""";
    private static final String CLOSED = "status IN ('COMPLETED', 'EXPIRED')";

    private final NamedParameterJdbcTemplate jdbc;

    StatsService(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public StatsResponse stats(String orgId, StatsRange range) {
        MapSqlParameterSource params = new MapSqlParameterSource("org", orgId);
        StringBuilder where = new StringBuilder("org_id = :org");
        if (range.from() != null) {
            where.append(" AND opened_at >= :from");
            params.addValue("from", Timestamp.from(range.from()));
        }
        if (range.to() != null) {
            where.append(" AND opened_at < :to");
            params.addValue("to", Timestamp.from(range.to()));
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (SessionStatus status : SessionStatus.values()) {
            byStatus.put(status.wire(), 0L);
        }
        jdbc.query("SELECT status, count(*) AS n FROM session WHERE " + where + " GROUP BY status", params,
                rs -> {
                    byStatus.put(rs.getString("status").toLowerCase(Locale.ROOT), rs.getLong("n"));
                });
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new StatsResponse(range.from(), range.to(), total, byStatus,
                groups("lower(channel)", where.toString(), params), groups("coalesce(intent, 'unknown')", where.toString(), params),
                resolution(where.toString(), params));
    }

    private Map<String, StatsResponse.GroupStats> groups(String expression, String where, MapSqlParameterSource params) {
        Map<String, StatsResponse.GroupStats> groups = new LinkedHashMap<>();
        jdbc.query(GROUP.formatted(expression, where), params, rs -> {
            groups.put(rs.getString("grp"), new StatsResponse.GroupStats(rs.getLong("conversations"),
                    rounded(rs, "avg_messages"), rounded(rs, "avg_first_response"), rounded(rs, "avg_duration")));
        });
        return groups;
    }

    private StatsResponse.AiResolution resolution(String where, MapSqlParameterSource params) {
        return jdbc.queryForObject("SELECT count(*) FILTER (WHERE " + CLOSED + ") AS closed, count(*) FILTER (WHERE "
                + CLOSED + " AND NOT escalated) AS ai FROM session WHERE " + where, params, (rs, row) -> {
                    long closed = rs.getLong("closed");
                    long ai = rs.getLong("ai");
                    return new StatsResponse.AiResolution(closed, ai,
                            closed == 0 ? null : Math.round(ai * 10_000.0 / closed) / 10_000.0);
                });
    }

    private static Double rounded(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 100.0) / 100.0;
    }
}
