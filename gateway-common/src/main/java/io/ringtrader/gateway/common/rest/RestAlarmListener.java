package io.ringtrader.gateway.common.rest;

/**
 * Told when the venue bans this IP (HTTP 418): order entry is stopped and needs an operator. Called on a REST
 * executor thread; must not block.
 */
@FunctionalInterface
public interface RestAlarmListener {
    /** A listener that does nothing (the ERROR log line is still written). */
    RestAlarmListener NONE = (retryAfterMs, message) -> {
    };

    /**
     * @param retryAfterMs how long the venue says the ban lasts.
     * @param message      the venue's message, or the HTTP status line.
     */
    void onIpBanned(long retryAfterMs, String message);
}
