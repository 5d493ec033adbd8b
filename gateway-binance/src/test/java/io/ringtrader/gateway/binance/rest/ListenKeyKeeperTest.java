package io.ringtrader.gateway.binance.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.gateway.binance.rest.FakeVenue.Reply;
import io.ringtrader.gateway.common.rest.RestAlarmListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ListenKeyKeeperTest {
    private final BlockingQueue<String> keys = new LinkedBlockingQueue<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicBoolean keepAliveFails = new AtomicBoolean();
    private FakeVenue venue;
    private BinanceRestClient client;

    @BeforeEach
    void start() throws Exception {
        venue = new FakeVenue();
        venue.respond(request -> switch (request.method()) {
            case "POST" -> Reply.ok("{\"listenKey\":\"key-" + created.incrementAndGet() + "\"}");
            case "PUT" -> keepAliveFails.get()
                ? Reply.of(400, "{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}")
                : Reply.ok("{\"listenKey\":\"key-" + created.get() + "\"}");
            default -> Reply.ok("{}");
        });
        client = new BinanceRestClient(venue.config().build(), RestAlarmListener.NONE);
    }

    @AfterEach
    void stop() {
        client.close();
        venue.close();
    }

    private String nextKey() throws InterruptedException {
        final String key = keys.poll(5, TimeUnit.SECONDS);
        assertNotNull(key, "no listen key within 5 s");
        return key;
    }

    @Test
    void shouldCreateTheKeyKeepItAliveAndCloseItOnShutdown() throws Exception {
        final ListenKeyKeeper keeper = new ListenKeyKeeper(client, Duration.ofMillis(50), Duration.ofMillis(20), keys::add);
        keeper.start();

        assertEquals("key-1", nextKey());
        final FakeVenue.Received create = venue.next();
        assertEquals("POST", create.method());
        assertEquals("/fapi/v1/listenKey", create.path());
        final FakeVenue.Received keepAlive = venue.next();
        assertEquals("PUT", keepAlive.method());
        assertEquals("/fapi/v1/listenKey", keepAlive.path());

        keeper.close();

        final List<String> methods = venue.drain().stream().map(FakeVenue.Received::method).toList();
        assertEquals("DELETE", methods.get(methods.size() - 1));
        assertTrue(keys.isEmpty());
    }

    @Test
    void shouldCreateANewKeyWhenAKeepaliveFails() throws Exception {
        final ListenKeyKeeper keeper = new ListenKeyKeeper(client, Duration.ofMillis(50), Duration.ofMillis(20), keys::add);
        keeper.start();
        assertEquals("key-1", nextKey());

        keepAliveFails.set(true);

        assertEquals("key-2", nextKey());
        keepAliveFails.set(false);
        assertEquals("key-2", keeper.listenKey());
        keeper.close();
    }

    @Test
    void shouldCreateANewKeyWhenTheStreamSaysItExpired() throws Exception {
        final ListenKeyKeeper keeper = new ListenKeyKeeper(client, Duration.ofMinutes(30), Duration.ofMillis(20), keys::add);
        keeper.start();
        assertEquals("key-1", nextKey());

        keeper.onListenKeyExpired(1_736_996_475_556L);

        assertEquals("key-2", nextKey());
        assertEquals(1, keeper.renewals());
        keeper.close();
    }
}
