/**
 * Outbound adapter for the {@link io.idforge.identity.api.spi.GovernmentRegistry} port: our JSON
 * over HTTPS gateway protocol ({@code docs/registry-gateway-protocol.md}), spoken to the small
 * bridge each enterprise runs in front of its country's registry.
 *
 * <p>Layer rule: implements an SPI port from {@code identity-api}; depends on no core service and
 * on no other web package. MicroProfile Fault Tolerance sits on {@link
 * io.idforge.identity.web.outbound.registry.HttpGovernmentRegistry} only; {@link
 * io.idforge.identity.web.outbound.registry.RegistryGatewayClient} is plain Java. Document numbers
 * and names are never logged.
 */
package io.idforge.identity.web.outbound.registry;
