package io.ringtrader.app;

import io.ringtrader.engine.config.ConfigLoader;
import io.ringtrader.engine.gateway.GatewayProviders;
import io.ringtrader.engine.gateway.VenueCaptureImporter;
import io.ringtrader.engine.instrument.InstrumentRegistry;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.recorder.JournalStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ringtrader import ...}: turns external recordings into journals. */
@Command(
    name = "import",
    description = "Imports external recordings into journals.",
    mixinStandardHelpOptions = true,
    subcommands = {ImportCommand.Capture.class})
final class ImportCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: capture");
    }

    /**
     * Runs a raw exchange capture through the gateway's decoders and book sync into a journal: the importer is found
     * among the installed gateways' ({@link GatewayProviders#captureImporters()}) by its {@code --venue} name.
     */
    @Command(
        name = "capture",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a raw capture through the venue's live decoders and book sync into a new journal (its inbound/",
            "queue), using the REST snapshots inside the capture, and prints the counts: frames, events, decode",
            "errors, applied and stale diffs, resyncs and the bookTicker top-of-book cross-check per symbol.",
            "The capture's symbols must be among the config's instruments."})
    static final class Capture implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--venue", paramLabel = "VENUE", required = true,
            description = "Venue of the capture, as its gateway names its importer: binance-usdm.")
        private String venue;

        @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "Capture format: hftbacktest, cryptofeed, or journal-raw (the raw/ frames of a RingTrader journal "
                + "directory, decoded again).")
        private String format;

        @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "The capture file (.gz accepted); for journal-raw, the journal directory holding raw/.")
        private Path input;

        @Option(names = "--raw", description = "Also journal every frame and snapshot as read into the new journal's raw/.")
        private boolean recordRaw;

        @Option(names = "--journal", paramLabel = "DIR", required = true,
            description = "Journal directory to create (must not hold an inbound journal yet).")
        private Path journal;

        @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "YAML config whose instruments cover the capture's symbols (e.g. config/capture-btcusdt.yaml).")
        private Path configFile;

        @Override
        public Integer call() throws Exception {
            final GatewayProviders gateways = GatewayProviders.installed();
            final VenueCaptureImporter importer = gateways.captureImporter(venue);
            if (importer == null) {
                final List<String> known = gateways.captureImporters().stream().map(VenueCaptureImporter::name).toList();
                throw usage("--venue: unknown venue '" + venue + "', expected " + (known.isEmpty()
                    ? "one an installed gateway imports (none is installed)" : String.join(" or ", known)));
            }
            if (!importer.formats().contains(format)) {
                throw usage("--format: unknown capture format '" + format + "' for " + importer.name() + ", expected "
                    + String.join(", ", importer.formats()));
            }
            final String inputProblem = importer.inputProblem(format, input);
            if (inputProblem != null) {
                throw usage("--input: " + inputProblem);
            }
            if (Files.exists(journal.resolve(JournalStream.INBOUND.directoryName()))) {
                throw usage("--journal: " + journal + " already holds a journal; choose a new directory");
            }
            final InstrumentRegistry instruments = Engine.registry(ConfigLoader.load(configFile).config().instruments());
            if (instruments.instruments().stream().noneMatch(i -> i.venue() == importer.venue())) {
                throw usage("--config: " + configFile + " has no " + importer.venue().configName() + " instrument");
            }

            final PrintWriter out = spec.commandLine().getOut();
            out.println("import: " + input + " (" + format + ", " + importer.name() + ") into " + journal);
            out.print("instruments:");
            for (int id = 0; id < instruments.count(); id++) {
                out.print(" " + instruments.displayName(id));
            }
            out.println();
            out.flush();
            final VenueCaptureImporter.Result report = importer.run(instruments, format, input, journal, recordRaw);
            out.print(report.describe());
            out.println("journal: " + journal);
            out.flush();
            return report.clean() ? RingTraderCli.EXIT_OK : RingTraderCli.EXIT_FAILURE;
        }

        private CommandLine.ParameterException usage(final String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
