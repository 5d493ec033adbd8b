package io.ringtrader.gateway.binance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.runtime.Engine;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real captures in the shared data folder (never copied into the repository) and their sample configs. */
public final class CaptureData {
    public static final String HFTBACKTEST = "binance_usdm_btcusdt_hftbacktest_2024-08-09_first2000.txt";
    public static final String CRYPTOFEED = "binance_usdm_cryptofeed_2021-07-22.jsonl";

    private CaptureData() {
    }

    /** The capture file; skips the calling test when the shared data folder or the file is absent. */
    public static Path capture(final String name) {
        final String folder = System.getProperty("ringtrader.shared.data");
        assumeTrue(folder != null, "system property ringtrader.shared.data not set: skipping the capture test");
        final Path file = Path.of(folder).resolve(name);
        assumeTrue(Files.isRegularFile(file), "capture " + file + " not found: the shared data folder is absent");
        return file;
    }

    /** The instruments of a sample config in the repository's {@code config/} folder. */
    public static InstrumentRegistry instruments(final String configName) {
        final Path file = Path.of("..", "config", configName);
        return Engine.registry(ConfigLoader.load(file).config().instruments());
    }
}
