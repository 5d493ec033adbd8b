/**
 * The REST client base every venue gateway uses: {@link io.ringtrader.gateway.common.rest.RestClientBase} (requests on
 * the JDK's HTTP client and its own executor, a signing hook, the server-time offset, the handling of 429, 418 and
 * 503), the rate-limit state it checks before each request ({@link io.ringtrader.gateway.common.rest.RateLimitState}),
 * failures as {@link io.ringtrader.gateway.common.rest.RestException}s, and small readers of JSON answers
 * ({@link io.ringtrader.gateway.common.rest.RestJson}). Nothing here runs on a ring thread.
 */
package io.ringtrader.gateway.common.rest;
