package io.ringtrader.gateway.common.ws;

import static io.ringtrader.gateway.common.TestBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class DuplicateFrameFilterTest {
    private final DuplicateFrameFilter filter = new DuplicateFrameFilter();

    @Test
    void shouldDeliverAFrameOnceWhicheverSocketSeesItFirst() {
        filter.begin();

        assertEquals(FrameHandover.DELIVER, onNew("{\"e\":\"ORDER_TRADE_UPDATE\",\"T\":1}"));
        assertEquals(FrameHandover.DROP, onOld("{\"e\":\"ORDER_TRADE_UPDATE\",\"T\":1}"));
        assertEquals(FrameHandover.DELIVER, onOld("{\"e\":\"ORDER_TRADE_UPDATE\",\"T\":2}"));
        assertEquals(FrameHandover.DROP, onNew("{\"e\":\"ORDER_TRADE_UPDATE\",\"T\":2}"));
    }

    @Test
    void shouldForgetWhatWasDeliveredInAnEarlierHandover() {
        filter.begin();
        onOld("{\"e\":\"ACCOUNT_UPDATE\"}");
        filter.end();

        filter.begin();

        assertEquals(FrameHandover.DELIVER, onNew("{\"e\":\"ACCOUNT_UPDATE\"}"));
    }

    @Test
    void shouldNeverCompleteByItselfNorLeaveAGap() {
        filter.begin();
        onOld("{\"e\":\"ACCOUNT_UPDATE\"}");

        assertFalse(filter.complete());
        assertEquals(0, filter.forceSwitch());
    }

    private boolean onOld(final String frame) {
        final UnsafeBuffer buffer = ascii(frame);
        return filter.onOld(buffer, 0, buffer.capacity());
    }

    private boolean onNew(final String frame) {
        final UnsafeBuffer buffer = ascii(frame);
        return filter.onNew(buffer, 0, buffer.capacity());
    }
}
