package io.intelsync.config;

/** Which indicators fill the budget of Defender indicators first. */
public enum SelectionOrder {
    /** The newest {@code modified} across all collections; collection order breaks ties. */
    NEWEST_FIRST,
    /** The collections in their configured order, the newest first within each, as the OpenCTI connector does. */
    COLLECTION_FIRST
}
