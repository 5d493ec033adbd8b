package io.ringtrader.gateway.binance.marketdata;

import io.ringtrader.gateway.binance.CaptureData;
import io.ringtrader.gateway.binance.TestInstruments;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static io.ringtrader.gateway.binance.RecordedFrames.SUSHI_DEPTH;
import static io.ringtrader.gateway.binance.RecordedFrames.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.ringtrader.gateway.common.marketdata.DecodeStatus;
import io.ringtrader.gateway.common.marketdata.DepthStaging;

/** The fast path against the general path of {@link DepthUpdateDecoder}: same staging, or it declines. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DepthFastPathTest {
    private static final String HEAD = "{\"e\":\"depthUpdate\",\"E\":1723161256299,\"T\":1723161256298,"
        + "\"s\":\"BTCUSDT\",\"U\":5123107832006,\"u\":5123107837557,\"pu\":5123107831937,";

    private final DepthFastPath fast = new DepthFastPath(TestInstruments.registry());
    private final DepthStaging fastStaging = new DepthStaging(300);
    private final DepthUpdateDecoder general = new DepthUpdateDecoder(TestInstruments.registry(), 300);

    @Test
    void shouldTakeTheFastPathForEveryDepthFrameOfTheCaptureWithTheGeneralPathsResult() throws IOException {
        final Path file = CaptureData.capture(CaptureData.HFTBACKTEST);
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int depthFrames = 0;
        for (final String line : lines) {
            if (line.contains("\"e\":\"depthUpdate\"")) {
                final String frame = line.substring(line.indexOf(' ') + 1);
                assertTrue(fastAccepts(payload(frame)), () -> "fast path declined " + frame);
                assertSameAsGeneral(payload(frame));
                depthFrames++;
            }
        }
        assertTrue(depthFrames > 100, "depth frames in the capture: " + depthFrames);
    }

    @Test
    void shouldTakeTheFastPathForARecordedDiffAtAnotherScale() {
        assertTrue(fastAccepts(payload(SUSHI_DEPTH)));
        assertSameAsGeneral(payload(SUSHI_DEPTH));
    }

    @Test
    void shouldReadADirectBufferLikeAnArray() {
        final byte[] bytes = payload(SUSHI_DEPTH).getBytes(StandardCharsets.US_ASCII);
        final ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 16);
        direct.position(7);
        direct.put(bytes);
        fastStaging.clear();
        assertTrue(fast.decode(new UnsafeBuffer(direct), 7, bytes.length, 42L, fastStaging));
        assertEquals(DecodeStatus.OK, general.decode(new UnsafeBuffer(bytes), 0, bytes.length, 42L));
        assertStagingEquals(general.staging(), fastStaging);
    }

    @Test
    void shouldFindEachSymbolThroughItsCacheWhenInstrumentsInterleave() {
        final String btc = HEAD + "\"b\":[[\"61800.10\",\"0.003\"]],\"a\":[]}";
        final String sushi = btc.replace("BTCUSDT", "SUSHIUSDT").replace("61800.10", "0.7234").replace("0.003", "7");
        final String akro = btc.replace("BTCUSDT", "AKROUSDT").replace("61800.10", "0.00512").replace("0.003", "12");
        for (int round = 0; round < 3; round++) {
            for (final String payload : new String[] {btc, sushi, akro}) {
                assertTrue(fastAccepts(payload), payload);
                assertSameAsGeneral(payload);
            }
        }
    }

    @Test
    void shouldDeclineSymbolsThatAreEmptyUnknownLongOrEscaped() {
        final String known = HEAD + "\"b\":[[\"61800.10\",\"0.003\"]],\"a\":[]}";
        assertTrue(fastAccepts(known));
        for (final String symbol : new String[] {"", "BTCUSD", "BTCUSDTX", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "BTC\\u0055SDT",
            "BTCUSDT\\\""}) {
            final String payload = known.replace("\"s\":\"BTCUSDT\"", "\"s\":\"" + symbol + "\"");
            assertFalse(fastAccepts(payload), payload);
            assertSameAsGeneral(payload);
        }
    }

    @Test
    void shouldDeclineEveryTruncationOfAFrame() {
        final String payload = payload(SUSHI_DEPTH);
        for (int length = 0; length < payload.length(); length++) {
            final byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
            fastStaging.clear();
            assertFalse(fast.decode(new UnsafeBuffer(bytes), 0, length, 0L, fastStaging), "length " + length);
        }
    }

    @Test
    void shouldDeclineWhatTheGeneralPathRejectsOrReadsDifferently() {
        final String[] declined = {
            HEAD + "\"b\":[[\"61800.123\",\"1\"]],\"a\":[]}",          // more decimals than the scale
            HEAD + "\"b\":[[\"61800.100\",\"1\"]],\"a\":[]}",          // zeros beyond the scale: general path
            HEAD + "\"b\":[[\"0.00\",\"1\"]],\"a\":[]}",               // zero price
            HEAD + "\"b\":[[\"1\",\"-1\"]],\"a\":[]}",                 // negative quantity
            HEAD + "\"b\":[[\".5\",\"1\"]],\"a\":[]}",
            HEAD + "\"b\":[[\"5.\",\"1\"]],\"a\":[]}",
            HEAD + "\"b\":[[\"1e3\",\"1\"]],\"a\":[]}",
            HEAD + "\"b\":[[\"1234567890123456789\",\"1\"]],\"a\":[]}", // may overflow: general path
            HEAD + "\"b\":[[1.5,\"1\"]],\"a\":[]}",                    // bare number
            HEAD + "\"b\":[[\"1.5\",\"1\",\"2\"]],\"a\":[]}",
            HEAD + "\"b\":[[\"61.5x\",\"1\"]],\"a\":[]}",                // no closing quote: inside the word,
            HEAD + "\"b\":[[\"61800.10x\",\"1\"]],\"a\":[]}",            // right after a full word,
            HEAD + "\"b\":[[\"618000.10.5\",\"1\"]],\"a\":[]}",          // after a long token,
            HEAD + "\"b\":[[\"1\",\"2.5\" ]],\"a\":[]}",                  // after a quantity
            HEAD + "\"b\":[[\"1\",\"2.5\"]],\"a\":[[\"1\",\"2\"]]",          // last level at the payload's end
            HEAD + "\"b\":[],\"a\":[] }",
            HEAD + "\"b\":[],\"a\":[]}x",
            HEAD + "\"b\":[] ,\"a\":[]}",
            HEAD + "\"a\":[],\"b\":[]}",
            HEAD.replace("\"pu\":5123107831937", "\"pu\":-1") + "\"b\":[],\"a\":[]}",
            HEAD.replace("\"U\":5123107832006", "\"U\":05123107832006") + "\"b\":[],\"a\":[]}",
            HEAD.replace("\"u\":5123107837557", "\"u\":5123107832005") + "\"b\":[],\"a\":[]}",
            HEAD.replace("BTCUSDT", "ETHUSDT") + "\"b\":[],\"a\":[]}",
            HEAD.replace("BTCUSDT", "BTC\\u0055SDT") + "\"b\":[],\"a\":[]}",
            HEAD.replace("1723161256299", "99999999999999999") + "\"b\":[],\"a\":[]}",
        };
        for (final String payload : declined) {
            assertFalse(fastAccepts(payload), payload);
        }
    }

    @Test
    void shouldAgreeWithTheGeneralPathOnRandomDecimals() {
        final SplittableRandom random = new SplittableRandom(20261202L);
        final StringBuilder payload = new StringBuilder();
        for (int round = 0; round < 2_000; round++) {
            payload.setLength(0);
            payload.append(HEAD).append("\"b\":[");
            final int levels = random.nextInt(4);
            for (int i = 0; i < levels; i++) {
                payload.append(i == 0 ? "" : ",").append("[\"").append(randomDecimal(random)).append("\",\"")
                    .append(randomDecimal(random)).append("\"]");
            }
            payload.append("],\"a\":[[\"").append(randomDecimal(random)).append("\",\"")
                .append(randomDecimal(random)).append("\"]]}");
            assertSameAsGeneral(payload.toString());
        }
    }

    @Test
    void shouldDecodeEightDigitRunsAndLongerOnesExactly() {
        final String payload = HEAD + "\"b\":[[\"12345678.90\",\"123456789012345.123\"],[\"00000001.00\",\"0.001\"]],"
            + "\"a\":[[\"9999999999999999.99\",\"0\"],[\"618113.30\",\"12345.678\"]]}";
        assertTrue(fastAccepts(payload));
        assertEquals(1_234_567_890L, fastStaging.bidPrice(0));
        assertEquals(123_456_789_012_345_123L, fastStaging.bidQty(0));
        assertEquals(100L, fastStaging.bidPrice(1));
        assertEquals(999_999_999_999_999_999L, fastStaging.askPrice(0));
        assertEquals(61_811_330L, fastStaging.askPrice(1));
        assertEquals(12_345_678L, fastStaging.askQty(1));
        assertSameAsGeneral(payload);
    }

    @Test
    void shouldReadEachDecimalExactlyWhenItsLayoutDiffersFromThePreviousOnesInOneByte() {
        // Each pair: a decimal whose layout is learnt, then one that matches it in every byte but one (a longer or
        // shorter fraction or integer, the point moved, a non-digit where a digit was, a decimal filling the word
        // then running past it). Each must be read exactly, or declined, as without the learnt layout.
        final String[][] pairs = {
            {"61800.10", "61800.1"}, {"61800.1", "61800.10"}, {"6180.10", "61800.10"}, {"61800.10", "6180.10"},
            {"1.50", "15.0"}, {"15.0", "1.50"}, {"1.5", "15"}, {"15.5", "155"}, {"1234567.1", "12345.12"},
            {"61800.10", "61800x10"}, {"61800.10", "6180x.10"}, {"61800.10", "61800.1x"}, {"618.10", "618.10x"},
            {"0.003", "0.0030"}, {"0.003", "0.03"}, {"0.003", "10.003"}, {"0.003", "0.003.5"},
        };
        for (final String[] pair : pairs) {
            // As a price after a price (the quantity fixed), then as a quantity after a quantity (price fixed).
            final String[][] asPrices = {{pair[0], "1.000"}, {pair[1], "1.000"}};
            final String[][] asQtys = {{"1.00", pair[0]}, {"1.00", pair[1]}};
            for (final String[][] levels : new String[][][] {asPrices, asQtys}) {
                final String payload = frame(levels);
                assertEquals(eachAloneAccepted(levels), fastAccepts(payload), payload);
                assertSameAsGeneral(payload);
            }
        }
    }

    @Test
    void shouldForgetLayoutsLearntAtAnotherScale() {
        // BTCUSDT's prices at scale 2, then SUSHIUSDT's at 4: "1.50" is 150 at one and 15000 at the other.
        final String btc = HEAD + "\"b\":[[\"1.50\",\"2.000\"]],\"a\":[]}";
        final String sushi = btc.replace("BTCUSDT", "SUSHIUSDT").replace("2.000", "2");
        for (int round = 0; round < 3; round++) {
            assertTrue(fastAccepts(btc));
            assertEquals(150L, fastStaging.bidPrice(0));
            assertSameAsGeneral(btc);
            assertTrue(fastAccepts(sushi));
            assertEquals(15_000L, fastStaging.bidPrice(0));
            assertSameAsGeneral(sushi);
        }
    }

    @Test
    void shouldAgreeWithTheGeneralPathOnLevelsOfSimilarDecimals() {
        // Many levels a side, each decimal a small change of the one before, so that layouts are learnt, reused
        // and broken in every way a one-byte change allows.
        final SplittableRandom random = new SplittableRandom(20261207L);
        int accepted = 0;
        for (int round = 0; round < 1_000; round++) {
            final String[][] levels = new String[1 + random.nextInt(12)][];
            String price = "61800.10";
            String qty = "0.003";
            for (int i = 0; i < levels.length; i++) {
                price = mutate(price, random);
                qty = mutate(qty, random);
                levels[i] = new String[] {price, qty};
            }
            final String payload = frame(levels);
            final boolean fastAccepted = fastAccepts(payload);
            assertEquals(eachAloneAccepted(levels), fastAccepted, payload);
            assertSameAsGeneral(payload);
            accepted += fastAccepted ? 1 : 0;
        }
        assertTrue(accepted > 100, "frames the fast path took: " + accepted);
    }

    /** The text with one byte changed, added or removed, mostly a digit, sometimes a point or another byte. */
    private static String mutate(final String decimal, final SplittableRandom random) {
        final StringBuilder text = new StringBuilder(decimal);
        final int at = random.nextInt(text.length() + 1);
        final char c = random.nextInt(8) == 0 ? ".x-e".charAt(random.nextInt(4)) : (char)('0' + random.nextInt(10));
        switch (random.nextInt(4)) {
            case 0 -> text.insert(at, c);
            case 1 -> {
                if (text.length() > 1) {
                    text.deleteCharAt(Math.min(at, text.length() - 1));
                }
            }
            default -> {
                if (at < text.length()) {
                    text.setCharAt(at, c);
                }
            }
        }
        // Mostly keep to decimals the venue could send, so that most frames take the fast path.
        final String result = text.toString();
        return random.nextInt(4) == 0 || result.matches("[1-9][0-9]{0,9}\\.[0-9]{1,3}") ? result : decimal;
    }

    /** A BTCUSDT diff with these bid levels (price, quantity) and no asks. */
    private static String frame(final String[][] levels) {
        final StringBuilder payload = new StringBuilder(HEAD).append("\"b\":[");
        for (int i = 0; i < levels.length; i++) {
            payload.append(i == 0 ? "" : ",").append("[\"").append(levels[i][0]).append("\",\"").append(levels[i][1])
                .append("\"]");
        }
        return payload.append("],\"a\":[]}").toString();
    }

    /**
     * Whether the fast path takes each level in a frame of its own, read by a fast path that has seen nothing
     * before (so no decimal is read through a learnt layout): a frame of all of them must be taken exactly then.
     */
    private static boolean eachAloneAccepted(final String[][] levels) {
        for (final String[] level : levels) {
            final byte[] bytes = frame(new String[][] {level}).getBytes(StandardCharsets.US_ASCII);
            final DepthFastPath fresh = new DepthFastPath(TestInstruments.registry());
            if (!fresh.decode(new UnsafeBuffer(bytes), 0, bytes.length, 42L, new DepthStaging(4))) {
                return false;
            }
        }
        return true;
    }

    private static String randomDecimal(final SplittableRandom random) {
        final StringBuilder text = new StringBuilder();
        final int integerDigits = random.nextInt(1, 21);
        for (int i = 0; i < integerDigits; i++) {
            text.append((char)('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
        }
        final int fractionDigits = random.nextInt(6);
        if (fractionDigits > 0) {
            text.append('.');
            for (int i = 0; i < fractionDigits; i++) {
                text.append((char)('0' + (random.nextBoolean() ? 0 : random.nextInt(10))));
            }
        }
        return text.toString();
    }

    private boolean fastAccepts(final String payload) {
        final byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
        fastStaging.clear();
        return fast.decode(new UnsafeBuffer(bytes), 0, bytes.length, 42L, fastStaging);
    }

    /** When the fast path accepts, the general path (run on the same text with a space added) agrees. */
    private void assertSameAsGeneral(final String payload) {
        final boolean accepted = fastAccepts(payload);
        final String spaced = "{ " + payload.substring(1);
        final byte[] bytes = spaced.getBytes(StandardCharsets.US_ASCII);
        final DecodeStatus status = general.decode(new UnsafeBuffer(bytes), 0, bytes.length, 42L);
        if (accepted) {
            assertEquals(DecodeStatus.OK, status, payload);
            assertStagingEquals(general.staging(), fastStaging);
        }
    }

    private static void assertStagingEquals(final DepthStaging expected, final DepthStaging actual) {
        assertEquals(expected.toString(), actual.toString());
        assertEquals(expected.exchangeTimeNs, actual.exchangeTimeNs);
        assertEquals(expected.receiveTimeNs, actual.receiveTimeNs);
        for (int i = 0; i < expected.bidCount(); i++) {
            assertEquals(expected.bidPrice(i), actual.bidPrice(i), "bid price " + i);
            assertEquals(expected.bidQty(i), actual.bidQty(i), "bid qty " + i);
            assertEquals(expected.bidPriceDecimals(i), actual.bidPriceDecimals(i), "bid price decimals " + i);
            assertEquals(expected.bidQtyDecimals(i), actual.bidQtyDecimals(i), "bid qty decimals " + i);
        }
        for (int i = 0; i < expected.askCount(); i++) {
            assertEquals(expected.askPrice(i), actual.askPrice(i), "ask price " + i);
            assertEquals(expected.askQty(i), actual.askQty(i), "ask qty " + i);
            assertEquals(expected.askPriceDecimals(i), actual.askPriceDecimals(i), "ask price decimals " + i);
            assertEquals(expected.askQtyDecimals(i), actual.askQtyDecimals(i), "ask qty decimals " + i);
        }
    }
}
