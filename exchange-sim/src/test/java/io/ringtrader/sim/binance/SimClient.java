package io.ringtrader.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringtrader.sim.SimSymbol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Test client for a {@link BinanceSim}: the JDK's HttpClient and WebSocket, never the gateway. */
final class SimClient {
    /** The API key and secret of Binance's documented USDⓈ-M signing example. */
    static final String KEY = "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83";
    static final String SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
    static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * BTCUSDT's grid (tick 0.10, step 0.001) with {@link io.ringtrader.sim.SimFilters#gridOnly} filters, for books
     * around 100 that the real PRICE_FILTER (minPrice 556.80) would refuse.
     */
    static final SimSymbol BTC_AT_100 = new SimSymbol("BTCUSDT", "0.10", "0.001", 2, 3);

    private final BinanceSim sim;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SimClient(final BinanceSim sim) {
        this.sim = sim;
    }

    HttpResponse<String> send(final String method, final String pathAndQuery, final String body, final String apiKey) {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.restBaseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (apiKey != null) {
            b.header("X-MBX-APIKEY", apiKey);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(final String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    /** A signed call with the params in the query string, timestamp from the sim clock. */
    HttpResponse<String> signed(final String method, final String path, final String params) {
        final String query = (params.isEmpty() ? "" : params + "&") + "timestamp=" + sim.clock().epochMillis();
        return send(method, path + "?" + query + "&signature=" + RequestSignature.sign(SECRET, query), null, KEY);
    }

    static JsonNode json(final HttpResponse<String> r) {
        try {
            return MAPPER.readTree(r.body());
        } catch (final IOException e) {
            throw new UncheckedIOException("not JSON: " + r.body(), e);
        }
    }

    static JsonNode json(final String text) {
        try {
            return MAPPER.readTree(text);
        } catch (final IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** Applies venue {price, qty} string pairs to a client-side book side ({@code "0"} removes the level). */
    static void applyLevels(final Map<BigDecimal, BigDecimal> side, final JsonNode levels) {
        for (final JsonNode l : levels) {
            final BigDecimal p = new BigDecimal(l.get(0).asText());
            final BigDecimal q = new BigDecimal(l.get(1).asText());
            if (q.signum() == 0) {
                side.remove(p);
            } else {
                side.put(p, q);
            }
        }
    }

    /** A new listenKey's user data stream on {@code /private}. */
    Ws userStream() {
        final String key = json(send("POST", "/fapi/v1/listenKey", null, KEY)).get("listenKey").asText();
        return ws("/private/ws?listenKey=" + key);
    }

    Ws ws(final String pathAndQuery) {
        final Ws listener = new Ws();
        listener.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
            .buildAsync(URI.create(sim.wsBaseUrl() + pathAndQuery), listener).orTimeout(10, TimeUnit.SECONDS).join();
        return listener;
    }

    /** A WebSocket that queues every text message; pings are answered by the JDK. */
    static final class Ws implements WebSocket.Listener, AutoCloseable {
        final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final AtomicInteger pings = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(final WebSocket ws, final CharSequence data,
                                                              final boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(final WebSocket ws, final ByteBuffer message) {
            pings.incrementAndGet();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket ws, final int statusCode,
                                                               final String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(final WebSocket ws, final Throwable error) {
            closed.complete(-1);
        }

        /** The next message, failing after {@code timeout}. */
        String next(final Duration timeout) throws InterruptedException {
            final String m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("no message within " + timeout);
            }
            return m;
        }

        JsonNode nextJson() throws InterruptedException {
            return json(next(Duration.ofSeconds(5)));
        }

        /** The next message whose JSON has {@code field} equal to {@code value}, skipping others. */
        JsonNode nextWhere(final String field, final String value) throws InterruptedException {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                final String m = messages.poll(100, TimeUnit.MILLISECONDS);
                if (m != null) {
                    final JsonNode n = json(m);
                    if (value.equals(n.path(field).asText())) {
                        return n;
                    }
                }
            }
            throw new AssertionError("no message with " + field + "=" + value);
        }

        /** Nothing arrives for {@code quiet}. */
        List<String> drain(final Duration quiet) throws InterruptedException {
            final List<String> out = new ArrayList<>();
            String m;
            while ((m = messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                out.add(m);
            }
            return out;
        }

        void send(final String text) {
            socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
        }

        /** Subscribes and waits for the {"result":null,"id":..} reply. */
        void subscribe(final int id, final String... streams) throws InterruptedException {
            final StringBuilder sb = new StringBuilder("{\"method\":\"SUBSCRIBE\",\"params\":[");
            for (int i = 0; i < streams.length; i++) {
                sb.append(i == 0 ? "" : ",").append('"').append(streams[i]).append('"');
            }
            send(sb.append("],\"id\":").append(id).append('}').toString());
            nextWhere("id", Integer.toString(id));
        }

        @Override
        public void close() {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
            }
            socket.abort();
        }
    }
}
