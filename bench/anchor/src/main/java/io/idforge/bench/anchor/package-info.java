/**
 * The bench's anchor WAR: one constant JAX-RS GET, deployed on the same Payara Micro as the service
 * by {@code bench/run.sh} to measure what the bare stack costs per request.
 */
package io.idforge.bench.anchor;
