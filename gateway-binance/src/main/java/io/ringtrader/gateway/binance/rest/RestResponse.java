package io.ringtrader.gateway.binance.rest;

import java.nio.charset.StandardCharsets;

/**
 * A successful (2xx) REST response: status and raw body bytes (JSON). Read fields with {@link RestJson}.
 *
 * @param status HTTP status.
 * @param body   the body as received; callers must not modify it.
 */
public record RestResponse(int status, byte[] body) {
    /** The body as text (allocates; for logs and tests). */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A top-level number or numeric string field, or {@link RestJson#ABSENT}. */
    public long longField(final String name) {
        return RestJson.longField(body, name);
    }

    /** A top-level string field's raw content, or null. */
    public String stringField(final String name) {
        return RestJson.stringField(body, name);
    }
}
