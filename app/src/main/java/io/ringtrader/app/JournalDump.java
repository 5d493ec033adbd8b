package io.ringtrader.app;

import io.ringtrader.engine.book.BookHandler;
import io.ringtrader.engine.book.OrderBooks;
import io.ringtrader.engine.errors.DistinctErrorHandler;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.recorder.InboundEventCodec;
import io.ringtrader.recorder.JournalDamage;
import io.ringtrader.recorder.JournalReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * {@code journal dump} without the command line: reads a queue from its start, writes one line per message
 * that passes the filters, and optionally runs the engine's own {@link BookHandler} over <em>every</em> inbound
 * event (filtered out or not, so the book is the one the live book stage had) and appends its outcome and view
 * to the book-related lines. Runs on the caller's thread.
 */
final class JournalDump {
    /** Damaged parts named on stderr, one line each, before the rest are only counted. */
    static final int MAX_DAMAGE_LINES = 100;

    private final JournalInstruments instruments;
    private final EventFormatter formatter;
    private final EventLine line;
    private final Set<EventKind> kinds;
    private final int[] instrumentIds;
    private final BookHandler book;
    private final DistinctErrorHandler bookErrors = new DistinctErrorHandler();
    private long messagesRead;
    private int damageReported;

    /**
     * @param kinds         the kinds to write, null for all.
     * @param instrumentIds the instruments to write, null for all.
     * @param withBook      run the book stage; needs a config (the books are sized from its instruments).
     */
    JournalDump(final JournalInstruments instruments, final DumpFormat format, final Set<EventKind> kinds,
        final int[] instrumentIds, final boolean withBook) {
        if (withBook && !instruments.hasConfig()) {
            throw new IllegalArgumentException("--with-book needs --config (the books are built per configured instrument)");
        }
        this.instruments = instruments;
        this.formatter = new EventFormatter(instruments);
        this.line = EventLine.of(format);
        this.kinds = kinds;
        this.instrumentIds = instrumentIds;
        this.book = withBook
            ? new BookHandler(new OrderBooks(instruments.registry().count(), Engine.BOOK_INITIAL_LEVELS, Engine.BOOK_MAX_LEVELS),
                bookErrors)
            : null;
    }

    /**
     * Dumps the inbound events from the reader's position to the last complete one; each damaged part the reader
     * skips is written to {@code err} where it was met.
     *
     * @return the number of lines written.
     */
    long dumpInbound(final JournalReader reader, final PrintWriter out, final PrintWriter err) {
        final InboundEvent event = new InboundEvent(InboundEventCodec.MAX_LEVELS);
        long written = 0;
        while (next(reader, event, out, err)) {
            long rejectedLevels = 0;
            if (book != null) {
                final long rejectedBefore = book.rejectedLevels();
                book.onEvent(event, reader.sequence(), true);
                rejectedLevels = book.rejectedLevels() - rejectedBefore;
                formatter.observeBookUpdate(event);
            }
            if (!selectedKind(event.kind) || !selectedInstrument(event.instrumentId)) {
                continue;
            }
            line.begin();
            formatter.event(line, reader.index(), reader.sequence(), event);
            if (book != null && EventFormatter.isBookRelated(event)) {
                formatter.book(line, event, BookSyncOutcome.of(event, rejectedLevels), rejectedLevels);
            }
            out.append(line.end()).append('\n');
            written++;
        }
        out.flush();
        return written;
    }

    /**
     * Dumps the order commands from the reader's position to the last complete one; damage as for
     * {@link #dumpInbound}.
     *
     * @return the number of lines written.
     */
    long dumpOutbound(final JournalReader reader, final PrintWriter out, final PrintWriter err) {
        final OrderCommand command = new OrderCommand();
        long written = 0;
        while (next(reader, command, out, err)) {
            if (!selectedInstrument(command.instrumentId)) {
                continue;
            }
            line.begin();
            formatter.command(line, reader.index(), reader.sequence(), command);
            out.append(line.end()).append('\n');
            written++;
        }
        out.flush();
        return written;
    }

    /** Messages read (and decoded) so far, whether or not the filters let them through. */
    long messagesRead() {
        return messagesRead;
    }

    /** Problems the book stage counted (refused levels, unknown instrument ids). */
    DistinctErrorHandler bookErrors() {
        return bookErrors;
    }

    JournalInstruments instruments() {
        return instruments;
    }

    private boolean next(final JournalReader reader, final InboundEvent event, final PrintWriter out, final PrintWriter err) {
        final boolean read = reader.next(event);
        afterRead(reader, read, out, err);
        return read;
    }

    private boolean next(final JournalReader reader, final OrderCommand command, final PrintWriter out, final PrintWriter err) {
        final boolean read = reader.next(command);
        afterRead(reader, read, out, err);
        return read;
    }

    /** Counts the message read and reports, in place, the damage the reader skipped on the way to it. */
    private void afterRead(final JournalReader reader, final boolean read, final PrintWriter out, final PrintWriter err) {
        if (read) {
            messagesRead++;
        }
        final List<JournalDamage> skipped = reader.skipped();
        if (damageReported < skipped.size() && damageReported < MAX_DAMAGE_LINES) {
            out.flush();
            while (damageReported < skipped.size() && damageReported < MAX_DAMAGE_LINES) {
                err.println("journal dump: skipped, not decoded: " + skipped.get(damageReported++).describe());
            }
            if (damageReported == MAX_DAMAGE_LINES) {
                err.println("journal dump: further damaged parts are skipped without a line each (journal verify lists"
                    + " them all)");
            }
            err.flush();
        }
    }

    private boolean selectedKind(final EventKind kind) {
        return kinds == null || kind != null && kinds.contains(kind);
    }

    private boolean selectedInstrument(final int instrumentId) {
        if (instrumentIds == null) {
            return true;
        }
        for (final int id : instrumentIds) {
            if (id == instrumentId) {
                return true;
            }
        }
        return false;
    }
}
