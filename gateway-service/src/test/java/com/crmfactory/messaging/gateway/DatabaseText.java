package com.crmfactory.messaging.gateway;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Searches every row of every table of the service's database for a text (e.g. a secret that must not be there). */
final class DatabaseText {

    private DatabaseText() {
    }

    static List<String> tablesContaining(JdbcClient jdbc, String text) {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""")
                .query(String.class).list();
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables found");
        }
        // a row cast to text holds every column of it
        return tables.stream()
                .filter(table -> jdbc.sql("SELECT count(*) FROM \"" + table + "\" t WHERE strpos(t::text, ?) > 0")
                        .param(text).query(Long.class).single() > 0)
                .toList();
    }
}
