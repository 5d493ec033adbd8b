package io.ringtrader.app;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.config.LoadedConfig;
import io.ringtrader.engine.config.RingTraderConfig;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.EngineExtension;
import io.ringtrader.gateway.binance.capture.CaptureFormat;
import io.ringtrader.gateway.binance.capture.CaptureImporter;
import io.ringtrader.gateway.binance.capture.ImportReport;
import io.ringtrader.recorder.JournalDamageException;
import io.ringtrader.recorder.JournalFormatException;
import io.ringtrader.recorder.JournalManifest;
import io.ringtrader.recorder.JournalNotFoundException;
import io.ringtrader.recorder.JournalReader;
import io.ringtrader.recorder.JournalSession;
import io.ringtrader.recorder.JournalStream;
import io.ringtrader.replay.ConfigMismatch;
import io.ringtrader.replay.ConfigMismatchException;
import io.ringtrader.replay.InstrumentCheck;
import io.ringtrader.replay.ReplayOptions;
import io.ringtrader.replay.ReplayResult;
import io.ringtrader.replay.ReplayRunner;
import io.ringtrader.replay.ReplaySpeed;
import io.ringtrader.replay.ReplayTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ringtrader replay}: runs a session's journal through the business stages again and prints
 * counts, throughput and the determinism digest; with {@code --verify}, fails on the first order command
 * that differs from the journaled ones. A damaged journal is refused (exit 1, naming the damaged message's index and
 * byte offset) unless {@code --skip-damaged}, which replays past the damage and lists what it skipped. A config that
 * declares the instruments differently from the journal's instrument table (schema 6) is refused (exit 2, naming each
 * instrument and difference) unless {@code --config-mismatch=allow}.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Replays a session journal through the same business stages as a live run and prints counts,",
        "events/s and 'digest: sha256:<hex>' over the order commands and fills. With --verify the",
        "order commands are compared with the journaled ones; any divergence exits 1."})
