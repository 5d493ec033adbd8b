package io.ringtrader.engine.fixedpoint;

/**
 * Outcome of {@link DecimalParser#parse}: {@link #OK} or the reason the text was rejected.
 * <p>
 * When several reasons apply, the first in this order is reported: {@link #SCALE_OUT_OF_RANGE},
 * {@link #EMPTY}, {@link #MALFORMED}, {@link #NEGATIVE_NOT_ALLOWED}, {@link #TOO_MANY_DECIMALS},
 * {@link #OVERFLOW}. Values are stable constants; {@link #ordinal()} may index per-status counters.
 */
public enum ParseStatus {
    OK("parsed"),
    SCALE_OUT_OF_RANGE("scale must be between 0 and " + FixedPoint.MAX_SCALE),
    EMPTY("empty text"),
    MALFORMED("not a plain decimal number: expected [-]digits[.digits]"),
    NEGATIVE_NOT_ALLOWED("negative value where only non-negative values are allowed"),
    TOO_MANY_DECIMALS("more significant decimals than the scale allows (values are never rounded)"),
    OVERFLOW("value does not fit in a long mantissa at the scale");

    private final String description;

    ParseStatus(final String description) {
        this.description = description;
    }

    /**
     * @return a human-readable description for logs and configuration errors.
     */
    public String description() {
        return description;
    }
}
