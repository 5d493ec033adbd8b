package io.ringtrader.app;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderAction;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.recorder.JournalDamage;
import io.ringtrader.recorder.JournalFormat;
import io.ringtrader.recorder.JournalManifest;
import io.ringtrader.recorder.JournalSession;
import io.ringtrader.recorder.JournalSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code journal stats} without the command line: accumulates what one queue holds, message by message
 * ({@link Inbound} or {@link Outbound}), and prints it with the queue's {@link JournalSummary} and
 * {@link JournalSession}s. Single-threaded.
 */
final class JournalStats {
    /** How many of the largest receive-time gaps are listed. */
    static final int LARGEST_GAPS = 5;

    private static final String INDENT = "  ";

    private JournalStats() {
    }

    /**
     * Prints the lines every queue has for {@code journal stats}: count, index and sequence range, checksums, tail,
     * damage (the first damaged part) and the schema versions and writers.
     */
    static void printSummary(final PrintWriter out, final JournalSummary summary) {
        printRanges(out, summary);
        row(out, "tail", describeTail(summary));
        if (summary.damaged()) {
            row(out, "damage", summary.damagedCount() + " damaged part(s), not counted here; the first: "
                + summary.damage().get(0).describe() + " (journal verify lists them all)");
        } else {
            row(out, "damage", "none");
        }
        row(out, "schema", describeSessions(summary.sessions()));
        for (final JournalSession session : summary.sessions()) {
            if (session.hasManifest()) {
                final JournalManifest manifest = session.manifest();
                row(out, "session", "tag " + orNone(manifest.sessionTag()) + ", engine " + orNone(manifest.engineVersion())
                    + ", config " + orNone(manifest.configHash()));
                row(out, "instruments", manifest.instruments().size() + " in the journal's table: "
                    + manifest.describeInstruments());
                break;
            }
        }
    }

    private static String orNone(final String text) {
        return text.isEmpty() ? "none recorded" : text;
    }

    /**
     * Prints what {@code journal verify} found in one queue: the ranges, every damaged part listed, where the
     * readable data ends, the tail, the schema versions and writers.
     */
    static void printVerification(final PrintWriter out, final JournalSummary summary) {
        printRanges(out, summary);
        if (summary.damaged()) {
            out.println(INDENT + "damage           " + summary.damagedCount() + " damaged part(s), never decoded:");
            for (final JournalDamage damage : summary.damage()) {
                out.println(INDENT + INDENT + damage.describe());
            }
            if (summary.damage().size() < summary.damagedCount()) {
                out.println(INDENT + INDENT + "... and " + (summary.damagedCount() - summary.damage().size()) + " more");
            }
        } else {
            row(out, "damage", "none");
        }
        row(out, "readable end", summary.describeEnd());
        row(out, "tail", describeTail(summary));
        row(out, "schema", describeSessions(summary.sessions()));
    }

    private static void printRanges(final PrintWriter out, final JournalSummary summary) {
        out.println(summary.stream().directoryName() + " journal " + summary.directory());
        row(out, "messages", Long.toString(summary.messages()));
        if (summary.messages() > 0) {
            row(out, "index", JournalSummary.hex(summary.firstIndex()) + " .. " + JournalSummary.hex(summary.lastIndex()));
            if (summary.lastSequence() != JournalSummary.NONE) {
                row(out, "sequence", summary.firstSequence() + " .. " + summary.lastSequence());
            }
        }
        final long unchecked = summary.uncheckedMessages();
        row(out, "checksums", (summary.messages() - unchecked) + " verified" + (unchecked > 0
            ? ", " + unchecked + " unchecked (schema 4 or earlier: written without a checksum)"
            : ""));
    }

    private static String describeTail(final JournalSummary summary) {
        return switch (summary.tail()) {
            case CLEAN -> "clean";
            case INCOMPLETE_MESSAGE -> "INCOMPLETE: the last message was begun and never finished (its writer was killed"
                + " while appending it, or is appending it now); the " + summary.messages() + " messages before it are readable";
            case DAMAGED -> "DAMAGED: what follows the last readable message (" + summary.describeEnd() + ") is damaged";
        };
    }

