package ab;

import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.gateway.binance.marketdata.DepthUpdateDecoder;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Compiled once against each build's benchmarks.jar and loaded with it in a class loader of its own: decodes the
 * given depthUpdate payloads with that build's DepthUpdateDecoder, {@code passes} times over, and returns a checksum
 * (so the work cannot be dropped). Names no type that moved between builds.
 */
public final class AbRunner implements IntToLongFunction {
    private final DepthUpdateDecoder decoder;
    private final UnsafeBuffer[] frames;

    public AbRunner(final byte[][] payloads) {
        final InstrumentRegistry instruments = new InstrumentRegistry(
            List.of(new Instrument(0, Venue.BINANCE_USDM, "BTCUSDT", 2, 10, 3, 1, 1, 0)));
        decoder = new DepthUpdateDecoder(instruments, 1_000);
        frames = new UnsafeBuffer[payloads.length];
        for (int i = 0; i < payloads.length; i++) {
            frames[i] = new UnsafeBuffer(payloads[i]);
        }
    }

    @Override
    public long applyAsLong(final int passes) {
        long checksum = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (final UnsafeBuffer frame : frames) {
                if (decoder.decode(frame, 0, frame.capacity(), 42L).ordinal() != 0) {
                    throw new IllegalStateException("frame not decoded");
                }
                checksum += decoder.staging().lastUpdateId + decoder.staging().bidCount() + decoder.staging().bidPrice(0);
            }
        }
        return checksum;
    }
}
