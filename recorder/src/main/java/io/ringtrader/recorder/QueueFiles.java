package io.ringtrader.recorder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.RollingResourcesCache;

/**
 * The cycle files of one queue directory, oldest first, each with its Chronicle cycle number, and the roll
 * cycle their names were written with. Chronicle names a cycle file by the start of its cycle in a
 * fixed-width pattern of the roll cycle ({@code 20261208F.cq4} for daily files), so the names tell both the
 * roll cycle and the cycle; nothing is read from the queue's own metadata file, which may be damaged too.
 *
 * <p>A snapshot of the directory listing, immutable; safe from any thread.
 */
final class QueueFiles {
    static final String CYCLE_FILE_SUFFIX = ".cq4";
    static final String METADATA_FILE = "metadata.cq4t";

    private final Path directory;
    private final JournalRollCycle rollCycle;
    private final List<Path> files;
    private final int[] cycles;

    private QueueFiles(final Path directory, final JournalRollCycle rollCycle, final List<Path> files, final int[] cycles) {
        this.directory = directory;
        this.rollCycle = rollCycle;
        this.files = files;
        this.cycles = cycles;
    }

    /**
     * Lists the cycle files of the queue in {@code directory}.
     *
     * @throws JournalFormatException if a cycle file's name fits no roll cycle, or the names fit different ones.
     */
    static QueueFiles list(final Path directory) {
        final List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(CYCLE_FILE_SUFFIX)).forEach(names::add);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list journal directory " + directory, e);
        }
        if (names.isEmpty()) {
            return new QueueFiles(directory, null, List.of(), new int[0]);
        }
        Collections.sort(names);
        final JournalRollCycle rollCycle = rollCycleOf(directory, names.get(0));
        final RollCycle chronicle = rollCycle.chronicleCycle();
        final RollingResourcesCache names2cycles = new RollingResourcesCache(chronicle, 0,
            name -> directory.resolve(name + CYCLE_FILE_SUFFIX).toFile(), QueueFiles::stem);
        final List<Path> files = new ArrayList<>(names.size());
        final int[] cycles = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            final String stem = stem(names.get(i));
            if (!fits(rollCycle, stem)) {
                throw new JournalFormatException("journal " + directory + " holds cycle files of different roll cycles: "
                    + names.get(0) + " (" + rollCycle.configName() + ") and " + names.get(i));
            }
            files.add(directory.resolve(names.get(i)));
            cycles[i] = names2cycles.parseCount(stem);
        }
        return new QueueFiles(directory, rollCycle, List.copyOf(files), cycles);
    }

    Path directory() {
        return directory;
    }

    int count() {
        return files.size();
    }

    Path file(final int i) {
        return files.get(i);
    }

    int cycle(final int i) {
        return cycles[i];
    }

    /** The position of the file of {@code cycle}, or -1. */
    int fileOfCycle(final int cycle) {
        for (int i = 0; i < cycles.length; i++) {
            if (cycles[i] == cycle) {
                return i;
            }
        }
        return -1;
    }

    /** The roll cycle of the files; null when there are none. */
    JournalRollCycle rollCycle() {
        return rollCycle;
    }

    /** The Chronicle index of the message numbered {@code sequenceInCycle} in the file at {@code i}. */
    long index(final int i, final long sequenceInCycle) {
        return rollCycle.chronicleCycle().toIndex(cycles[i], sequenceInCycle);
    }

    private static JournalRollCycle rollCycleOf(final Path directory, final String name) {
        final String stem = stem(name);
        for (final JournalRollCycle cycle : JournalRollCycle.values()) {
            if (fits(cycle, stem)) {
                return cycle;
            }
        }
        throw new JournalFormatException("journal " + directory + ": the cycle file " + name
            + " is not named after any roll cycle (renamed, or not written by Chronicle Queue)");
    }

    private static boolean fits(final JournalRollCycle cycle, final String stem) {
        try {
            DateTimeFormatter.ofPattern(cycle.chronicleCycle().format()).parse(stem);
            return true;
        } catch (final DateTimeParseException e) {
            return false;
        }
    }

    private static String stem(final String fileName) {
        return fileName.substring(0, fileName.length() - CYCLE_FILE_SUFFIX.length());
    }

    private static String stem(final File file) {
        return stem(file.getName());
    }
}
