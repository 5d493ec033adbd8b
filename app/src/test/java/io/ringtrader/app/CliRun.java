package io.ringtrader.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process for tests: {@code [exit code, stdout, stderr]}. */
final class CliRun {
    private CliRun() {
    }

    static String[] cli(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = RingTraderCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
