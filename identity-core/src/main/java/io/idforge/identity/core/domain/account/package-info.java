/** Accounts: the people a tenant validates ({@link io.idforge.identity.core.domain.account.Account}). */
package io.idforge.identity.core.domain.account;
