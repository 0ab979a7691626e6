package com.crmfactory.messaging.devstack.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What PostgreSQL did per message: commits per database from {@code pg_stat_database}, and statements with their
 * execution time from {@code pg_stat_statements} when the server preloads it (the devstack's does). PostgreSQL is the
 * busiest process at the knee; these counters say which service's transactions and which statements cost it.
 */
final class DatabaseMeter {

    /** Counters at one moment: commits per database, and per statement (database + query id) calls and time. */
    record Reading(Map<String, Long> commits, Map<String, StatementCounter> statements) {
    }

    record StatementCounter(String database, String query, long calls, double execMillis) {
    }

    /** What one database cost per message during a step. */
    record DatabaseCost(String database, double commitsPerMessage, double statementsPerMessage, double execMillisPerMessage) {
    }

    /** One statement's share per message during a step. */
    record StatementCost(String database, String query, double callsPerMessage, double execMillisPerMessage) {
    }

    record Costs(List<DatabaseCost> databases, List<StatementCost> topStatements) {
        static final Costs NONE = new Costs(List.of(), List.of());
    }

    private static final int TOP_STATEMENTS = 12;
    private static final int QUERY_CHARS = 110;

    private final String url;
    private final String user;
    private final String password;
    private final boolean statementsTracked;

    private DatabaseMeter(String url, String user, String password, boolean statementsTracked) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.statementsTracked = statementsTracked;
    }

    /** A meter on the server of {@code url}, or null when it cannot be reached (the report then leaves it out). */
    static DatabaseMeter connect(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            boolean tracked;
            try {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                statement.executeQuery("SELECT 1 FROM pg_stat_statements LIMIT 1").close();
                tracked = true;
            } catch (SQLException notPreloaded) {
                System.err.println("load: pg_stat_statements is not loaded, the report counts commits only ("
                        + notPreloaded.getMessage() + ")");
                tracked = false;
            }
            return new DatabaseMeter(url, user, password, tracked);
        } catch (SQLException e) {
            System.err.println("load: PostgreSQL's statistics are not readable, the report leaves them out (" + e.getMessage() + ")");
            return null;
        }
    }

    Reading read() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            Map<String, Long> commits = new HashMap<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT datname, xact_commit FROM pg_stat_database WHERE datname IS NOT NULL")) {
                while (rs.next()) {
                    commits.put(rs.getString(1), rs.getLong(2));
                }
            }
            Map<String, StatementCounter> statements = new HashMap<>();
            if (statementsTracked) {
                // transaction control is counted as commits above, not as statements
                try (ResultSet rs = statement.executeQuery("""
                        SELECT d.datname, s.queryid, s.query, s.calls, s.total_exec_time
                        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                        WHERE s.query NOT IN ('BEGIN', 'COMMIT', 'ROLLBACK')""")) {
                    while (rs.next()) {
                        String database = rs.getString(1);
                        statements.merge(database + ":" + rs.getLong(2),
                                new StatementCounter(database, oneLine(rs.getString(3)), rs.getLong(4), rs.getDouble(5)),
                                (a, b) -> new StatementCounter(a.database(), a.query(), a.calls() + b.calls(),
                                        a.execMillis() + b.execMillis()));
                    }
                }
            }
            return new Reading(commits, statements);
        }
    }

    /** The step's cost per message: the difference of two readings. */
    static Costs costs(Reading before, Reading after, int messages) {
        double perMessage = 1.0 / Math.max(1, messages);
        Map<String, Totals> byDatabase = new TreeMap<>();
        after.commits().forEach((database, commits) -> byDatabase.computeIfAbsent(database, d -> new Totals()).commits =
                (commits - before.commits().getOrDefault(database, 0L)) * perMessage);
        List<StatementCost> statements = new ArrayList<>();
        for (Map.Entry<String, StatementCounter> e : after.statements().entrySet()) {
            StatementCounter end = e.getValue();
            StatementCounter start = before.statements().get(e.getKey());
            long calls = end.calls() - (start == null ? 0 : start.calls());
            double millis = end.execMillis() - (start == null ? 0 : start.execMillis());
            if (calls <= 0) {
                continue;
            }
            Totals totals = byDatabase.computeIfAbsent(end.database(), d -> new Totals());
            totals.statements += calls * perMessage;
            totals.execMillis += millis * perMessage;
            statements.add(new StatementCost(end.database(), end.query(), calls * perMessage, millis * perMessage));
        }
        List<DatabaseCost> databases = new ArrayList<>();
        byDatabase.forEach((database, t) -> {
            // databases nobody used during the step (the meter's own reads are a handful in all) are left out
            if (t.commits >= 0.05 || t.statements >= 0.05) {
                databases.add(new DatabaseCost(database, t.commits, t.statements, t.execMillis));
            }
        });
        databases.sort(Comparator.comparingDouble(DatabaseCost::commitsPerMessage).reversed());
        statements.sort(Comparator.comparingDouble(StatementCost::execMillisPerMessage).reversed());
        return new Costs(databases, List.copyOf(statements.subList(0, Math.min(TOP_STATEMENTS, statements.size()))));
    }

    /** Per-message sums of one database while a step's difference is taken. */
    private static final class Totals {
        double commits;
        double statements;
        double execMillis;
    }

    private static String oneLine(String query) {
        String line = query.replaceAll("\\s+", " ").trim();
        return line.length() <= QUERY_CHARS ? line : line.substring(0, QUERY_CHARS) + "…";
    }
}
