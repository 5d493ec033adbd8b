package io.ringtrader.engine.errors;

/** What part of the engine a counted error came from. */
public enum ErrorKind {
    /** A stage threw while handling an event; the event was skipped by that stage only. */
    STAGE,
    /** A producer (gateway IO thread, timer) failed while decoding or publishing. */
    PRODUCER,
    /** A frame or message could not be decoded and was dropped. */
    DECODE,
    /** The order book refused an update or lost sync. */
    BOOK,
    /** The ring had no room and the event was not published. */
    RING_FULL,
    /** A thread could not be pinned to the configured CPU. */
    AFFINITY,
    /** A journal write failed: trading halted, the rest of the session is not journaled. */
    JOURNAL,
    /** Latency recording or reporting failed. */
    TELEMETRY,
    /** Anything else: a bug. */
    INTERNAL
}