    /** One row per distinct schema version and writer, with how many sessions and when they started. */
    static String describeSessions(final List<JournalSession> sessions) {
        if (sessions.isEmpty()) {
            return "no session header (no writer recorded one)";
        }
        final Map<String, List<JournalSession>> byWriter = new LinkedHashMap<>();
        for (final JournalSession session : sessions) {
            byWriter.computeIfAbsent("version " + session.schemaVersion()
                + (session.schemaVersion() > JournalFormat.SCHEMA_VERSION
                    ? " (newer than this build reads, " + JournalFormat.SCHEMA_VERSION + ")" : "")
                + ", writer " + session.writer(), k -> new ArrayList<>()).add(session);
        }
        final StringBuilder text = new StringBuilder();
        for (final Map.Entry<String, List<JournalSession>> entry : byWriter.entrySet()) {
            final List<JournalSession> group = entry.getValue();
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(entry.getKey()).append(", ").append(group.size()).append(group.size() == 1 ? " session" : " sessions")
                .append(" started ").append(Instant.ofEpochMilli(group.get(0).startedEpochMs()));
            if (group.size() > 1) {
                text.append(" .. ").append(Instant.ofEpochMilli(group.get(group.size() - 1).startedEpochMs()));
            }
        }
        return text.toString();
    }

    private static void row(final PrintWriter out, final String name, final String value) {
        out.printf("%s%-16s %s%n", INDENT, name, value);
    }

    private static void counts(final PrintWriter out, final String title, final Map<String, Long> counts) {
        if (counts.isEmpty()) {
            row(out, title, "none");
            return;
        }
        out.println(INDENT + title);
        for (final Map.Entry<String, Long> entry : counts.entrySet()) {
            out.printf("%s%s%-20s %d%n", INDENT, INDENT, entry.getKey(), entry.getValue());
        }
    }

    private static void instrumentCounts(final PrintWriter out, final TreeMap<Integer, long[]> byInstrument,
        final JournalInstruments instruments) {
        final Map<String, Long> counts = new LinkedHashMap<>();
        for (final Map.Entry<Integer, long[]> entry : byInstrument.entrySet()) {
            final int id = entry.getKey();
            final String label = id < 0 ? "- (none)" : instruments.name(id) != null
                ? instruments.name(id) + " (#" + id + ")"
                : "#" + id + (instruments.hasConfig() ? " (not in " + instruments.source() + ")" : "");
            counts.put(label, entry.getValue()[0]);
        }
        counts(out, "by instrument", counts);
    }

    private static void countInstrument(final TreeMap<Integer, long[]> byInstrument, final int instrumentId) {
        byInstrument.computeIfAbsent(Math.max(-1, instrumentId), k -> new long[1])[0]++;
    }

    private static void timeRange(final PrintWriter out, final String name, final long first, final long last,
        final long none) {
        if (first == none) {
            row(out, name, "none");
            return;
        }
        row(out, name, TimeText.instant(first) + " .. " + TimeText.instant(last) + " (span " + TimeText.duration(last - first) + ")");
    }

    /** A receive-time gap: the time between two consecutive messages, and the index of the later one. */
    record Gap(long ns, long index, long beforeNs, long afterNs) {
    }

    /** Accumulates an inbound queue. */
    static final class Inbound {
        private final long gapThresholdNs;
        private final long[] byKind = new long[EventKind.values().length];
        private long withoutKind;
        private final TreeMap<Integer, long[]> byInstrument = new TreeMap<>();
        private long firstExchangeNs = InboundEvent.NONE;
        private long lastExchangeNs = InboundEvent.NONE;
        private long firstReceiveNs;
        private long lastReceiveNs;
        private long gaps;
        private long backwards;
        private final List<Gap> largestGaps = new ArrayList<>(LARGEST_GAPS + 1);

        /** @param gapThresholdNs receive-time gaps longer than this are counted and the largest listed. */
        Inbound(final long gapThresholdNs) {
            this.gapThresholdNs = gapThresholdNs;
        }

        void onEvent(final long index, final InboundEvent event) {
            if (event.kind == null) {
                withoutKind++;
            } else {
                byKind[event.kind.ordinal()]++;
            }
            countInstrument(byInstrument, event.instrumentId);
            // A timer has no venue time (schema 5 and earlier wrote its scheduled local time in the field).
            if (event.exchangeTimeNs != InboundEvent.NONE && event.kind != EventKind.TIMER) {
                if (firstExchangeNs == InboundEvent.NONE) {
                    firstExchangeNs = event.exchangeTimeNs;
                }
                lastExchangeNs = event.exchangeTimeNs;
            }
            final long receiveNs = event.receiveTimeNs;
            if (receiveNs == 0) {
                return;
            }
            if (firstReceiveNs == 0) {
                firstReceiveNs = receiveNs;
            } else {
                final long gapNs = receiveNs - lastReceiveNs;
                if (gapNs < 0) {
                    backwards++;
                } else if (gapNs > gapThresholdNs) {
                    gaps++;
                    keepLargest(new Gap(gapNs, index, lastReceiveNs, receiveNs));
                }
            }
            lastReceiveNs = receiveNs;
        }

