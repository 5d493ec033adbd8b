package io.ringtrader.engine.event;

/** What an intent or order command asks the venue to do. */
public enum OrderAction {
    NEW,
    CANCEL
}
