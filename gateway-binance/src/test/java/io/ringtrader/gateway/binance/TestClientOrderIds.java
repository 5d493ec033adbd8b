package io.ringtrader.gateway.binance;

import io.ringtrader.gateway.binance.user.ClientOrderIds;

/** The session whose client order ids the unit tests' frames and requests carry: {@code rt-loyw3v2801a-<n>}. */
public final class TestClientOrderIds {
    /** The session tag: started at 1,700,000,000,000 ms ({@code loyw3v28}) with salt 46 ({@code 01a}). */
    public static final String TAG = "loyw3v2801a";
    /** The session's ids. */
    public static final ClientOrderIds SESSION = new ClientOrderIds(TAG);
    /** Another session's tag (one millisecond later). */
    public static final String OTHER_TAG = "loyw3v2901a";

    private TestClientOrderIds() {
    }
}
