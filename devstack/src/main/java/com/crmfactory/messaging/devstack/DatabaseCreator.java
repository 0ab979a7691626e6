package com.crmfactory.messaging.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates the databases that do not exist yet on a PostgreSQL server. Used by {@link DevPostgres} and,
 * through {@link #main}, by {@code ./omni up} against an existing server ({@code OMNI_POSTGRES_URL}).
 *
 * <pre>java -cp … DatabaseCreator --url jdbc:postgresql://host:5432 [--user postgres] [--password postgres] db…</pre>
 */
public final class DatabaseCreator {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseCreator() {
    }

    public static void main(String[] argv) throws SQLException {
        Args args = Args.parse(argv);
        List<String> created = ensureDatabases(args.required("url"), args.get("user", "postgres"),
                args.get("password", "postgres"), args.positional());
        System.out.println("databases present: " + String.join(", ", args.positional())
                + (created.isEmpty() ? "" : " (created: " + String.join(", ", created) + ")"));
    }

    /**
     * @param serverUrl {@code jdbc:postgresql://host:port} (a database or query part is ignored)
     * @return the databases that were created
     */
    public static List<String> ensureDatabases(String serverUrl, String user, String password, List<String> names)
            throws SQLException {
        names.forEach(DatabaseCreator::checkName);
        List<String> created = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(adminUrl(serverUrl), user, password)) {
            for (String name : names) {
                if (!exists(connection, name)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE " + name);
                    }
                    created.add(name);
                }
            }
        }
        return created;
    }

    /** The URL of the {@code postgres} maintenance database on the server named by {@code serverUrl}. */
    static String adminUrl(String serverUrl) {
        String prefix = "jdbc:postgresql://";
        if (!serverUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("expected jdbc:postgresql://host:port, got " + serverUrl);
        }
        String hostAndPort = serverUrl.substring(prefix.length()).split("[/?]", 2)[0];
        return prefix + hostAndPort + "/postgres";
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }
}
