package io.ringtrader.gateway.binance.user;

import static io.ringtrader.gateway.binance.TestInstruments.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {
    @Test
    void shouldFormatOurIdWithThePrefix() {
        assertEquals("rt-42", ClientOrderIds.format(42));
        assertEquals("rt-9223372036854775807", ClientOrderIds.format(Long.MAX_VALUE));
    }

    @Test
    void shouldParseOurIdBackFromTextAndFromABuffer() {
        assertEquals(Long.MAX_VALUE, ClientOrderIds.parse("rt-9223372036854775807"));
        final UnsafeBuffer buffer = ascii("xxrt-42yy");
        assertEquals(42, ClientOrderIds.parse(buffer, 2, 5));
    }

    @Test
    void shouldReportIdsThatAreNotOurs() {
        assertEquals(ClientOrderIds.NOT_OURS, ClientOrderIds.parse("TEST"));
        assertEquals(ClientOrderIds.NOT_OURS, ClientOrderIds.parse("autoclose-1597734127"));
        assertEquals(ClientOrderIds.NOT_OURS, ClientOrderIds.parse("rt-"));
        assertEquals(ClientOrderIds.NOT_OURS, ClientOrderIds.parse("rt-12a"));
        assertEquals(ClientOrderIds.NOT_OURS, ClientOrderIds.parse((String)null));
        final UnsafeBuffer buffer = ascii("adl_autoclose");
        assertEquals(ClientOrderIds.NOT_OURS, ClientOrderIds.parse(buffer, 0, buffer.capacity()));
    }
}
