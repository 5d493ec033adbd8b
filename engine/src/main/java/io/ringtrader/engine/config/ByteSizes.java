package io.ringtrader.engine.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as written in configuration: a whole number and a unit, binary ({@code KiB}, {@code MiB}, {@code GiB},
 * {@code TiB}: powers of 1024) or decimal ({@code kB}, {@code MB}, {@code GB}, {@code TB}: powers of 1000), or
 * {@code B}, e.g. {@code 512MiB}.
 */
public final class ByteSizes {
    static final String EXPECTED = "expected a size with unit B|KiB|MiB|GiB|TiB|kB|MB|GB|TB, e.g. 512MiB";

    private static final Pattern SIZE = Pattern.compile("([0-9]+)(B|KiB|MiB|GiB|TiB|kB|MB|GB|TB)");

    private ByteSizes() {
    }

    /**
     * @return the size in bytes; -1 if the text is not a size with a unit.
     * @throws ArithmeticException if it does not fit a long.
     * @throws NumberFormatException if the number does not fit a long.
     */
    static long parse(final String text) {
        final Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            return -1;
        }
        final long amount = Long.parseLong(matcher.group(1));
        final long unit = switch (matcher.group(2)) {
            case "B" -> 1L;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            case "TiB" -> 1L << 40;
            case "kB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            default -> 1_000_000_000_000L;
        };
        return Math.multiplyExact(amount, unit);
    }

    /** {@code bytes} in the largest binary unit that divides it exactly: {@code 512MiB}, {@code 1536KiB}, {@code 7B}. */
    public static String format(final long bytes) {
        final String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        long value = bytes;
        int unit = 0;
        while (unit < units.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%d%s", value, units[unit]);
    }
}
