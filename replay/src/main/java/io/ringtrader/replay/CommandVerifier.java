package io.ringtrader.replay;

import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.recorder.JournalDamage;
import io.ringtrader.recorder.JournalReader;
import io.ringtrader.recorder.JournalStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares the order commands a replay produces, one by one, with the ones journaled live in
 * {@code outbound/}; remembers the first divergence. Everything the strategy and risk decided is
 * compared; the local receive time of the causing event is not (it is the same journaled value anyway).
 *
 * <p>Single-threaded (the replay thread).
 */
final class CommandVerifier implements AutoCloseable {
    private final JournalReader recorded;
    private final OrderCommand expected = new OrderCommand();
    private long compared;
    private Divergence divergence;
    /** The first replayed command past the end of the journaled ones, and how many followed it. */
    private Divergence pastEnd;
    private long pastEndCount;
    private boolean outboundFailedLive;

    CommandVerifier(final Path journal, final JournalReader.DamagePolicy policy) {
        this.recorded = JournalReader.open(journal, JournalStream.OUTBOUND, policy);
    }

    /** The damaged journaled commands skipped so far (when skipping damage). */
    List<JournalDamage> skipped() {
        return recorded.skipped();
    }

    long skippedCount() {
        return recorded.skippedCount();
    }

    void onCommand(final OrderCommand actual) {
        final long index = compared++;
        if (divergence != null) {
            return;
        }
        if (pastEnd != null || !recorded.next(expected)) {
            if (pastEnd == null) {
                pastEnd = new Divergence(index, "none", describe(actual));
            }
            pastEndCount++;
            return;
        }
        if (!same(expected, actual)) {
            divergence = new Divergence(index, describe(expected), describe(actual));
        }
    }

    /**
     * The live session's outbound journal failed ({@code ENGINE_STATUS JOURNAL_FAILED} of the outbound stream is in the
     * inbound journal): commands past the end of the journaled ones were produced live too and could not be written.
     */
    void onOutboundJournalFailedLive() {
        outboundFailedLive = true;
    }

    /**
     * Call after the last event: a journaled command the replay did not produce is a divergence too, and so is one the
     * replay produced past the journaled ones, unless the outbound journal failed live.
     */
    Divergence finish() {
        if (divergence == null && pastEnd == null && recorded.next(expected)) {
            divergence = new Divergence(compared, describe(expected), "none");
        }
        if (divergence == null && pastEnd != null && !outboundFailedLive) {
            divergence = pastEnd;
        }
        return divergence;
    }

    /** What could not be compared, or null: the commands past the end of an outbound journal that failed live. */
    String note() {
        if (pastEnd == null || !outboundFailedLive) {
            return null;
        }
        return "the outbound journal failed live after " + pastEnd.commandIndex() + " commands: the " + pastEndCount
            + " replayed after those were never journaled and are not compared";
    }

    long compared() {
        return compared;
    }

    @Override
    public void close() {
        recorded.close();
    }

    private static boolean same(final OrderCommand a, final OrderCommand b) {
        return a.action == b.action
            && a.instrumentId == b.instrumentId
            && a.venueId == b.venueId
            && a.strategyId == b.strategyId
            && a.clientOrderId == b.clientOrderId
            && a.side == b.side
            && a.type == b.type
            && a.timeInForce == b.timeInForce
            && a.priceMantissa == b.priceMantissa
            && a.qtyMantissa == b.qtyMantissa
            && a.reduceOnly == b.reduceOnly
            && a.decision == b.decision
            && a.causeSequence == b.causeSequence
            && a.causeExchangeTimeNs == b.causeExchangeTimeNs
            && a.causeReceiveTimeNs == b.causeReceiveTimeNs;
    }

    private static String describe(final OrderCommand command) {
        return command.toString();
    }
}
