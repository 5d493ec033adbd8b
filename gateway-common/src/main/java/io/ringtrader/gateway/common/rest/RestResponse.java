package io.ringtrader.gateway.common.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;

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

    /**
     * The objects of a top-level array body ({@code GET /fapi/v1/openOrders}, {@code /fapi/v3/positionRisk}), each as a
     * response of its own to read fields from; allocates.
     *
     * @throws IllegalArgumentException when the body is not an array of objects.
     */
    public List<RestResponse> elements() {
        return RestJson.arrayObjects(body).stream().map(object -> new RestResponse(status, object)).toList();
    }
}
