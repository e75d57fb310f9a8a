/** {@code /v1/accounts}: the people a tenant validates. */
package io.idforge.identity.web.rest.accounts;
