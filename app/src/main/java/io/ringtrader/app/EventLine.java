package io.ringtrader.app;

import io.ringtrader.engine.fixedpoint.FixedPoint;

/**
 * One output line of {@code journal dump}, built field by field: {@link Text} writes {@code name=value}
 * pairs separated by spaces, {@link Json} one JSON object. The same field names serve both formats.
 *
 * <p>Decimals are written at the given scale ({@code 61800.20}); a scale of {@link JournalInstruments#RAW}
 * writes the raw mantissa. In JSON decimals are strings, so no reader loses precision; times are ISO-8601
 * instants with nine fraction digits in both formats. Not thread-safe; reused line after line.
 */
abstract class EventLine {
    protected final StringBuilder line = new StringBuilder(1024);

    static EventLine of(final DumpFormat format) {
        return format == DumpFormat.JSONL ? new Json() : new Text();
    }

    /** Starts a new line. */
    void begin() {
        line.setLength(0);
    }

    /** The finished line, without a line separator. */
    abstract CharSequence end();

    /** A short word that identifies the line (kind, action, symbol): bare in text, a string field in JSON. */
    abstract void tag(String name, String value);

    /**
     * The instrument: in text its name as the session shows it (the bare symbol while no other venue has it, else
     * {@code venue:SYMBOL}), {@code #id} for an id the config does not name and {@code -} for none; in JSON
     * {@code instrumentId} and, when known, {@code symbol} (the venue's symbol; {@code venue} is a field of its own).
     *
     * @param name   null when unknown.
     * @param symbol null when unknown.
     */
    abstract void instrument(int instrumentId, String name, String symbol);

    /** The instrument of a one-venue session, whose name is its symbol. */
    final void instrument(final int instrumentId, final String symbol) {
        instrument(instrumentId, symbol, symbol);
    }

    abstract void text(String name, String value);

    abstract void integer(String name, long value);

    /** A Chronicle index: hexadecimal in text, a number in JSON. */
    abstract void index(String name, long value);

    abstract void flag(String name, boolean value);

    /** A field with no value (an empty book side). */
    abstract void none(String name);

    abstract void decimal(String name, long mantissa, int scale);

    abstract void time(String name, long epochNs);

    abstract void batch(int batchIndex, boolean batchLast);

    /** A price and quantity: {@code 61800.20x1.500} in text, {@code ["61800.20","1.500"]} in JSON. */
    abstract void quote(String name, long price, long qty, int priceScale, int qtyScale);

    /** Levels as {@code [61800.20x1.500, ...]} in text, {@code [["61800.20","1.500"], ...]} in JSON. */
    abstract void levels(String name, long[] prices, long[] qtys, int count, int priceScale, int qtyScale);

    /** Per-level decimals as received ({@code [[2,3], ...]}), for venues whose checksums need them. */
    abstract void levelDecimals(String name, byte[] priceDecimals, byte[] qtyDecimals, int count);

    static StringBuilder appendDecimal(final StringBuilder builder, final long mantissa, final int scale) {
        return scale == JournalInstruments.RAW ? builder.append(mantissa) : FixedPoint.appendTo(builder, mantissa, scale);
    }

    /** {@code name=value} pairs separated by spaces. */
    static final class Text extends EventLine {
        @Override
        CharSequence end() {
            return line;
        }

        @Override
        void tag(final String name, final String value) {
            separate().append(value);
        }

        @Override
        void instrument(final int instrumentId, final String name, final String symbol) {
            if (instrumentId < 0) {
                separate().append('-');
            } else if (name != null) {
                separate().append(name);
            } else {
                separate().append('#').append(instrumentId);
            }
        }

        @Override
        void text(final String name, final String value) {
            field(name).append(value);
        }

        @Override
        void integer(final String name, final long value) {
            field(name).append(value);
        }

        @Override
        void index(final String name, final long value) {
            field(name).append("0x").append(Long.toHexString(value));
        }

        @Override
        void flag(final String name, final boolean value) {
            field(name).append(value);
        }

        @Override
        void none(final String name) {
            field(name).append('-');
        }

        @Override
        void decimal(final String name, final long mantissa, final int scale) {
            appendDecimal(field(name), mantissa, scale);
        }

        @Override
        void time(final String name, final long epochNs) {
            TimeText.appendInstant(field(name), epochNs);
        }

        @Override
        void batch(final int batchIndex, final boolean batchLast) {
            field("batch").append(batchIndex).append(batchLast ? "/last" : "/more");
        }

