/** Deterministic replay of journals through the live business stages: digest, verify, reports. */
package io.ringtrader.replay;
