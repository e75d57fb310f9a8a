/**
 * Desktop-to-phone hand-off links ({@link io.idforge.identity.core.domain.handoff.Handoff}): a
 * short-lived, single-use link that lets a phone resume the process a desktop browser opened.
 * Core domain: imports nothing from web, persistence or face.
 */
package io.idforge.identity.core.domain.handoff;
