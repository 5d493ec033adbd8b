package io.ringtrader.engine.pipeline;

/** Outcome of publishing onto a ring; expected outcomes are codes, not exceptions. */
public enum PublishResult {
    PUBLISHED,
    /** The ring had no room; nothing was published. Counted as {@code RING_FULL}. */
    BACK_PRESSURED,
    /** The pipeline is stopping or stopped; nothing was published. */
    CLOSED,
    /** The translator threw; the slot went out as {@code DISCARDED}. Counted as {@code PRODUCER}. */
    FAILED
}
