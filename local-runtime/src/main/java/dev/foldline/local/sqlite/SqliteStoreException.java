package dev.foldline.local.sqlite;

import java.sql.SQLException;

/** SQLite failed in a way the store cannot turn into a result (disk full, file locked, corrupt file). */
public final class SqliteStoreException extends RuntimeException {
    SqliteStoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
