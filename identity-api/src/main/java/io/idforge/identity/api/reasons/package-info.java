/**
 * The declined and expired reason catalogue as data, with stable wire codes. Core and web look
 * codes up here; an unknown code is rejected at the boundary.
 */
package io.idforge.identity.api.reasons;
