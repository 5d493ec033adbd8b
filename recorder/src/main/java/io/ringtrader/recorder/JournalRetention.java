package io.ringtrader.recorder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a queue's oldest cycle files. Chronicle names cycle files by their start time in a fixed-width
 * pattern of the queue's roll cycle, so their names sort in time order. Runs when a writer opens its queue
 * and when it rolls: not per event.
 */
final class JournalRetention {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);
    private static final String CYCLE_FILE_SUFFIX = ".cq4";

    private JournalRetention() {
    }

    /**
     * Keeps the newest {@code keep} cycle files of the queue in {@code directory} and deletes the others,
     * never the file being written.
     *
     * @return files deleted.
     */
    static int deleteOldCycles(final Path directory, final int keep, final File current) {
        final List<Path> cycles;
        try (Stream<Path> files = Files.list(directory)) {
            cycles = files.filter(f -> f.getFileName().toString().endsWith(CYCLE_FILE_SUFFIX))
                .sorted()
                .collect(Collectors.toList());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list journal directory " + directory, e);
        }
        final Path writing = current == null ? null : current.toPath().toAbsolutePath();
        int deleted = 0;
        for (int i = 0; i < cycles.size() - keep; i++) {
            final Path file = cycles.get(i);
            if (file.toAbsolutePath().equals(writing)) {
                continue;
            }
            try {
                Files.deleteIfExists(file);
                deleted++;
                LOG.info("journal retention: deleted {}", file.getFileName());
            } catch (final IOException e) {
                LOG.warn("journal retention: cannot delete {}", file, e);
            }
        }
        return deleted;
    }
}
