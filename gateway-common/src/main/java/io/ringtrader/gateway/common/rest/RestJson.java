package io.ringtrader.gateway.common.rest;

import io.ringtrader.gateway.common.marketdata.JsonScanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads top-level fields of the small flat JSON objects venues' REST endpoints answer with
 * ({@code {"serverTime":...}}, an order, {@code {"code":-2010,"msg":"..."}}), with {@link JsonScanner}. REST
 * path only: each call allocates a little. Stateless and thread-safe.
 */
public final class RestJson {
    /** Returned by {@link #longField} for a field that is absent, not an integer or not in an object. */
    public static final long ABSENT = JsonScanner.INVALID_LONG;

    private RestJson() {
    }

    /**
     * @return the field's integer value (a JSON number or a string holding one), or {@link #ABSENT}.
     */
    public static long longField(final byte[] body, final String name) {
        final JsonScanner scanner = seek(body, name);
        return scanner == null ? ABSENT : scanner.valueAsLong();
    }

    /**
     * @return the raw content of the field's string value (escapes are not decoded), or null if absent or not a
     * string.
     */
    public static String stringField(final byte[] body, final String name) {
        final JsonScanner scanner = seek(body, name);
        if (scanner == null || scanner.valueType() != JsonScanner.STRING) {
            return null;
        }
        return new String(body, scanner.valueOffset(), scanner.valueLength(), StandardCharsets.UTF_8);
    }

    /**
     * The error code of an error body ({@code {"code":-1021,"msg":"..."}}, a number or a numeric string), or 0 if it
     * has none.
     */
    public static int errorCode(final byte[] body) {
        final long code = longField(body, "code");
        return code == ABSENT || code < Integer.MIN_VALUE || code > Integer.MAX_VALUE ? 0 : (int)code;
    }

    /**
     * The objects of a top-level JSON array, each copied out.
     *
     * @throws IllegalArgumentException when the body is not an array of objects.
     */
    public static List<byte[]> arrayObjects(final byte[] body) {
        final JsonScanner scanner = new JsonScanner();
        if (body == null || !scanner.wrap(new UnsafeBuffer(body), 0, body.length).enterArray()) {
            throw new IllegalArgumentException("not a JSON array: " + text(body));
        }
        final List<byte[]> objects = new ArrayList<>();
        while (scanner.nextElement()) {
            if (scanner.valueType() != JsonScanner.OBJECT) {
                throw new IllegalArgumentException("not an array of objects: " + text(body));
            }
            objects.add(Arrays.copyOfRange(body, scanner.valueOffset(), scanner.valueOffset() + scanner.valueLength()));
        }
        if (!scanner.finish()) {
            throw new IllegalArgumentException("not a complete JSON array: " + text(body));
        }
        return objects;
    }

    private static String text(final byte[] body) {
        return body == null ? "null" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    }

    private static JsonScanner seek(final byte[] body, final String name) {
        if (body == null || body.length == 0) {
            return null;
        }
        final byte[] key = name.getBytes(StandardCharsets.US_ASCII);
        final JsonScanner scanner = new JsonScanner();
        if (!scanner.wrap(new UnsafeBuffer(body), 0, body.length).enterObject()) {
            return null;
        }
        while (scanner.nextField()) {
            if (scanner.keyIs(key)) {
                return scanner;
            }
        }
        return null;
    }
}
