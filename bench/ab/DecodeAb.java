import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * Same-JVM A/B of the Binance depth decoder: two builds side by side, each loaded twice, in a class loader of its own
 * each time (its benchmarks.jar and the AbRunner compiled against it), in the order before, after, after, before, so
 * that neither build gains from being loaded (and compiled) first. Every round times all four once, in the order
 * ABBA or BAAB by turns, so both builds see the same machine, load and JIT conditions; a round's ratio is the after
 * build's time over the before build's. Prints ns per frame per round, the medians and the ratios.
 *
 * <p>Usage: {@code java DecodeAb BEFORE_JAR BEFORE_RUNNER_DIR AFTER_JAR AFTER_RUNNER_DIR CAPTURE [ROUNDS [PASSES]]};
 * see decode-ab.sh.
 */
public final class DecodeAb {
    private static final String DEPTH_STREAM = "\"stream\":\"btcusdt@depth@0ms\"";
    private static final int WARMUP_ROUNDS = 10;

    private DecodeAb() {
    }

    public static void main(final String[] args) throws Exception {
        final byte[][] payloads = payloads(Path.of(args[4]));
        final int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 100;
        final int passes = args.length > 6 ? Integer.parseInt(args[6]) : 150;
        final IntToLongFunction before1 = runner(args[0], args[1], payloads);
        final IntToLongFunction after1 = runner(args[2], args[3], payloads);
        final IntToLongFunction after2 = runner(args[2], args[3], payloads);
        final IntToLongFunction before2 = runner(args[0], args[1], payloads);
        System.out.println(payloads.length + " depthUpdate payloads, " + rounds + " rounds of " + passes + " passes");
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            time(before1, passes, payloads.length);
            time(after1, passes, payloads.length);
            time(after2, passes, payloads.length);
            time(before2, passes, payloads.length);
        }
        final double[] beforeNs = new double[rounds];
        final double[] afterNs = new double[rounds];
        final double[] ratios = new double[rounds];
        int afterFaster = 0;
        for (int round = 0; round < rounds; round++) {
            final double b1;
            final double a1;
            final double a2;
            final double b2;
            if (round % 2 == 0) {
                b1 = time(before1, passes, payloads.length);
                a1 = time(after1, passes, payloads.length);
                a2 = time(after2, passes, payloads.length);
                b2 = time(before2, passes, payloads.length);
            } else {
                a1 = time(after1, passes, payloads.length);
                b1 = time(before1, passes, payloads.length);
                b2 = time(before2, passes, payloads.length);
                a2 = time(after2, passes, payloads.length);
            }
            beforeNs[round] = (b1 + b2) / 2;
            afterNs[round] = (a1 + a2) / 2;
            ratios[round] = afterNs[round] / beforeNs[round];
            if (afterNs[round] < beforeNs[round]) {
                afterFaster++;
            }
            System.out.printf("round %3d  before %7.1f ns/frame  after %7.1f ns/frame%n", round, beforeNs[round],
                afterNs[round]);
        }
        Arrays.sort(beforeNs);
        Arrays.sort(afterNs);
        Arrays.sort(ratios);
        System.out.printf("before: median %.1f (p25 %.1f, p75 %.1f) ns/frame%n", at(beforeNs, 0.5), at(beforeNs, 0.25),
            at(beforeNs, 0.75));
        System.out.printf("after:  median %.1f (p25 %.1f, p75 %.1f) ns/frame%n", at(afterNs, 0.5), at(afterNs, 0.25),
            at(afterNs, 0.75));
        System.out.printf("after / before: of the medians %.3f; per round (paired) median %.3f (p25 %.3f, p75 %.3f); "
            + "after faster in %d of %d rounds%n", at(afterNs, 0.5) / at(beforeNs, 0.5), at(ratios, 0.5),
            at(ratios, 0.25), at(ratios, 0.75), afterFaster, rounds);
    }

    private static double time(final IntToLongFunction runner, final int passes, final int frames) {
        final long start = System.nanoTime();
        final long checksum = runner.applyAsLong(passes);
        final long elapsed = System.nanoTime() - start;
        if (checksum == 42) {
            System.out.println("unlikely checksum");
        }
        return (double)elapsed / ((long)passes * frames);
    }

    private static double at(final double[] sorted, final double quantile) {
        return sorted[(int)Math.round(quantile * (sorted.length - 1))];
    }

    private static IntToLongFunction runner(final String jar, final String runnerDir, final byte[][] payloads)
        throws Exception {
        final URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(runnerDir).toUri().toURL(),
            Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        return (IntToLongFunction)loader.loadClass("ab.AbRunner").getConstructor(byte[][].class)
            .newInstance((Object)payloads);
    }

    /** The data objects of the capture's depth diff frames: {@code <ns> {"stream":...,"data":{...}}} per line. */
    private static byte[][] payloads(final Path capture) throws Exception {
        final List<byte[]> payloads = new ArrayList<>();
        for (final String line : Files.readAllLines(capture, StandardCharsets.UTF_8)) {
            if (line.contains(DEPTH_STREAM)) {
                final int data = line.indexOf("\"data\":") + "\"data\":".length();
                payloads.add(line.substring(data, line.lastIndexOf('}')).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return payloads.toArray(new byte[0][]);
    }
}
