package io.ringtrader.engine.event;

/**
 * Engine-level transitions published as {@link EventKind#ENGINE_STATUS} events by the engine's health monitor and
 * applied by the risk stage in ring order, so that a replay changes the trading state where the live session did.
 * {@link InboundEvent#statusDetail} says more, per value.
 */
public enum EngineStatus {
    /**
     * A journal write failed: trading is {@code HALTED} for the rest of the session. Detail: the journal stream
     * ({@link #STREAM_INBOUND}, {@link #STREAM_OUTBOUND}, {@link #STREAM_RAW}). Journaled only when the failed stream
     * is not the inbound one.
     */
    JOURNAL_FAILED,
    /** Free space on the journal's file system fell below {@code journal.diskSpace.reduceBelow}: {@code REDUCING}. Detail: free MiB. */
    DISK_LOW,
    /** Free space fell below {@code journal.diskSpace.haltBelow}: {@code HALTED} until it recovers. Detail: free MiB. */
    DISK_CRITICAL,
    /** Free space is above {@code journal.diskSpace.reduceBelow} again: the disk no longer limits trading. Detail: free MiB. */
    DISK_OK;

    /** {@link InboundEvent#statusDetail} of {@link #JOURNAL_FAILED}: the {@code inbound/} queue. */
    public static final int STREAM_INBOUND = 1;
    /** {@link InboundEvent#statusDetail} of {@link #JOURNAL_FAILED}: the {@code outbound/} queue. */
    public static final int STREAM_OUTBOUND = 2;
    /** {@link InboundEvent#statusDetail} of {@link #JOURNAL_FAILED}: the {@code raw/} queue. */
    public static final int STREAM_RAW = 3;
}
