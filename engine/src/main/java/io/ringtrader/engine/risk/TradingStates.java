package io.ringtrader.engine.risk;

import io.ringtrader.engine.event.EngineStatus;
import io.ringtrader.engine.event.InboundEvent;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine-wide trading state and why it is what it is: the most restrictive of what each cause asks for. The
 * causes today are the journal (a failed write halts for the rest of the session) and the journal's free disk space
 * (low: reducing; critical: halted; recovered: no limit). Each changes only when the risk stage reaches an
 * {@link io.ringtrader.engine.event.EventKind#ENGINE_STATUS} event, so a replay changes state where the live
 * session did.
 *
 * <p>Single writer: the risk stage's thread ({@link #apply}); any thread reads {@link #state()} and
 * {@link #reason()} (one volatile read each).
 */
public final class TradingStates {
    /** Per cause: what it asks for. Risk thread only. */
    private TradingState journal = TradingState.ACTIVE;
    private TradingState disk = TradingState.ACTIVE;
    private String journalReason;
    private String diskReason;
    private final AtomicReference<View> view = new AtomicReference<>(new View(TradingState.ACTIVE, null, 0));

    /**
     * Applies an engine status event. Risk thread only.
     *
     * @return true when the effective state or its reason changed.
     */
    boolean apply(final InboundEvent event) {
        final EngineStatus status = event.engineStatus;
        if (status == null) {
            return false;
        }
        switch (status) {
            case JOURNAL_FAILED -> {
                journal = TradingState.HALTED;
                journalReason = "journal failed (" + streamName(event.statusDetail) + ")";
            }
            case DISK_LOW -> {
                disk = TradingState.REDUCING;
                diskReason = "journal disk space low (" + event.statusDetail + " MiB free)";
            }
            case DISK_CRITICAL -> {
                disk = TradingState.HALTED;
                diskReason = "journal disk space critical (" + event.statusDetail + " MiB free)";
            }
            case DISK_OK -> {
                disk = TradingState.ACTIVE;
                diskReason = null;
            }
        }
        return publish();
    }

    /** The effective state; any thread. */
    public TradingState state() {
        return view.get().state();
    }

    /** Why trading is not {@link TradingState#ACTIVE}, or null when it is; any thread. */
    public String reason() {
        return view.get().reason();
    }

    /** How many times the effective state changed; any thread. */
    public long transitions() {
        return view.get().transitions();
    }

    private boolean publish() {
        final TradingState state = journal.max(disk);
        final String reason = join(journal == TradingState.ACTIVE ? null : journalReason,
            disk == TradingState.ACTIVE ? null : diskReason);
        final View before = view.get();
        if (before.state() == state && java.util.Objects.equals(before.reason(), reason)) {
            return false;
        }
        view.set(new View(state, reason, before.transitions() + (before.state() == state ? 0 : 1)));
        return true;
    }

    private static String join(final String first, final String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "; " + second;
    }

    private static String streamName(final int stream) {
        return switch (stream) {
            case EngineStatus.STREAM_INBOUND -> "inbound";
            case EngineStatus.STREAM_OUTBOUND -> "outbound";
            case EngineStatus.STREAM_RAW -> "raw";
            default -> "stream " + stream;
        };
    }

    private record View(TradingState state, String reason, long transitions) {
    }
}
