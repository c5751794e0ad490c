package io.intelsync.config;

import java.time.Duration;

/**
 * Where the sync state is kept and how often collections are read in full.
 *
 * @param jdbcUrl the JDBC URL of the state database
 * @param username the database user, or an empty string
 * @param password the database password, or an empty string
 * @param fullReadInterval the time between two full reads of every collection
 */
public record StateSettings(String jdbcUrl, String username, String password, Duration fullReadInterval) {

    /** Returns the settings without the password, so that logging them leaks nothing. */
    @Override
    public String toString() {
        return "StateSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", fullReadInterval=" + fullReadInterval
                + "]";
    }
}