        @Override
        void quote(final String name, final long price, final long qty, final int priceScale, final int qtyScale) {
            appendDecimal(appendDecimal(field(name), price, priceScale).append('x'), qty, qtyScale);
        }

        @Override
        void levels(final String name, final long[] prices, final long[] qtys, final int count, final int priceScale,
            final int qtyScale) {
            field(name).append('[');
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    line.append(", ");
                }
                appendDecimal(appendDecimal(line, prices[i], priceScale).append('x'), qtys[i], qtyScale);
            }
            line.append(']');
        }

        @Override
        void levelDecimals(final String name, final byte[] priceDecimals, final byte[] qtyDecimals, final int count) {
            field(name).append('[');
            for (int i = 0; i < count; i++) {
                line.append(i > 0 ? "," : "").append(priceDecimals[i]).append('/').append(qtyDecimals[i]);
            }
            line.append(']');
        }

        private StringBuilder separate() {
            return line.length() == 0 ? line : line.append(' ');
        }

        private StringBuilder field(final String name) {
            return separate().append(name).append('=');
        }
    }

    /** One JSON object; strings escaped per RFC 8259. */
    static final class Json extends EventLine {
        @Override
        void begin() {
            super.begin();
            line.append('{');
        }

        @Override
        CharSequence end() {
            return line.append('}');
        }

        @Override
        void tag(final String name, final String value) {
            text(name, value);
        }

        @Override
        void instrument(final int instrumentId, final String name, final String symbol) {
            if (instrumentId < 0) {
                return;
            }
            field("instrumentId").append(instrumentId);
            if (symbol != null) {
                text("symbol", symbol);
            }
        }

        @Override
        void text(final String name, final String value) {
            appendString(field(name), value);
        }

        @Override
        void integer(final String name, final long value) {
            field(name).append(value);
        }

        @Override
        void index(final String name, final long value) {
            field(name).append(value);
        }

        @Override
        void flag(final String name, final boolean value) {
            field(name).append(value);
        }

        @Override
        void none(final String name) {
            field(name).append("null");
        }

        @Override
        void decimal(final String name, final long mantissa, final int scale) {
            appendDecimal(field(name).append('"'), mantissa, scale).append('"');
        }

        @Override
        void time(final String name, final long epochNs) {
            TimeText.appendInstant(field(name).append('"'), epochNs).append('"');
        }

        @Override
        void batch(final int batchIndex, final boolean batchLast) {
            field("batchIndex").append(batchIndex);
            field("batchLast").append(batchLast);
        }

        @Override
        void quote(final String name, final long price, final long qty, final int priceScale, final int qtyScale) {
            field(name);
            appendPair(price, qty, priceScale, qtyScale);
        }

        @Override
        void levels(final String name, final long[] prices, final long[] qtys, final int count, final int priceScale,
            final int qtyScale) {
            field(name).append('[');
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    line.append(',');
                }
                appendPair(prices[i], qtys[i], priceScale, qtyScale);
            }
            line.append(']');
        }

        @Override
        void levelDecimals(final String name, final byte[] priceDecimals, final byte[] qtyDecimals, final int count) {
            field(name).append('[');
            for (int i = 0; i < count; i++) {
                line.append(i > 0 ? ",[" : "[").append(priceDecimals[i]).append(',').append(qtyDecimals[i]).append(']');
            }
            line.append(']');
        }

        private void appendPair(final long price, final long qty, final int priceScale, final int qtyScale) {
            appendDecimal(line.append("[\""), price, priceScale).append("\",\"");
            appendDecimal(line, qty, qtyScale).append("\"]");
        }

        private StringBuilder field(final String name) {
            if (line.length() > 1) {
                line.append(',');
            }
            return appendString(line, name).append(':');
        }

        static StringBuilder appendString(final StringBuilder builder, final String value) {
            builder.append('"');
            for (int i = 0; i < value.length(); i++) {
                final char c = value.charAt(i);
                switch (c) {
                    case '"' -> builder.append("\\\"");
                    case '\\' -> builder.append("\\\\");
                    case '\n' -> builder.append("\\n");
                    case '\r' -> builder.append("\\r");
                    case '\t' -> builder.append("\\t");
                    case '\b' -> builder.append("\\b");
                    case '\f' -> builder.append("\\f");
                    default -> {
                        if (c < 0x20) {
                            builder.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                        } else {
                            builder.append(c);
                        }
                    }
                }
            }
            return builder.append('"');
        }
    }
}
