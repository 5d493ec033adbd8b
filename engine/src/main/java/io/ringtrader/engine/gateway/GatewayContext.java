package io.ringtrader.engine.gateway;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import java.util.Objects;
import java.util.function.Supplier;
import org.agrona.concurrent.EpochNanoClock;

/**
 * What the engine gives each gateway it opens. Immutable.
 *
 * @param instruments     every instrument of the session; a gateway connects those of its venue.
 * @param levelsPerSlot   the inbound ring's {@code pipeline.levelsPerSlot}.
 * @param clock           stamps receive times: the engine's clock.
 * @param errors          counts and reports problems (one line per distinct problem).
 * @param liveOrderEntry  the session trades live on this venue ({@code execution.mode: live}, a {@code run}): the
 *                        gateway opens its user stream and provides {@link Gateway#orderEntry}.
 * @param rawFrameWriters gives a new raw-frame writer of the session journal ({@code journal.recordRaw}), one per
 *                        call, or null when raw frames are not journaled; see {@link #rawFrameWriter}.
 * @param sessionTag      the session's tag ({@code SessionTag}, journaled in the session header), which the gateway names
 *                        the session's orders with on the venue; null: the gateway makes one of its own.
 */
public record GatewayContext(InstrumentRegistry instruments, int levelsPerSlot, EpochNanoClock clock,
                             DistinctErrorHandler errors, boolean liveOrderEntry, Supplier<?> rawFrameWriters,
                             String sessionTag) {
    public GatewayContext {
        Objects.requireNonNull(instruments, "instruments");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(rawFrameWriters, "rawFrameWriters");
    }

    /** A context without a session tag: the gateway makes its own. */
    public GatewayContext(final InstrumentRegistry instruments, final int levelsPerSlot, final EpochNanoClock clock,
        final DistinctErrorHandler errors, final boolean liveOrderEntry, final Supplier<?> rawFrameWriters) {
        this(instruments, levelsPerSlot, clock, errors, liveOrderEntry, rawFrameWriters, null);
    }

    /**
     * A new writer of the session journal's {@code raw/} queue for this gateway's IO thread, or null when the session
     * does not journal raw frames. The engine cannot name the recorder's type, so the gateway names it.
     *
     * @param writerType the recorder's {@code RawFrameWriter}.
     * @throws ClassCastException when the session's writers are of another type.
     */
    public <T> T rawFrameWriter(final Class<T> writerType) {
        final Object writer = rawFrameWriters.get();
        return writer == null ? null : writerType.cast(writer);
    }
}
