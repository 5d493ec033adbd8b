package io.ringtrader.engine.gateway;

import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.instrument.Venue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads raw captures of one venue's traffic through its gateway's decoders and book sync into a new journal
 * ({@code import capture --venue NAME --format FORMAT}). Call from one thread; each {@link #run} is independent.
 */
public interface VenueCaptureImporter {
    /** The {@code --venue} name, e.g. {@code binance-usdm}. */
    String name();

    /** The venue whose traffic it reads: the config must have instruments of it. */
    Venue venue();

    /** The {@code --format} names it reads, e.g. {@code hftbacktest}. */
    List<String> formats();

    /**
     * Checks {@code input} for {@code format} before anything is created.
     *
     * @return null when the input can be read, else what is wrong with it (for a usage error).
     */
    String inputProblem(String format, Path input);

    /**
     * Imports {@code input} into a new journal at {@code journal}.
     *
     * @param instruments the config's instruments; the capture's symbols of this venue must be among them.
     * @param recordRaw   also journal every frame and snapshot as read into the new journal's {@code raw/}.
     */
    Result run(InstrumentRegistry instruments, String format, Path input, Path journal, boolean recordRaw) throws IOException;

    /** What an import did. Immutable. */
    interface Result {
        /** The counts, several lines, each ending with a newline. */
        String describe();

        /** True when the import's pipeline ran and stopped cleanly (decode problems are counts, not failures). */
        boolean clean();
    }
}
