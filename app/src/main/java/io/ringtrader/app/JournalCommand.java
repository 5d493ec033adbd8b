package io.ringtrader.app;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.recorder.InboundEventCodec;
import io.ringtrader.recorder.InstrumentMismatch;
import io.ringtrader.recorder.JournalFormatException;
import io.ringtrader.recorder.JournalManifest;
import io.ringtrader.recorder.JournalNotFoundException;
import io.ringtrader.recorder.JournalReader;
import io.ringtrader.recorder.JournalSession;
import io.ringtrader.recorder.JournalStream;
import io.ringtrader.recorder.JournalSummary;
import io.ringtrader.recorder.JournalTail;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ringtrader journal ...}: reads a recorded journal (never writes to it) and shows what it holds.
 * Exit codes: 0 ok (an empty journal, or one whose killed writer left its last message unfinished, included),
 * 2 bad usage or no journal, 1 damage (a message whose checksum fails, a file cut short, bytes that frame no
 * message) or a message this build cannot decode (a newer schema version). Damage is reported with its index and
 * byte offset and never decoded as data.
 */
@Command(
    name = "journal",
    description = "Journal tools: statistics, a readable dump and an integrity check of a recorded session.",
    mixinStandardHelpOptions = true,
    subcommands = {JournalCommand.Stats.class, JournalCommand.Dump.class, JournalCommand.Verify.class})
