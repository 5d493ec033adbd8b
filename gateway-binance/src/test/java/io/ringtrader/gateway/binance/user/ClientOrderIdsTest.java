package io.ringtrader.gateway.binance.user;

import static io.ringtrader.gateway.binance.TestInstruments.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class ClientOrderIdsTest {
    /** Binance's rule for {@code newClientOrderId} (USDⓈ-M New Order). */
    private static final Pattern BINANCE = Pattern.compile("[.A-Z:/a-z0-9_-]{1,36}");
    private static final long STRATEGY_ID = (1L << 40) | 1;

    private final ClientOrderIds ids = new ClientOrderIds("lq2x3k9a0b7");

    @Test
    void shouldFormatOurIdWithThePrefixAndTheSessionTag() {
        assertEquals("rt-lq2x3k9a0b7-42", ids.format(42));
        assertEquals("rt-lq2x3k9a0b7-1099511627777", ids.format(STRATEGY_ID));
        assertEquals("rt-lq2x3k9a0b7-<n>", ids.pattern());
        assertEquals("lq2x3k9a0b7", ids.tag());
    }

    @Test
    void shouldParseThisSessionsIdsBackFromTextAndFromABuffer() {
        for (final long id : new long[] {0, 1, 42, STRATEGY_ID, Long.MAX_VALUE}) {
            assertEquals(id, ids.parse(ids.format(id)));
        }
        final UnsafeBuffer buffer = ascii("xxrt-lq2x3k9a0b7-42yy");
        assertEquals(42, ids.parse(buffer, 2, 17));
    }

    @Test
    void shouldTellAnotherSessionsIdsFromOurs() {
        assertEquals(ClientOrderIds.OTHER_SESSION, ids.parse("rt-lq2x3k9a0b8-42"));
        assertEquals(ClientOrderIds.OTHER_SESSION, ids.parse("rt-lq2x3k9a0b-42"), "a tag that is a prefix of ours");
        assertEquals(ClientOrderIds.OTHER_SESSION, ids.parse("rt-lq2x3k9a0b7x-42"), "a tag that extends ours");
        assertEquals(ClientOrderIds.OTHER_SESSION, ids.parse(new ClientOrderIds("zzzzzzzzzzzz").format(Long.MAX_VALUE)));
        assertEquals(ClientOrderIds.OTHER_SESSION, ids.parse("rt-7-0"));
        assertEquals(ClientOrderIds.OTHER_SESSION, new ClientOrderIds("0").parse("rt-00-1"), "leading zeros count");
        assertEquals(ClientOrderIds.OTHER_SESSION, new ClientOrderIds("00").parse("rt-0-1"));
        assertEquals(1, new ClientOrderIds("00").parse("rt-00-1"));
        final UnsafeBuffer buffer = ascii("rt-lq2x3k9a0b8-1099511627777");
        assertEquals(ClientOrderIds.OTHER_SESSION, ids.parse(buffer, 0, buffer.capacity()));
    }

    @Test
    void shouldTreatUntaggedIdsOfEarlierEnginesAsAnotherSessions() {
        assertEquals(ClientOrderIds.UNTAGGED, ids.parse("rt-42"));
        assertEquals(ClientOrderIds.UNTAGGED, ids.parse("rt-1099511627777"));
        assertEquals(ClientOrderIds.UNTAGGED, ids.parse("rt-9223372036854775807"));
        final UnsafeBuffer buffer = ascii("rt-1099511627777");
        assertEquals(ClientOrderIds.UNTAGGED, ids.parse(buffer, 0, buffer.capacity()));
    }

    @Test
    void shouldReportIdsThatAreNotOurs() {
        for (final String venueId : new String[] {"TEST", "autoclose-1597734127", "adl_autoclose", "web_abc123",
            "rt-", "rt-12a", "rt--5", "rt-lq2x3k9a0b7-", "rt-lq2x3k9a0b7-x", "rt-lq2x3k9a0b7--1", "rt-lq2x3k9a0b7-01",
            "rt-lq2x3k9a0b7-9223372036854775808", "rt-lq2x3k9a0b7-42-1", "rt-LQ2X-1", "rt-abcdefghijklm-1",
            "rt-9223372036854775808", "xrt-lq2x3k9a0b7-1"}) {
            assertEquals(ClientOrderIds.NOT_OURS, ids.parse(venueId), venueId);
        }
        assertEquals(ClientOrderIds.NOT_OURS, ids.parse((String)null));
        final UnsafeBuffer buffer = ascii("adl_autoclose");
        assertEquals(ClientOrderIds.NOT_OURS, ids.parse(buffer, 0, buffer.capacity()));
    }

    @Test
    void shouldStayWithinBinancesRuleForEveryIdWithTheLongestTag() {
        final ClientOrderIds longest = new ClientOrderIds("z".repeat(ClientOrderIds.MAX_TAG_LENGTH));

        final String venueId = longest.format(Long.MAX_VALUE);

        assertEquals(ClientOrderIds.MAX_LENGTH, venueId.length());
        assertTrue(venueId.length() <= 36, venueId);
        assertTrue(BINANCE.matcher(venueId).matches(), venueId);
        assertTrue(BINANCE.matcher(longest.format(0)).matches());
    }

    @Test
    void shouldMakeASessionTagOfTheStartTimeAndASalt() {
        final long startMs = 1_700_000_000_000L;

        assertEquals(Long.toString(startMs, 36) + "00z", ClientOrderIds.sessionTag(startMs, 35));
        assertEquals("0000", ClientOrderIds.sessionTag(0, 0));
        assertNotEquals(ClientOrderIds.sessionTag(startMs, 7), ClientOrderIds.sessionTag(startMs + 1, 7));
        assertNotEquals(ClientOrderIds.sessionTag(startMs, 7), ClientOrderIds.sessionTag(startMs, 8));
        final String lastTwelve = ClientOrderIds.sessionTag(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36 * 36 - 1, 36 * 36 * 36 - 1);
        assertEquals(ClientOrderIds.MAX_TAG_LENGTH, lastTwelve.length(), "time fits nine base-36 digits until the year 5188");
    }

    @Test
    void shouldGiveANewSessionAValidTagOfElevenOrTwelveCharacters() {
        final ClientOrderIds session = ClientOrderIds.newSession(System.currentTimeMillis());

        assertTrue(session.tag().matches("[0-9a-z]{11,12}"), session.tag());
        assertEquals(42, session.parse(session.format(42)));
        assertTrue(BINANCE.matcher(session.format(Long.MAX_VALUE)).matches());
    }

    @Test
    void shouldRefuseBadTagsAndNegativeIds() {
        for (final String tag : new String[] {"", "ABC", "a-b", "a_b", "z".repeat(ClientOrderIds.MAX_TAG_LENGTH + 1), "\u00e9"}) {
            assertThrows(IllegalArgumentException.class, () -> new ClientOrderIds(tag), tag);
        }
        assertThrows(IllegalArgumentException.class, () -> new ClientOrderIds(null));
        assertThrows(IllegalArgumentException.class, () -> ids.format(-1));
        assertThrows(IllegalArgumentException.class, () -> ClientOrderIds.sessionTag(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> ClientOrderIds.sessionTag(0, 36 * 36 * 36));
    }
}
