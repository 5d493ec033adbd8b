package io.ringtrader.gateway.binance.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A fake Binance REST venue on 127.0.0.1, ephemeral port, for tests: records every request and answers with a
 * scripted responder. Checks signatures of signed requests with the test secret.
 */
final class FakeVenue implements AutoCloseable {
    static final String API_KEY = "test-api-key-0123456789";
    /** The secret of Binance's signature example: the fake verifies with it. */
    static final String SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";

    /** One request as received. */
    record Received(String method, String path, String query, String body, String apiKey, String contentType) {
        /** The params of query and body, in order (last value wins). */
        Map<String, String> params() {
            final Map<String, String> params = new LinkedHashMap<>();
            for (final String part : (query + (query.isEmpty() || body.isEmpty() ? "" : "&") + body).split("&")) {
                if (!part.isEmpty()) {
                    final int eq = part.indexOf('=');
                    params.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            return params;
        }

        /** True if the request carries a signature that matches its total params under {@link #SECRET}. */
        boolean signatureValid() {
            final String total = query + body;
            final int at = total.lastIndexOf("&signature=");
            if (at < 0) {
                return false;
            }
            final String signed = total.substring(0, at);
            final String signature = total.substring(at + "&signature=".length());
            return new BinanceSigner(SECRET).sign(signed, "").equals(signature);
        }
    }

    /** A scripted answer. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply ok(final String body) {
            return new Reply(200, body, Map.of());
        }

        static Reply of(final int status, final String body, final String... headerPairs) {
            final Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Reply(status, body, headers);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Function<Received, Reply> responder = request -> Reply.of(404, "{\"code\":-1,\"msg\":\"no route\"}");

    FakeVenue() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    BinanceRestConfig.Builder config() {
        return BinanceRestConfig.builder(baseUrl(), API_KEY, SECRET)
            .requestTimeout(java.time.Duration.ofSeconds(5))
            .unknownStatusBackoff(java.time.Duration.ofMillis(20));
    }

    void respond(final Function<Received, Reply> responder) {
        this.responder = responder;
    }

    /** The next request received, waiting up to 5 seconds; fails the test if none. */
    Received next() throws InterruptedException {
        final Received request = received.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the fake venue received no request within 5 s");
        }
        return request;
    }

    /** All requests received so far (drains). */
    List<Received> drain() {
        final List<Received> all = new java.util.ArrayList<>();
        received.drainTo(all);
        return all;
    }

    private void handle(final HttpExchange exchange) throws IOException {
        final String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        final URI uri = exchange.getRequestURI();
        final Received request = new Received(exchange.getRequestMethod(), uri.getPath(),
            uri.getRawQuery() == null ? "" : uri.getRawQuery(), body,
            exchange.getRequestHeaders().getFirst("X-MBX-APIKEY"), exchange.getRequestHeaders().getFirst("Content-Type"));
        received.add(request);
        Reply reply;
        try {
            reply = responder.apply(request);
        } catch (final RuntimeException e) {
            reply = Reply.of(500, "{\"code\":-1000,\"msg\":\"" + e + "\"}");
        }
        final byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
