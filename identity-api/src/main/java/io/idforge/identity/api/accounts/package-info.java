/**
 * Wire contract of {@code /v1/accounts} (Truora's validators API): the strict creation form and
 * the account answers.
 */
package io.idforge.identity.api.accounts;
