/**
 * Rate limits of the API, in memory on each node: authentication failures per client address and
 * per presented key, and web-token issuance per backend key and per client address. Web layer
 * only; the limits are configured by {@code identity.rate-limits.*}.
 */
package io.idforge.identity.web.ratelimit;
