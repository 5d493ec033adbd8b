/** The feature stage: order-book imbalance, microprice, spread, trade flow. */
package io.ringtrader.engine.features;
