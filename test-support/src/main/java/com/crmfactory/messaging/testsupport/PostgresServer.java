package com.crmfactory.messaging.testsupport;

/** A running PostgreSQL server; tests get their own database on it. */
public interface PostgresServer {

    /** JDBC URL of the given database on this server. */
    String jdbcUrl(String database);

    String username();

    String password();

    void stop();
}
