package io.ringtrader.engine.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How instruments are named outside the engine's int ids: the one rule that configuration, the status line, JMX,
 * reports and the journal tools share.
 * <ul>
 *   <li>An instrument's full name is venue-qualified, {@code venue:SYMBOL} ({@code binance:BTCUSDT},
 *       {@code bitget:BTCUSDT}): it names one instrument in any session.</li>
 *   <li>A bare symbol ({@code BTCUSDT}) names an instrument only while no other instrument of the session has that
 *       symbol; where two venues share a symbol it is ambiguous, and {@link #resolve} says so and lists the
 *       qualified names to write instead.</li>
 *   <li>The name a session shows ({@link #displayNames}) is the bare symbol while it is unambiguous in the session, the
 *       qualified name otherwise; so a one-venue session reads as it always did, and a session with
 *       {@code binance:BTCUSDT} and {@code bitget:BTCUSDT} never shows a bare {@code BTCUSDT}.</li>
 * </ul>
 * Works over any instrument type (configured instruments, registry instruments) through two accessors, so each
 * user applies the same rule. Start-up and tools only: allocates.
 *
 * <p>Stateless; any thread.
 */
public final class InstrumentNames {
    /** Between the venue and the symbol of a qualified name. */
    public static final char SEPARATOR = ':';

    private InstrumentNames() {
    }

    /** {@code venue:SYMBOL}. */
    public static String qualified(final String venue, final String symbol) {
        return venue + SEPARATOR + symbol;
    }

    /**
     * The name each instrument is shown by in a session of these instruments, in their order: its symbol while no other
     * instrument has that symbol, else its qualified name.
     */
    public static <T> List<String> displayNames(
        final List<T> instruments, final Function<T, String> venue, final Function<T, String> symbol) {
        final List<String> names = new ArrayList<>(instruments.size());
        for (final T instrument : instruments) {
            final String own = symbol.apply(instrument);
            int sharing = 0;
            for (final T other : instruments) {
                if (symbol.apply(other).equals(own)) {
                    sharing++;
                }
            }
            names.add(sharing > 1 ? qualified(venue.apply(instrument), own) : own);
        }
        return List.copyOf(names);
    }

    /**
     * Finds the instrument {@code name} names among {@code instruments}: a qualified name matches the instrument with
     * that venue and symbol, a bare symbol every instrument with that symbol (one: found; several: ambiguous).
     *
     * @param ignoreCase compare symbols and venue names ignoring case (the journal tools); configuration is exact.
     */
    public static <T> Match<T> resolve(final String name, final List<T> instruments, final Function<T, String> venue,
        final Function<T, String> symbol, final boolean ignoreCase) {
        final int separator = name.indexOf(SEPARATOR);
        final String venuePart = separator < 0 ? null : name.substring(0, separator);
        final String symbolPart = separator < 0 ? name : name.substring(separator + 1);
        final List<T> matches = new ArrayList<>(2);
        for (final T instrument : instruments) {
            if (same(symbol.apply(instrument), symbolPart, ignoreCase)
                && (venuePart == null || same(venue.apply(instrument), venuePart, ignoreCase))) {
                matches.add(instrument);
            }
        }
        final List<String> shown = displayNames(instruments, venue, symbol);
        final List<String> qualifiedMatches = new ArrayList<>(matches.size());
        for (final T match : matches) {
            qualifiedMatches.add(qualified(venue.apply(match), symbol.apply(match)));
        }
        return new Match<>(name, List.copyOf(matches), shown, qualifiedMatches);
    }

    private static boolean same(final String a, final String b, final boolean ignoreCase) {
        return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    /**
     * What a name resolved to.
     *
     * @param name             the name as written.
     * @param matches          the instruments it names: one when {@link #found()}, several when {@link #ambiguous()}.
     * @param known            every instrument's name as the session shows it, for messages.
     * @param qualifiedMatches the qualified names of {@code matches}.
     * @param <T>              the instrument type.
     */
    public record Match<T>(String name, List<T> matches, List<String> known, List<String> qualifiedMatches) {
        /** True when the name names exactly one instrument. */
        public boolean found() {
            return matches.size() == 1;
        }

        /** True when a bare symbol names instruments of several venues. */
        public boolean ambiguous() {
            return matches.size() > 1;
        }

        /** The one instrument named; only when {@link #found()}. */
        public T instrument() {
            if (!found()) {
                throw new IllegalStateException(problem());
            }
            return matches.get(0);
        }

        /**
         * What is wrong with the name, for an error message; null when it is {@link #found()}: {@code unknown
         * instrument 'XRPUSDT' (expected one of: BTCUSDT, binance:ETHUSDT, bitget:ETHUSDT)} or {@code instrument
         * 'ETHUSDT' is ambiguous: it is configured on 2 venues (write binance:ETHUSDT or bitget:ETHUSDT)}.
         */
        public String problem() {
            if (found()) {
                return null;
            }
            if (ambiguous()) {
                return "instrument '" + name + "' is ambiguous: it is configured on " + matches.size() + " venues (write "
                    + String.join(" or ", qualifiedMatches) + ")";
            }
            return "unknown instrument '" + name + "' ("
                + (known.isEmpty() ? "none is configured" : "expected one of: " + String.join(", ", known)) + ")";
        }
    }
}
