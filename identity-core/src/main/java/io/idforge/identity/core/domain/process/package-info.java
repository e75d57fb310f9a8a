/**
 * Identity processes ({@link io.idforge.identity.core.domain.process.IdentityProcess}): one run of
 * a flow for one account, with its status model and expiry rules.
 */
package io.idforge.identity.core.domain.process;