final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", required = true,
        description = "A session's journal directory (holding inbound/ and outbound/).")
    private Path journal;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The config the session ran with.")
    private Path configFile;

    @Option(names = "--from", paramLabel = "TIME", description = "Replay events received at or after TIME (ISO-8601 or epoch ms).")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Replay events received at or before TIME (ISO-8601 or epoch ms).")
    private String to;

    @Option(names = "--speed", paramLabel = "SPEED", defaultValue = "max",
        description = "max (default), or a multiple of the recorded pace: 1x, 10x, 0.5x.")
    private String speed;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write replay-report.txt and replay-report.html here.")
    private Path reportDir;

    @Option(names = "--verify", description = "Compare the produced order commands with the journaled ones.")
    private boolean verify;

    @Option(names = "--skip-damaged", description = {
        "Replay past damaged messages (a checksum that does not match, a file cut short, bytes that frame no message):",
        "they are skipped, never decoded, and listed. Without it a damaged journal is refused (exit 1)."})
    private boolean skipDamaged;

    @Option(names = "--config-mismatch", paramLabel = "POLICY", defaultValue = "refuse",
        description = {"refuse (default) or allow: what to do when the config declares an instrument differently from the",
            "journal's instrument table (schema 6: other scales, tick, lot or contract size, another id order, an",
            "instrument missing or extra). refuse exits 2 naming each; allow replays with the config's and says what",
            "they override."})
    private String configMismatch;

    @Option(names = "--from-raw", description = {
        "Decode the journal's raw/ frames again (this build's decoders and book sync) into a temporary journal and",
        "replay that instead of inbound/: market data only (timers and execution reports are not raw frames)."})
    private boolean fromRaw;

    @Override
    public Integer call() throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final ReplayOptions options;
        try {
            options = new ReplayOptions(journal,
                from == null ? Long.MIN_VALUE : ReplayTime.parseEpochNanos(from),
                to == null ? Long.MAX_VALUE : ReplayTime.parseEpochNanos(to),
                ReplaySpeed.parse(speed), verify, reportDir, skipDamaged, ConfigMismatch.parse(configMismatch));
        } catch (final IllegalArgumentException e) {
            err.println("ringtrader replay: " + e.getMessage());
            return RingTraderCli.EXIT_USAGE;
        }
        if (fromRaw && verify) {
            err.println("ringtrader replay: --from-raw and --verify exclude each other: a raw replay has no timers or "
                + "execution reports, so its order commands cannot match the session's");
            return RingTraderCli.EXIT_USAGE;
        }
        final LoadedConfig loaded = ConfigLoader.load(configFile);
        final RingTraderConfig config = loaded.config();
        final ReplayResult result;
        Path decoded = null;
        try {
            ReplayOptions run = options;
            final JournalSession header = session(fromRaw ? JournalStream.RAW : JournalStream.INBOUND);
            if (header != null) {
                out.println(describe(header, loaded.canonicalHash()));
            }
            if (fromRaw) {
                // The journal decoded again gets the config's instruments: check them against the raw queue's table first.
                try (JournalReader raw = JournalReader.open(journal, JournalStream.RAW)) {
                    final InstrumentCheck check = InstrumentCheck.of(raw, Engine.registry(config.instruments()));
                    if (!check.matches() && options.configMismatch() == ConfigMismatch.REFUSE) {
                        throw new ConfigMismatchException(check);
                    }
                    if (!check.matches()) {
                        out.println("instruments: " + check.describe(config.instruments().size()));
                    }
                }
                decoded = Files.createTempDirectory("ringtrader-raw-replay");
                final ImportReport report = new CaptureImporter(Engine.registry(config.instruments()))
                    .run(journal, CaptureFormat.JOURNAL_RAW, decoded, false);
                out.println("raw frames decoded again: " + report.frames() + " frames, " + report.snapshots()
                    + " snapshots, " + report.events() + " events, " + report.decodeErrors() + " decode errors");
                run = options.withJournal(decoded).withVerify(false);
            }
            result = ReplayRunner.run(config, run, EngineExtension.NONE);
        } catch (final JournalNotFoundException e) {
            err.println("ringtrader replay: " + e.getMessage());
            return RingTraderCli.EXIT_USAGE;
        } catch (final ConfigMismatchException e) {
            err.println("ringtrader replay: refused: " + configFile + ": " + e.getMessage());
            err.println("ringtrader replay: replay with the config the session ran with, or add --config-mismatch=allow to"
                + " replay with this config's instruments anyway (the journal's prices and quantities are then read at its"
                + " scales and ids)");
            return RingTraderCli.EXIT_USAGE;
        } catch (final JournalDamageException e) {
            err.println("ringtrader replay: " + e.getMessage());
            err.println("ringtrader replay: refused: the journal is damaged (journal verify --journal " + journal
                + " lists every damaged part; --skip-damaged replays past them)");
            return RingTraderCli.EXIT_FAILURE;
        } catch (final JournalFormatException e) {
            err.println("ringtrader replay: " + e.getMessage());
            return RingTraderCli.EXIT_FAILURE;
        } finally {
            if (decoded != null) {
                deleteTree(decoded);
            }
        }
        out.println("journal: " + journal + " (speed " + options.speed() + ")");
        out.print(result.describe());
        out.flush();
        return result.ok() ? RingTraderCli.EXIT_OK : RingTraderCli.EXIT_FAILURE;
    }

    /** The first session header of the journal's {@code stream} queue; null when it has none or there is no such queue. */
    private JournalSession session(final JournalStream stream) {
        try (JournalReader reader = JournalReader.open(journal, stream)) {
            return reader.firstSession();
        } catch (final JournalNotFoundException e) {
            return null;
        }
    }

    /** {@code session: tag ..., engine ..., schema 6; config sha256:... (the session's)}. */
    private static String describe(final JournalSession header, final String configHash) {
        final StringBuilder text = new StringBuilder("session: ");
        final JournalManifest manifest = header.manifest();
        if (manifest == null) {
            return text.append("schema ").append(header.schemaVersion()).append(", writer ").append(header.writer())
                .append(" (no session tag, engine version or config hash recorded)").toString();
        }
        text.append("tag ").append(manifest.sessionTag().isEmpty() ? "none" : manifest.sessionTag())
            .append(", engine ").append(manifest.engineVersion().isEmpty() ? "unknown" : manifest.engineVersion())
            .append(", schema ").append(header.schemaVersion()).append(", writer ").append(header.writer())
            .append(System.lineSeparator()).append("config: ").append(configHash);
        if (manifest.configHash().isEmpty()) {
            text.append(" (the journal recorded no config hash)");
        } else if (manifest.configHash().equals(configHash)) {
            text.append(" (the session's)");
        } else {
            text.append(" (the session ran with ").append(manifest.configHash()).append(": another config)");
        }
        return text.toString();
    }

    private static void deleteTree(final Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
