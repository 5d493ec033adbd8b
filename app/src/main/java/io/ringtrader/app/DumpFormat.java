package io.ringtrader.app;

/** Output formats of {@code journal dump}. */
enum DumpFormat {
    /** One line of {@code name=value} fields per message. */
    TEXT,
    /** One JSON object per line (JSON Lines). */
    JSONL
}
