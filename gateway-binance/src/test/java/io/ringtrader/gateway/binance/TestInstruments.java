package io.ringtrader.gateway.binance;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/** Instruments of the recorded frames used in unit tests, with Binance's tick and lot sizes. */
public final class TestInstruments {
    public static final int BTCUSDT = 0;
    public static final int SUSHIUSDT = 1;
    public static final int AKROUSDT = 2;
    public static final int CTKUSDT = 3;

    private TestInstruments() {
    }

    /**
     * BTCUSDT (tick 0.10, lot 0.001), SUSHIUSDT (tick 0.0010, lot 1), AKROUSDT (tick 0.00001, lot 1), CTKUSDT
     * (tick 0.00100, lot 1).
     */
    public static InstrumentRegistry registry() {
        return new InstrumentRegistry(List.of(
            new Instrument(BTCUSDT, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0),
            new Instrument(SUSHIUSDT, Venue.BINANCE_USDM, "SUSHIUSDT", 4, 10, 0, 1, 1, 0),
            new Instrument(AKROUSDT, Venue.BINANCE_USDM, "AKROUSDT", 5, 1, 0, 1, 1, 0),
            new Instrument(CTKUSDT, Venue.BINANCE_USDM, "CTKUSDT", 5, 100, 0, 1, 1, 0)));
    }

    /** The ASCII bytes of {@code text} in a buffer of exactly that length. */
    public static UnsafeBuffer ascii(final String text) {
        final byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte)text.charAt(i);
        }
        return new UnsafeBuffer(bytes);
    }
}
