/** Venue stages: where accepted order commands go (live venues and the paper venue plug in here). */
package io.ringtrader.engine.execution;
