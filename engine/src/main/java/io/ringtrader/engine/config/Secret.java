package io.ringtrader.engine.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential read from configuration. {@link #toString()} never shows the value: it gives {@code ****}, or
 * {@code <empty>} when there is none. Only {@link #reveal()} does, for the code that signs requests.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret("");

    private final String value;

    private Secret(final String value) {
        this.value = value;
    }

    /**
     * @param value the secret value; empty for "not configured".
     */
    public static Secret of(final String value) {
        Objects.requireNonNull(value, "value");
        return value.isEmpty() ? EMPTY : new Secret(value);
    }

    public static Secret empty() {
        return EMPTY;
    }

    /**
     * @return the secret value itself. Never log it.
     */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Secret secret &&
            MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(value.isEmpty());
    }

    /**
     * @return {@code ****}, or {@code <empty>} if the secret is empty.
     */
    @Override
    public String toString() {
        return value.isEmpty() ? "<empty>" : "****";
    }
}
