package io.ringtrader.sim.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.sim.SimSymbol;
import io.ringtrader.sim.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a capture in the hftbacktest text format ({@code <local ns> <JSON>} per line: combined-stream envelopes and
 * REST depth snapshot bodies) into a {@link BinanceSim}: frames go out on their routes unchanged, and the sim book
 * follows the capture's snapshot plus diffs so its REST depth answers agree with what was streamed.
 *
 * <p>Pace: {@code speed} 1 replays at the recorded pace, N at N times it, 0 as fast as possible. Plays on one
 * daemon thread ({@link #start()}) or the caller's ({@link #run()}); waits park, never spin.
 */
public final class CapturePlayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CapturePlayer.class);
    private static final int MAX_REMEMBERED_DIFFS = 10_000;

    private final BinanceSim sim;
    private final Path file;
    private final double speed;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Diffs streamed since the last snapshot of a symbol, re-applied when a snapshot line arrives. */
    private final Map<String, ArrayDeque<BinanceMarket.CapturedDiff>> streamedDiffs = new HashMap<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicLong framesPlayed = new AtomicLong();
    private final AtomicLong snapshotsPlayed = new AtomicLong();
    private volatile boolean stopped;
    private volatile Throwable failure;
    private Thread thread;
    private String currentSymbol;

    /**
     * @param speed 1 = recorded pace, N = N times faster, 0 = as fast as possible
     */
    public CapturePlayer(final BinanceSim sim, final Path file, final double speed) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be >= 0 (0 = as fast as possible), got " + speed);
        }
        this.sim = sim;
        this.file = file;
        this.speed = speed;
        final List<SimSymbol> symbols = sim.market().symbols();
        this.currentSymbol = symbols.size() == 1 ? symbols.get(0).name() : null;
    }

    /** Starts playing on a daemon thread. */
    public synchronized CapturePlayer start() {
        if (thread != null) {
            throw new IllegalStateException("capture player already started for " + file);
        }
        thread = new Thread(this::runAndCount, "capture-player");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void runAndCount() {
        try {
            run();
        } catch (final RuntimeException e) {
            failure = e;
            LOG.error("capture playback of {} failed", file, e);
        }
    }

    /** Plays the whole file on the calling thread (or until {@link #close()}). */
    public void run() {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long firstNs = Long.MIN_VALUE;
            final long startNanos = System.nanoTime();
            String line;
            int lineNo = 0;
            while (!stopped && (line = in.readLine()) != null) {
                lineNo++;
                final int space = line.indexOf(' ');
                if (line.isBlank() || space < 0) {
                    continue;
                }
                final long ns = Long.parseLong(line.substring(0, space));
                if (firstNs == Long.MIN_VALUE) {
                    firstNs = ns;
                }
                if (speed > 0) {
                    pace(startNanos + (long) ((ns - firstNs) / speed));
                }
                play(line.substring(space + 1), lineNo);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read capture " + file, e);
        } finally {
            done.countDown();
        }
    }

    private void pace(final long targetNanos) {
        long wait;
        while (!stopped && (wait = targetNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private void play(final String json, final int lineNo) {
        final JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (final JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root.has("lastUpdateId")) {
            if (currentSymbol == null) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": snapshot before any stream frame names "
                    + "its symbol");
            }
            final Collection<BinanceMarket.CapturedDiff> before =
                streamedDiffs.getOrDefault(currentSymbol, new ArrayDeque<>());
            sim.market().captureSnapshot(currentSymbol, root.get("lastUpdateId").asLong(), levels(root.get("bids")),
                levels(root.get("asks")), before);
            streamedDiffs.remove(currentSymbol);
            snapshotsPlayed.incrementAndGet();
            return;
        }
        final JsonNode streamNode = root.get("stream");
        final JsonNode data = root.get("data");
        if (streamNode == null || data == null) {
            LOG.debug("{}:{}: neither a stream frame nor a snapshot, skipped", file, lineNo);
            return;
        }
        final String stream = streamNode.asText();
        final int at = stream.indexOf('@');
        final String symbol = (at < 0 ? stream : stream.substring(0, at)).toUpperCase(Locale.ROOT);
        final boolean known = sim.market().symbol(symbol) != null;
        if (known) {
            currentSymbol = symbol;
        }
        if (known && "depthUpdate".equals(data.path("e").asText()) && data.has("pu")
            && stream.matches("[^@]+@depth(@\\d+ms)?")) {
            final BinanceMarket.CapturedDiff diff = new BinanceMarket.CapturedDiff(data.get("U").asLong(),
                data.get("u").asLong(), data.get("pu").asLong(), data.path("E").asLong(), data.path("T").asLong(),
                levels(data.get("b")), levels(data.get("a")));
            sim.market().captureDiff(symbol, diff);
            final ArrayDeque<BinanceMarket.CapturedDiff> recent =
                streamedDiffs.computeIfAbsent(symbol, k -> new ArrayDeque<>());
            recent.addLast(diff);
            if (recent.size() > MAX_REMEMBERED_DIFFS) {
                recent.removeFirst();
            }
        } else {
            sim.market().captureFrame(stream, data.toString());
        }
        framesPlayed.incrementAndGet();
    }

    private static List<BigDecimal[]> levels(final JsonNode array) {
        final List<BigDecimal[]> out = new ArrayList<>(array == null ? 0 : array.size());
        if (array != null) {
            for (final JsonNode l : array) {
                out.add(new BigDecimal[] {new BigDecimal(l.get(0).asText()), new BigDecimal(l.get(1).asText())});
            }
        }
        return out;
    }

    /** Waits until the whole capture has been played; false on timeout. Rethrows a playback failure. */
    public boolean await(final Duration timeout) throws InterruptedException {
        final boolean finished = done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (failure != null) {
            throw new IllegalStateException("capture playback of " + file + " failed", failure);
        }
        return finished;
    }

    /** Stream frames played so far. */
    public long framesPlayed() {
        return framesPlayed.get();
    }

    /** REST snapshot bodies applied so far. */
    public long snapshotsPlayed() {
        return snapshotsPlayed.get();
    }

    /** Stops playing (the current line completes) and waits briefly for the thread. */
    @Override
    public void close() {
        stopped = true;
        final Thread t;
        synchronized (this) {
            t = thread;
        }
        Threads.unparkAndJoin(t, Duration.ofSeconds(5));
    }
}
