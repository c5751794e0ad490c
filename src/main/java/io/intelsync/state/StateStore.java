package io.intelsync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.intelsync.config.StateSettings;
import io.intelsync.selection.SelectionCandidate;

/**
 * Keeps the sync state in a JDBC database: an embedded H2 file by default, or PostgreSQL. The schema is
 * created and upgraded by Flyway from {@code db/migration} at startup. Each load and save uses its own
 * connection and each save is one transaction, so a crash leaves the previous state whole.
 */
public final class StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    private static final int STATE_ROW = 1;

    private final StateSettings settings;
    private final CandidateCodec codec;

    /**
     * Opens the store and migrates its schema.
     *
     * @throws StateStoreException when the database cannot be reached or migrated
     */
    public StateStore(StateSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.codec = new CandidateCodec(mapper);
        try {
            Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.username(), settings.password())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException ex) {
            throw new StateStoreException("Cannot open the sync state at " + settings.jdbcUrl() + ": " + ex.getMessage()
                    + "; check sync.state-url and its credentials", ex);
        }
        LOG.info("Sync state at {}", settings.jdbcUrl());
    }

    /**
     * Loads the state of the given collections.
     *
     * @param collectionRanks the configured collections with their ranks
     */
    public StoredState load(Map<String, Integer> collectionRanks) {
        try (Connection connection = connect()) {
            String fingerprint = null;
            Instant lastFullRead = null;
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT settings_fingerprint, last_full_read FROM sync_state WHERE id = " + STATE_ROW)) {
                if (row.next()) {
                    fingerprint = row.getString(1);
                    lastFullRead = row.getString(2) == null ? null : Instant.parse(row.getString(2));
                }
            }
            Map<String, String> cursors = new HashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT collection_id, date_added_last FROM collection_cursor")) {
                while (rows.next()) {
                    if (collectionRanks.containsKey(rows.getString(1)) && rows.getString(2) != null) {
                        cursors.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            List<SelectionCandidate> candidates = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT collection_id, candidate FROM kept_indicator ORDER BY collection_id, stix_id")) {
                while (rows.next()) {
                    Integer rank = collectionRanks.get(rows.getString(1));
                    if (rank != null) {
                        candidates.add(codec.read(rows.getString(2), rows.getString(1), rank, candidates.size()));
                    }
                }
            }
            return new StoredState(fingerprint, lastFullRead, cursors, candidates);
        } catch (SQLException | JsonProcessingException ex) {
            throw new StateStoreException("Cannot read the sync state at " + settings.jdbcUrl() + ": " + ex.getMessage(),
                    ex);
        }
    }

    /**
     * Saves the outcome of a cycle in one transaction.
     *
     * @param fingerprint the fingerprint of the current settings
     * @param fullReadAt the start of a full read that completed, or null to keep the previous time
     * @param completedCursors the new cursor of each collection whose read completed
     * @param replacedCollections the collections whose kept indicators are replaced by {@code kept}
     * @param kept the kept indicators of the replaced collections
     * @param now the time of the save
     */
    public void save(String fingerprint, Instant fullReadAt, Map<String, String> completedCursors,
            Set<String> replacedCollections, List<SelectionCandidate> kept, Instant now) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                writeStateRow(connection, fingerprint, fullReadAt);
                writeCursors(connection, completedCursors, now);
                replaceKept(connection, replacedCollections, kept);
                connection.commit();
            } catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            throw new StateStoreException("Cannot save the sync state at " + settings.jdbcUrl() + ": " + ex.getMessage(),
                    ex);
        }
    }

    /** Deletes every cursor and kept indicator, so that the next cycle reads every collection from the start. */
    public void reset(String fingerprint) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM kept_indicator");
                statement.executeUpdate("DELETE FROM collection_cursor");
                statement.executeUpdate("DELETE FROM sync_state");
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO sync_state (id, settings_fingerprint, last_full_read) VALUES (?, ?, NULL)")) {
                    insert.setInt(1, STATE_ROW);
                    insert.setString(2, fingerprint);
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException ex) {
                connection.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            throw new StateStoreException("Cannot reset the sync state at " + settings.jdbcUrl() + ": " + ex.getMessage(),
                    ex);
        }
    }

    private void writeStateRow(Connection connection, String fingerprint, Instant fullReadAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(fullReadAt == null
                ? "UPDATE sync_state SET settings_fingerprint = ? WHERE id = ?"
                : "UPDATE sync_state SET settings_fingerprint = ?, last_full_read = ? WHERE id = ?")) {
            update.setString(1, fingerprint);
            if (fullReadAt == null) {
                update.setInt(2, STATE_ROW);
            } else {
                update.setString(2, fullReadAt.toString());
                update.setInt(3, STATE_ROW);
            }
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO sync_state (id, settings_fingerprint, last_full_read) VALUES (?, ?, ?)")) {
                    insert.setInt(1, STATE_ROW);
                    insert.setString(2, fingerprint);
                    insert.setString(3, fullReadAt == null ? null : fullReadAt.toString());
                    insert.executeUpdate();
                }
            }
        }
    }

    private static void writeCursors(Connection connection, Map<String, String> cursors, Instant now)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM collection_cursor WHERE collection_id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO collection_cursor (collection_id, date_added_last, last_complete_read) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> cursor : cursors.entrySet()) {
                delete.setString(1, cursor.getKey());
                delete.executeUpdate();
                insert.setString(1, cursor.getKey());
                insert.setString(2, cursor.getValue());
                insert.setString(3, now.toString());
                insert.executeUpdate();
            }
        }
    }

    private void replaceKept(Connection connection, Set<String> collections, List<SelectionCandidate> kept)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM kept_indicator WHERE collection_id = ?")) {
            for (String collection : collections) {
                delete.setString(1, collection);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO kept_indicator (collection_id, stix_id, modified, candidate) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (SelectionCandidate candidate : kept) {
                if (!collections.contains(candidate.collectionId())) {
                    continue;
                }
                insert.setString(1, candidate.collectionId());
                insert.setString(2, candidate.stixId());
                insert.setString(3, candidate.indicator().modified().toString());
                insert.setString(4, codec.write(candidate));
                insert.addBatch();
                if (++pending == 1000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.username(), settings.password());
    }
}
