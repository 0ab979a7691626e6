package com.crmfactory.messaging.devstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.crmfactory.messaging.devstack.ChildJvm;
import com.crmfactory.messaging.devstack.DevPostgres;

class DatabaseMeterTest {

    @TempDir
    Path dir;

    @Test
    void countsEachDatabasesCommitsAndStatementsPerMessageOnTheDevstacksPostgres() throws Exception {
        try (DevPostgres server = DevPostgres.start(ChildJvm.freePort(), dir.resolve("postgres"), null, List.of("alpha"))) {
            DatabaseMeter meter = DatabaseMeter.connect(server.jdbcUrl("postgres"), DevPostgres.USER, DevPostgres.PASSWORD);
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("alpha"), DevPostgres.USER, DevPostgres.PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (id int PRIMARY KEY, text text)");
                s.execute("SELECT pg_stat_force_next_flush()");
                DatabaseMeter.Reading before = settled(meter);
                // 10 "messages", each one transaction of two statements
                c.setAutoCommit(false);
                for (int i = 0; i < 10; i++) {
                    s.executeUpdate("INSERT INTO note VALUES (" + i + ", 'x')");
                    s.executeUpdate("UPDATE note SET text = 'y' WHERE id = " + i);
                    c.commit();
                }
                // a backend flushes its commit counts at most once a second (statement counts are live)
                DatabaseMeter.Costs costs;
                long deadline = System.nanoTime() + 10_000_000_000L;
                do {
                    Thread.sleep(200);
                    costs = DatabaseMeter.costs(before, meter.read(), 10);
                } while (alpha(costs).commitsPerMessage() < 1.0 && System.nanoTime() < deadline);

                assertThat(alpha(costs).commitsPerMessage()).isEqualTo(1.0);
                DatabaseMeter.DatabaseCost alpha = alpha(costs);
                assertThat(alpha.statementsPerMessage()).isEqualTo(2.0);
                assertThat(costs.topStatements()).filteredOn(q -> q.database().equals("alpha"))
                        .extracting(DatabaseMeter.StatementCost::query)
                        .containsExactlyInAnyOrder("INSERT INTO note VALUES ($1, $2)", "UPDATE note SET text = $1 WHERE id = $2");
                assertThat(costs.topStatements()).allSatisfy(q -> assertThat(q.query()).isNotIn("BEGIN", "COMMIT"));
            }
        }
    }

    /** A reading once the set-up's commits (the connection's own SETs, the CREATE TABLE) are flushed and counted. */
    private static DatabaseMeter.Reading settled(DatabaseMeter meter) throws Exception {
        DatabaseMeter.Reading previous = meter.read();
        for (int i = 0; i < 50; i++) {
            Thread.sleep(200);
            DatabaseMeter.Reading next = meter.read();
            if (next.commits().get("alpha").equals(previous.commits().get("alpha"))) {
                return next;
            }
            previous = next;
        }
        return previous;
    }

    private static DatabaseMeter.DatabaseCost alpha(DatabaseMeter.Costs costs) {
        return costs.databases().stream().filter(d -> d.database().equals("alpha")).findFirst()
                .orElse(new DatabaseMeter.DatabaseCost("alpha", 0, 0, 0));
    }
}
