package io.ringtrader.gateway.common.marketdata;

import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.errors.ErrorKind;

/**
 * What a decoder did with the frames it was given: frames ignored on purpose, and frames dropped, counted per
 * {@link DecodeStatus} and reported once per distinct problem to the error handler, as the decoder's prefix (its
 * venue, and which of its streams) followed by the status's {@link DecodeStatus#detail()}. One per decoder: a
 * venue's market-data and user-stream decoders each have theirs. Written on the decoder's thread; the counters may
 * be read from others (recent values). Allocation-free.
 */
public final class DecodeOutcomes {
    private final DistinctErrorHandler errors;
    private final String[] details = new String[DecodeStatus.values().length];
    private final long[] problems = new long[DecodeStatus.values().length];
    private long ignored;

    /**
     * @param errors receives each distinct problem.
     * @param prefix put before each status's detail in the report: the venue and, where it has several decoders,
     *               which one (e.g. {@code "binance: "}); the reports are {@code prefix + detail}.
     */
    public DecodeOutcomes(final DistinctErrorHandler errors, final String prefix) {
        this.errors = errors;
        for (final DecodeStatus status : DecodeStatus.values()) {
            details[status.ordinal()] = prefix + status.detail();
        }
    }

    /** Counts {@code status} (an ignored frame, or a dropped one, which is also reported); returns it. */
    public DecodeStatus record(final DecodeStatus status) {
        if (status == DecodeStatus.IGNORED) {
            ignored++;
        } else if (status.isError()) {
            problems[status.ordinal()]++;
            errors.onProblem(ErrorKind.DECODE, details[status.ordinal()]);
        }
        return status;
    }

    /** Frames ignored on purpose. */
    public long ignored() {
        return ignored;
    }

    /** Frames dropped for {@code status}. */
    public long problems(final DecodeStatus status) {
        return problems[status.ordinal()];
    }

    /** Frames dropped, all reasons. */
    public long decodeErrors() {
        long total = 0;
        for (final DecodeStatus status : DecodeStatus.values()) {
            if (status.isError()) {
                total += problems[status.ordinal()];
            }
        }
        return total;
    }
}