final class JournalCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: stats, dump or verify");
    }

    /** The options both subcommands share: where the journal is and how to name what is in it. */
    static final class JournalOptions {
        @Option(names = "--journal", paramLabel = "DIR", required = true,
            description = "The journal directory (the one holding inbound/ and outbound/).")
        Path journal;

        @Option(names = "--config", paramLabel = "FILE",
            description = "Only for a journal without an instrument table (schema 5 or earlier): the config it was "
                + "recorded with, whose instruments: list (ids in file order) turns instrument ids into symbols and "
                + "mantissas into decimals. A schema 6 journal names its instruments itself; a --config that declares "
                + "them differently is reported and the journal's are used. Without either, ids and mantissas are raw.")
        Path config;

        /**
         * The journal's instrument table, else the config's instruments, else none; a config that differs from the
         * journal's table gets one line on {@code err} naming every difference.
         */
        JournalInstruments instruments(final PrintWriter err) {
            final JournalManifest manifest = manifestOf(journal);
            final InstrumentRegistry configured = config == null ? null
                : Engine.registry(ConfigLoader.load(config).config().instruments());
            if (manifest != null) {
                try {
                    final InstrumentRegistry table = manifest.registry();
                    final List<InstrumentMismatch> mismatches = configured == null ? List.of()
                        : InstrumentMismatch.between(manifest.instruments(), configured);
                    if (!mismatches.isEmpty()) {
                        err.println("journal: " + config + " declares the instruments differently from the journal's"
                            + " instrument table, which is used: " + mismatches.stream().map(InstrumentMismatch::describe)
                            .collect(Collectors.joining("; ")));
                    }
                    return JournalInstruments.ofJournal(table);
                } catch (final IllegalArgumentException e) {
                    err.println("journal: the journal's instrument table cannot be used (" + e.getMessage() + ")"
                        + (configured != null ? "; the config's instruments are used" : ""));
                }
            }
            return configured == null ? JournalInstruments.raw() : JournalInstruments.of(configured);
        }

        /** The manifest of the first queue (inbound, outbound, raw) whose first session header has one; null for none. */
        private static JournalManifest manifestOf(final Path journal) {
            for (final JournalStream stream : JournalStream.values()) {
                try (JournalReader reader = JournalReader.open(journal, stream)) {
                    final JournalSession header = reader.firstSession();
                    if (header != null && header.hasManifest()) {
                        return header.manifest();
                    }
                } catch (final JournalNotFoundException e) {
                    continue;
                }
            }
            return null;
        }
    }

    /** Prints what each queue of a journal holds. */
    @Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Prints what each queue of a journal holds.",
            "",
            "Per queue: messages, index and sequence range, whether the tail is clean, schema versions and writers. "
                + "Inbound: first/last exchange and receive time, messages per kind and per instrument, discarded "
                + "slots, receive-time gaps over --gap (the largest listed). Outbound: commands per risk decision, "
                + "action and instrument.",
            ""})
    static final class Stats implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        private JournalOptions options;

        @Option(names = "--gap", paramLabel = "DURATION", converter = SessionRunner.DurationConverter.class,
            defaultValue = "1s", description = "Report receive-time gaps longer than this (default: ${DEFAULT-VALUE}).")
        private Duration gap;

        @Option(names = "--stream", paramLabel = "STREAM", converter = StreamConverter.class,
            description = "inbound or outbound (default: both, whichever exist).")
        private JournalStream stream;

        @Override
        public Integer call() {
            final PrintWriter out = spec.commandLine().getOut();
            final PrintWriter err = spec.commandLine().getErr();
            final JournalInstruments instruments = options.instruments(err);
            out.println(instruments.hasConfig() ? "instruments: from " + instruments.source()
                : "instruments: shown by id (no instrument table in the journal, no --config)");
            final List<JournalStream> streams = stream != null
                ? List.of(stream)
                : List.of(JournalStream.INBOUND, JournalStream.OUTBOUND);
            JournalNotFoundException missing = null;
            int found = 0;
            long damaged = 0;
            for (final JournalStream s : streams) {
                final JournalReader reader;
                try {
                    reader = JournalReader.open(options.journal, s, JournalReader.DamagePolicy.SKIP);
                } catch (final JournalNotFoundException e) {
                    if (missing == null) {
                        missing = e;
                    }
                    if (stream == null) {
                        out.println(s.directoryName() + " journal: none (" + e.getMessage() + ")");
                    }
                    continue;
                }
                found++;
                try (reader) {
                    damaged += stats(reader, instruments, out);
                } catch (final JournalFormatException e) {
                    out.flush();
                    err.println("ringtrader: " + e.getMessage());
                    return RingTraderCli.EXIT_FAILURE;
                }
            }
            out.flush();
            if (found == 0) {
                err.println("ringtrader: " + missing.getMessage());
                return RingTraderCli.EXIT_USAGE;
            }
            if (damaged > 0) {
                err.println("ringtrader: journal " + options.journal + " is damaged: " + damaged + " damaged or unreadable"
                    + " part(s), not counted above (journal verify --journal " + options.journal + " lists them all)");
                return RingTraderCli.EXIT_FAILURE;
            }
            return RingTraderCli.EXIT_OK;
        }

        /** Prints one queue's statistics over its readable messages; returns its damaged parts. */
        private long stats(final JournalReader reader, final JournalInstruments instruments, final PrintWriter out) {
            final JournalSummary summary = reader.summarize();
            JournalStats.printSummary(out, summary);
            if (reader.stream() == JournalStream.INBOUND) {
                final JournalStats.Inbound stats = new JournalStats.Inbound(gap.toNanos());
                final InboundEvent event = new InboundEvent(InboundEventCodec.MAX_LEVELS);
                while (reader.next(event)) {
                    stats.onEvent(reader.index(), event);
                }
                stats.print(out, instruments);
            } else {
                final JournalStats.Outbound stats = new JournalStats.Outbound();
                final OrderCommand command = new OrderCommand();
                while (reader.next(command)) {
                    stats.onCommand(command);
                }
                stats.print(out, instruments);
            }
            return summary.damagedCount();
        }
    }

    /** Prints one line per message. */
    @Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        description = {
            "Prints one line per message, every field included.",
            "",
            "Text (name=value) or JSON Lines; prices and quantities as decimal strings (raw mantissas without "
                + "--config), times as ISO-8601 instants with nanoseconds. With --with-book the engine's book stage "
                + "runs over every event (also those the filters leave out) and book-related lines also show the "
                + "outcome, the book state and the best bid and ask after it; BBO lines say whether the book agrees.",
            ""})
    static final class Dump implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        private JournalOptions options;

        @Option(names = "--stream", paramLabel = "STREAM", converter = StreamConverter.class, defaultValue = "inbound",
            description = "inbound (events) or outbound (order commands); default: ${DEFAULT-VALUE}.")
        private JournalStream stream;

        @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class, defaultValue = "text",
            description = "text or jsonl; default: ${DEFAULT-VALUE}.")
        private DumpFormat format;

        @Option(names = "--kinds", paramLabel = "KIND", split = ",", converter = KindConverter.class,
            description = "Only these event kinds, comma-separated, case-insensitive: ${COMPLETION-CANDIDATES}.")
        private List<EventKind> kinds;

        @Option(names = "--instrument", paramLabel = "NAME",
            description = "Only this instrument: venue:SYMBOL, or SYMBOL where only one venue has it "
                + "(needs the journal's instrument table or --config).")
        private String instrument;

        @Option(names = "--with-book",
            description = "Run the book stage while dumping (needs the journal's instrument table or --config).")
        private boolean withBook;

        @Override
        public Integer call() {
            final CommandLine commandLine = spec.commandLine();
            if (stream == JournalStream.OUTBOUND && (kinds != null || withBook)) {
                throw new CommandLine.ParameterException(commandLine,
                    "--kinds and --with-book apply to the inbound stream only");
            }
            final JournalInstruments instruments = options.instruments(commandLine.getErr());
            final JournalDump dump;
            try {
                dump = new JournalDump(instruments, format, kinds == null ? null : EnumSet.copyOf(kinds),
                    instrument == null ? null : instruments.idsMatching(instrument), withBook);
            } catch (final IllegalArgumentException e) {
                throw new CommandLine.ParameterException(commandLine, e.getMessage());
            }
            final PrintWriter out = commandLine.getOut();
            final PrintWriter err = commandLine.getErr();
            try (JournalReader reader = JournalReader.open(options.journal, stream, JournalReader.DamagePolicy.SKIP)) {
                if (!instruments.hasConfig()) {
                    err.println("journal dump: no --config: instrument ids and raw mantissas, not symbols and decimals (the"
                        + " journal has no instrument table: schema 5 or earlier, or written without one)");
                }
                if (stream == JournalStream.INBOUND) {
                    dump.dumpInbound(reader, out, err);
                } else {
                    dump.dumpOutbound(reader, out, err);
                }
                if (reader.tail() == JournalTail.INCOMPLETE_MESSAGE) {
                    err.println("journal dump: " + reader.directory() + " ends with an incomplete message (its writer was"
                        + " killed while appending it, or is appending it now); all " + dump.messagesRead()
                        + " complete messages were read");
                }
                if (dump.bookErrors().totalCount() > 0) {
                    err.println("journal dump: the book stage counted " + dump.bookErrors().totalCount() + " problems: "
                        + dump.bookErrors().distinctErrors());
                }
                if (reader.skippedCount() > 0) {
                    err.println("ringtrader: journal " + reader.directory() + " is damaged: " + reader.skippedCount()
                        + " damaged or unreadable part(s) skipped, not dumped");
                    return RingTraderCli.EXIT_FAILURE;
                }
                return RingTraderCli.EXIT_OK;
            } catch (final JournalNotFoundException e) {
                err.println("ringtrader: " + e.getMessage());
                return RingTraderCli.EXIT_USAGE;
            } catch (final JournalFormatException e) {
                out.flush();
                err.println("ringtrader: " + e.getMessage());
                return RingTraderCli.EXIT_FAILURE;
            }
        }
    }

    /** Checks every message of every queue and lists every damaged part. */
    @Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Checks every message of every queue of a journal (inbound, outbound and raw, whichever exist): framing, "
                + "type, schema version, checksum and layout.",
            "",
            "Lists every damaged part with its index and byte offset, says where the readable data ends and how each "
                + "queue ends (a message a killed writer left unfinished is not damage). Exit 0 when nothing is damaged, "
                + "1 when something is, 2 when there is no journal.",
            ""})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--journal", paramLabel = "DIR", required = true,
            description = "The journal directory (the one holding inbound/ and outbound/).")
        private Path journal;

        @Override
        public Integer call() {
            final PrintWriter out = spec.commandLine().getOut();
            final PrintWriter err = spec.commandLine().getErr();
            final List<JournalSummary> summaries = new ArrayList<>();
            for (final JournalStream s : JournalStream.values()) {
                try (JournalReader reader = JournalReader.open(journal, s)) {
                    final JournalSummary summary = reader.summarize();
                    summaries.add(summary);
                    JournalStats.printVerification(out, summary);
                } catch (final JournalNotFoundException e) {
                    continue;
                }
            }
            if (summaries.isEmpty()) {
                out.flush();
                err.println("ringtrader: no journal at " + journal + " (no inbound/, outbound/ or raw/ queue)");
                return RingTraderCli.EXIT_USAGE;
            }
            final String verdict = summaries.stream()
                .map(summary -> summary.stream().directoryName() + (summary.damaged()
                    ? " DAMAGED (" + summary.damagedCount() + " damaged part" + (summary.damagedCount() == 1 ? ")" : "s)")
                    : " OK"))
                .collect(Collectors.joining(", "));
            out.println("verify: " + verdict);
            out.flush();
            return summaries.stream().anyMatch(JournalSummary::damaged) ? RingTraderCli.EXIT_FAILURE : RingTraderCli.EXIT_OK;
        }
    }

    /** {@code --kinds}: EventKind names, case-insensitive. */
    static final class KindConverter implements CommandLine.ITypeConverter<EventKind> {
        @Override
        public EventKind convert(final String value) {
            final String name = value.trim().toUpperCase(Locale.ROOT);
            for (final EventKind kind : EventKind.values()) {
                if (kind.name().equals(name)) {
                    return kind;
                }
            }
            throw new CommandLine.TypeConversionException("unknown event kind '" + value + "'; valid kinds: "
                + Arrays.stream(EventKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    /** {@code --stream}: inbound or outbound. */
    static final class StreamConverter implements CommandLine.ITypeConverter<JournalStream> {
        @Override
        public JournalStream convert(final String value) {
            for (final JournalStream stream : List.of(JournalStream.INBOUND, JournalStream.OUTBOUND)) {
                if (stream.directoryName().equalsIgnoreCase(value.trim())) {
                    return stream;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "': expected inbound or outbound");
        }
    }

    /** {@code --format}: text or jsonl. */
    static final class FormatConverter implements CommandLine.ITypeConverter<DumpFormat> {
        @Override
        public DumpFormat convert(final String value) {
            for (final DumpFormat format : DumpFormat.values()) {
                if (format.name().equalsIgnoreCase(value.trim())) {
                    return format;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "': expected text or jsonl");
        }
    }
}
