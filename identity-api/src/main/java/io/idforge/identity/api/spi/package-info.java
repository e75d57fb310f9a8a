/**
 * Provider SPI: the ports through which core and the hosted flow reach outside providers and
 * engines (e-mail, SMS, OCR, face matching, registries). Core depends on these interfaces only;
 * the adapters live in {@code identity-web} (e-mail and SMS in its {@code outbound} package) and
 * are chosen by configuration, with an explicit "not configured" state instead of a dummy.
 *
 * <p>Layer rule: plain Java, no Jakarta EE or MicroProfile types, so a test harness can implement
 * a port without a container. Exception messages carry no personal data (phone numbers, e-mail
 * addresses, message texts, images): they end up in logs.
 */
package io.idforge.identity.api.spi;
