package com.crmfactory.messaging.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL's plan for a query, to prove that a query run per message (or per sweep) has an index to use. Test
 * tables are small enough that a sequential scan is cheapest, so the plan is taken with sequential scans disabled:
 * it then names an index only if one can serve the query.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** A new database on the test PostgreSQL server, migrated with the Flyway scripts on the classpath. */
    public static DataSource migratedDatabase(String prefix) {
        Infrastructure infrastructure = Infrastructure.get();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(infrastructure.createDatabase(prefix));
        dataSource.setUser(infrastructure.postgres().username());
        dataSource.setPassword(infrastructure.postgres().password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    /** The plan's text ({@code EXPLAIN}), with {@code args} bound to the query's {@code ?} in order. */
    public static String indexPlan(DataSource dataSource, String sql, Object... args) {
        return indexPlanAfter(dataSource, null, sql, args);
    }

    /** {@link #indexPlan} in a transaction that first runs {@code setting} (a {@code SET LOCAL} the query runs with too). */
    public static String indexPlanAfter(DataSource dataSource, String setting, String sql, Object... args) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement();
                    PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
                settings.execute("SET LOCAL enable_seqscan = off");
                if (setting != null) {
                    settings.execute(setting);
                }
                for (int i = 0; i < args.length; i++) {
                    explain.setObject(i + 1, args[i]);
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("EXPLAIN failed: " + e.getMessage(), e);
        }
    }
}
