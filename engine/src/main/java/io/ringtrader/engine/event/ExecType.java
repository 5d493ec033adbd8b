package io.ringtrader.engine.event;

/** The kind of an execution report. A partial fill is a {@code FILL} with leaves quantity left. */
public enum ExecType {
    ACK,
    REJECT,
    FILL,
    CANCELED
}
