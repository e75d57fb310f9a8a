package io.idforge.identity.core.domain.webhook;

import java.util.List;
import java.util.Optional;

/** Port for a tenant's webhook endpoints; deleted endpoints are invisible here. */
public interface WebhookEndpointRepository {

  void store(WebhookEndpoint endpoint);

  Optional<WebhookEndpoint> find(String clientId, String endpointId);

  /** Any tenant's endpoint by id, deleted ones included: for the delivery job. */
  Optional<WebhookEndpoint> findForDelivery(String endpointId);

  /** Live endpoints of a tenant, newest first below {@code beforeId}, up to {@code limit}. */
  List<WebhookEndpoint> list(String clientId, long beforeId, int limit);

  /** Live, enabled endpoints of a tenant: the fan-out's candidates. */
  List<WebhookEndpoint> listEnabled(String clientId);
}
