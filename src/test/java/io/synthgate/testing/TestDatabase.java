package io.synthgate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The database a test gateway keeps its state in, for a test to prepare or read while the gateway is stopped. */
public record TestDatabase(String url, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Whether it is PostgreSQL rather than the embedded H2 database. */
    public boolean isPostgresql() {
        return url.startsWith("jdbc:postgresql:");
    }
}
