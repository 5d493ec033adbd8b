package io.ringtrader.engine.errors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.agrona.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's error handler: it never throws, counts every error by {@link ErrorKind}, and logs each
 * <em>distinct</em> error once, the first time it is seen; later occurrences are only counted and
 * reported by {@link #logSummary()}. A flood of identical decode errors therefore costs a counter
 * increment each, not a log line each.
 *
 * <p>Two ways in:
 * <ul>
 *   <li>{@link #onProblem(ErrorKind, String)} for expected, code-reported problems (a malformed
 *       frame, a full ring). {@code detail} should be a constant string: it is the distinct key, and
 *       after the first occurrence the call allocates nothing.</li>
 *   <li>{@link #onError(ErrorKind, String, Throwable)} for exceptions (bugs, misconfiguration). The
 *       distinct key is the kind, the place, the exception type, message and throwing frame.</li>
 * </ul>
 *
 * <p>Thread-safe: called from IO threads, stage threads and the monitor at once.
 */
public final class DistinctErrorHandler implements ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DistinctErrorHandler.class);
    private static final ErrorKind[] KINDS = ErrorKind.values();

    private final AtomicLongArray countsByKind = new AtomicLongArray(KINDS.length);
    private final EnumMap<ErrorKind, ConcurrentHashMap<String, DistinctEntry>> problemsByKind = new EnumMap<>(ErrorKind.class);
    private final ConcurrentHashMap<String, DistinctEntry> exceptions = new ConcurrentHashMap<>();

    public DistinctErrorHandler() {
        for (final ErrorKind kind : KINDS) {
            problemsByKind.put(kind, new ConcurrentHashMap<>());
        }
    }

    /** Agrona-compatible entry point; counted as {@link ErrorKind#INTERNAL}. */
    @Override
    public void onError(final Throwable throwable) {
        onError(ErrorKind.INTERNAL, "unspecified", throwable);
    }

    /**
     * Counts an exception and logs it with its stack trace if this is its first occurrence.
     *
     * @param kind  where it belongs.
     * @param where a short constant naming the place, e.g. a stage or thread name.
     * @param error the exception; {@code null} is tolerated.
     */
    public void onError(final ErrorKind kind, final String where, final Throwable error) {
        try {
            countsByKind.incrementAndGet(kind.ordinal());
            final String place = where == null ? "an unnamed place" : where;
            final String key = exceptionKey(kind, place, error);
            final DistinctEntry entry = exceptions.get(key);
            if (entry != null) {
                entry.count.increment();
                return;
            }
            final DistinctEntry fresh = new DistinctEntry(kind, key);
            final DistinctEntry raced = exceptions.putIfAbsent(key, fresh);
            if (raced != null) {
                raced.count.increment();
                return;
            }
            fresh.count.increment();
            LOG.error("[{}] first occurrence in {} (further identical errors are only counted)", kind, place, error);
        } catch (final Throwable ignore) {
            // Never throw from the error handler: a failing logger must not take a ring thread down.
        }
    }

    /**
     * Counts an expected problem reported by code (no exception) and logs it once.
     *
     * @param kind   where it belongs.
     * @param detail a constant description, e.g. {@code "depth: negative quantity"}.
     */
    public void onProblem(final ErrorKind kind, final String detail) {
        try {
            countsByKind.incrementAndGet(kind.ordinal());
            final ConcurrentHashMap<String, DistinctEntry> problems = problemsByKind.get(kind);
            final DistinctEntry entry = problems.get(detail);
            if (entry != null) {
                entry.count.increment();
                return;
            }
            final DistinctEntry fresh = new DistinctEntry(kind, detail);
            final DistinctEntry raced = problems.putIfAbsent(detail, fresh);
            if (raced != null) {
                raced.count.increment();
                return;
            }
            fresh.count.increment();
            LOG.warn("[{}] {} (first occurrence; further identical problems are only counted)", kind, detail);
        } catch (final Throwable ignore) {
            // Never throw from the error handler.
        }
    }

    /**
     * Counts a failure that changes what the engine does (a journal that can no longer be written) and logs it
     * once, as one ERROR line without a stack trace: {@code message} must say what failed, where and why.
     */
    public void onFailure(final ErrorKind kind, final String message) {
        try {
            countsByKind.incrementAndGet(kind.ordinal());
            final ConcurrentHashMap<String, DistinctEntry> problems = problemsByKind.get(kind);
            final DistinctEntry fresh = new DistinctEntry(kind, message);
            final DistinctEntry raced = problems.putIfAbsent(message, fresh);
            (raced != null ? raced : fresh).count.increment();
            if (raced == null) {
                LOG.error("[{}] {}", kind, message);
            }
        } catch (final Throwable ignore) {
            // Never throw from the error handler.
        }
    }

    /** Errors counted of this kind so far. */
    public long count(final ErrorKind kind) {
        return countsByKind.get(kind.ordinal());
    }

    /** Errors counted of all kinds so far. */
    public long totalCount() {
        long total = 0;
        for (int i = 0; i < KINDS.length; i++) {
            total += countsByKind.get(i);
        }
        return total;
    }

    /** Every distinct error seen so far with its count, most frequent first. Not for the hot path. */
    public List<DistinctError> distinctErrors() {
        final List<DistinctError> result = new ArrayList<>();
        for (final ConcurrentHashMap<String, DistinctEntry> problems : problemsByKind.values()) {
            problems.values().forEach(e -> result.add(e.snapshot()));
        }
        exceptions.values().forEach(e -> result.add(e.snapshot()));
        result.sort(Comparator.comparingLong(DistinctError::count).reversed()
            .thenComparing(DistinctError::description));
        return result;
    }

    /** Logs one line per distinct error with its total count (for shutdown or periodic reports). */
    public void logSummary() {
        try {
            for (final DistinctError error : distinctErrors()) {
                LOG.info("[{}] {} x {}", error.kind(), error.count(), error.description());
            }
        } catch (final Throwable ignore) {
            // Never throw from the error handler.
        }
    }

    private static String exceptionKey(final ErrorKind kind, final String where, final Throwable error) {
        final StringBuilder key = new StringBuilder(128).append(kind).append(" in ").append(where).append(": ");
        if (error == null) {
            return key.append("null").toString();
        }
        key.append(error.getClass().getName());
        if (error.getMessage() != null) {
            key.append(": ").append(error.getMessage());
        }
        final StackTraceElement[] trace = error.getStackTrace();
        if (trace.length > 0) {
            key.append(" at ").append(trace[0]);
        }
        return key.toString();
    }

    /** One distinct error and how often it was seen. */
    public record DistinctError(ErrorKind kind, String description, long count) {
    }

    private static final class DistinctEntry {
        final ErrorKind kind;
        final String description;
        final LongAdder count = new LongAdder();

        DistinctEntry(final ErrorKind kind, final String description) {
            this.kind = kind;
            this.description = description;
        }

        DistinctError snapshot() {
            return new DistinctError(kind, description, count.sum());
        }
    }
}
