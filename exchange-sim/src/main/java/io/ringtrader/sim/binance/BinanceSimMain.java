package io.ringtrader.sim.binance;

import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.binance.gen.SyntheticMarket;
import io.ringtrader.sim.binance.gen.SyntheticMarketConfig;
import io.ringtrader.sim.binance.gen.SyntheticMarketConfig.TimeMode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry for manual use: {@code BinanceSimMain [--port N] [--symbol NAME:TICK:STEP:PD:QD]...
 * [--api-key KEY:SECRET]... [--balance USDT] [--leverage N] [--per-diff-depth] [--capture FILE] [--speed X]
 * [--synthetic [--rate N] [--seed N]]}. Runs until killed.
 * {@code --synthetic} drives BTCUSDT and ETHUSDT with a {@link SyntheticMarket} at {@code --rate} events/s (wall-clock
 * time fields).
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
        boolean synthetic = false;
        double rate = 1_000;
        long seed = 1;
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
                case "--synthetic":
                    synthetic = true;
                    break;
                case "--balance":
                    config.startingBalance(value(args, ++i, a));
                    break;
                case "--leverage":
                    config.leverage(Integer.parseInt(value(args, ++i, a)));
                    break;
                case "--per-diff-depth":
                    config.aggregateDepth(false);
                    break;
                case "--rate":
                    rate = Double.parseDouble(value(args, ++i, a));
                    break;
                case "--seed":
                    seed = Long.parseLong(value(args, ++i, a));
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
                        + "[--api-key KEY:SECRET]... [--balance USDT] [--leverage N] [--per-diff-depth] "
                        + "[--capture FILE] [--speed X (0 = as fast as possible)] "
                        + "[--synthetic [--rate EVENTS_PER_S] [--seed N]]");
                    return;
                default:
                    throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
        }
        if (synthetic && (anySymbol || capture != null)) {
            throw new IllegalArgumentException("--synthetic generates BTCUSDT and ETHUSDT itself; it cannot be "
                + "combined with --symbol or --capture");
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
        if (synthetic) {
            final SyntheticMarket generator = new SyntheticMarket(sim, SyntheticMarketConfig.builder().seed(seed)
                .eventRate(rate).timeMode(TimeMode.WALL).build()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(generator::close, "synthetic-market-shutdown"));
            out.println("synthetic market: " + rate + " events/s, seed " + seed);
        }
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
