package io.ringtrader.sim.binance;

import io.ringtrader.sim.SimSymbol;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry for manual use: {@code BinanceSimMain [--port N] [--symbol NAME:TICK:STEP:PD:QD]...
 * [--api-key KEY:SECRET]... [--capture FILE] [--speed X]}. Runs until killed.
 */
public final class BinanceSimMain {
    private BinanceSimMain() {
    }

    /** Starts a sim with the given options; prints its URLs on standard output. */
    public static void main(final String[] args) throws Exception {
        final PrintStream out = System.out;
        int port = 0;
        Path capture = null;
        double speed = 1.0;
        final BinanceSimConfig.Builder config = BinanceSimConfig.builder();
        boolean anySymbol = false;
        for (int i = 0; i < args.length; i++) {
            final String a = args[i];
            switch (a) {
                case "--port":
                    port = Integer.parseInt(value(args, ++i, a));
                    break;
                case "--capture":
                    capture = Path.of(value(args, ++i, a));
                    break;
                case "--speed":
                    speed = Double.parseDouble(value(args, ++i, a));
                    break;
                case "--symbol": {
                    final String[] f = value(args, ++i, a).split(":");
                    if (f.length != 5) {
                        throw new IllegalArgumentException("--symbol wants NAME:TICK:STEP:PRICE_DECIMALS:QTY_DECIMALS, "
                            + "got " + args[i]);
                    }
                    config.symbol(new SimSymbol(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4])));
                    anySymbol = true;
                    break;
                }
                case "--api-key": {
                    final String[] f = value(args, ++i, a).split(":", 2);
                    if (f.length != 2) {
                        throw new IllegalArgumentException("--api-key wants KEY:SECRET");
                    }
                    config.apiKey(f[0], f[1]);
                    break;
                }
                case "--help":
                case "-h":
                    out.println("usage: BinanceSimMain [--port N] [--symbol NAME:TICK:STEP:PD:QD]... "
                        + "[--api-key KEY:SECRET]... [--capture FILE] [--speed X (0 = as fast as possible)]");
                    return;
                default:
                    throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
        }
        if (!anySymbol) {
            config.symbol(SimSymbol.btcusdt()).symbol(SimSymbol.ethusdt());
        }
        final BinanceSim sim = new BinanceSim(config.build()).start(port);
        final CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }, "binance-sim-shutdown"));
        out.println("REST " + sim.restBaseUrl());
        out.println("WS   " + sim.wsBaseUrl() + "/public/stream?streams=btcusdt@depth@100ms");
        if (capture != null) {
            final CapturePlayer player = new CapturePlayer(sim, capture, speed).start();
            player.await(Duration.ofDays(365));
            out.println("capture played: " + player.framesPlayed() + " frames");
        }
        stop.await();
    }

    private static String value(final String[] args, final int i, final String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