        long count(final EventKind kind) {
            return byKind[kind.ordinal()];
        }

        long gaps() {
            return gaps;
        }

        /** The largest gaps over the threshold, largest first. */
        List<Gap> largestGaps() {
            return largestGaps;
        }

        void print(final PrintWriter out, final JournalInstruments instruments) {
            timeRange(out, "exchange time", firstExchangeNs, lastExchangeNs, InboundEvent.NONE);
            timeRange(out, "receive time", firstReceiveNs, lastReceiveNs, 0);
            final Map<String, Long> kinds = new LinkedHashMap<>();
            for (final EventKind kind : EventKind.values()) {
                if (byKind[kind.ordinal()] > 0) {
                    kinds.put(kind.name(), byKind[kind.ordinal()]);
                }
            }
            if (withoutKind > 0) {
                kinds.put("(no kind)", withoutKind);
            }
            counts(out, "by kind", kinds);
            instrumentCounts(out, byInstrument, instruments);
            row(out, "discarded slots", Long.toString(byKind[EventKind.DISCARDED.ordinal()]));
            row(out, "receive gaps", gaps + " over " + TimeText.exactDuration(gapThresholdNs)
                + (backwards > 0 ? "; receive time went backwards " + backwards + " times" : ""));
            for (final Gap gap : largestGaps) {
                out.printf("%s%s%s before index 0x%s (%s .. %s)%n", INDENT, INDENT, TimeText.duration(gap.ns()),
                    Long.toHexString(gap.index()), TimeText.instant(gap.beforeNs()), TimeText.instant(gap.afterNs()));
            }
        }

        private void keepLargest(final Gap gap) {
            int at = largestGaps.size();
            while (at > 0 && largestGaps.get(at - 1).ns() < gap.ns()) {
                at--;
            }
            if (at < LARGEST_GAPS) {
                largestGaps.add(at, gap);
                if (largestGaps.size() > LARGEST_GAPS) {
                    largestGaps.remove(LARGEST_GAPS);
                }
            }
        }
    }

    /** Accumulates an outbound queue. */
    static final class Outbound {
        private final long[] byDecision = new long[RiskDecision.values().length];
        private final long[] byAction = new long[OrderAction.values().length];
        private final TreeMap<Integer, long[]> byInstrument = new TreeMap<>();
        private long firstCauseReceiveNs;
        private long lastCauseReceiveNs;

        void onCommand(final OrderCommand command) {
            if (command.decision != null) {
                byDecision[command.decision.ordinal()]++;
            }
            if (command.action != null) {
                byAction[command.action.ordinal()]++;
            }
            countInstrument(byInstrument, command.instrumentId);
            if (command.causeReceiveTimeNs != 0) {
                if (firstCauseReceiveNs == 0) {
                    firstCauseReceiveNs = command.causeReceiveTimeNs;
                }
                lastCauseReceiveNs = command.causeReceiveTimeNs;
            }
        }

        long count(final RiskDecision decision) {
            return byDecision[decision.ordinal()];
        }

        void print(final PrintWriter out, final JournalInstruments instruments) {
            timeRange(out, "cause receive", firstCauseReceiveNs, lastCauseReceiveNs, 0);
            final Map<String, Long> decisions = new LinkedHashMap<>();
            for (final RiskDecision decision : RiskDecision.values()) {
                if (byDecision[decision.ordinal()] > 0) {
                    decisions.put(decision.name(), byDecision[decision.ordinal()]);
                }
            }
            counts(out, "by decision", decisions);
            final Map<String, Long> actions = new LinkedHashMap<>();
            for (final OrderAction action : OrderAction.values()) {
                if (byAction[action.ordinal()] > 0) {
                    actions.put(action.name(), byAction[action.ordinal()]);
                }
            }
            counts(out, "by action", actions);
            instrumentCounts(out, byInstrument, instruments);
        }
    }
}
