package io.idforge.identity.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.web.it.ApiClient.Resp;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A revoke raced against the first open of the same link: the revoke always wins or waits its
 * turn (200, never a 409 "changed concurrently"), the open either happened before it (200) or
 * sees the revocation (403), and afterwards the token opens nothing, by API or by process URL.
 */
class RevokeRaceIT extends ItSupport {

  private static final int TRIALS = 50;

  @Test
  void aRevokeRacingAnOpenAlwaysWinsAndTellsTheTruth() {
    Tenant tenant = newTenant("RevokeRace");
    String flowId = createFlow(tenant, flowJson("Race", 60, "email-verification"));
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      tokens.add(mintToken(tenant, flowId));
    }
    List<String> problems = new ArrayList<>();
    int openedFirst = 0;
    for (String token : tokens) {
      String jti = Jwts.claims(token).getJWTID();
      // Fired together: the open locks the token row and binds a new process to it while the
      // revoke updates the same row.
      CompletableFuture<Resp> open =
          api.sendAsync(api.request("/v1/processes", token).POST(HttpRequest.BodyPublishers.noBody()));
      CompletableFuture<Resp> revoke =
          api.sendAsync(api.request("/v1/api-keys/" + jti, tenant.apiKey()).timeout(Duration.ofSeconds(30)).DELETE());
      Resp opened = open.join();
      Resp revoked = revoke.join();
      if (revoked.status() != 200 || !revoked.body().equals("{\"message\":\"API key successfully revoked\"}")) {
        problems.add("revoke answered " + revoked);
      }
      if (opened.status() == 200) {
        openedFirst++;
      } else if (opened.status() != 403) {
        problems.add("open answered " + opened);
      }
      Resp after = api.postEmpty("/v1/processes", token);
      if (after.status() != 403) {
        problems.add("token still usable after its revoke: " + after);
      }
      Resp link = api.get("/?token=" + encode(token), null);
      if (link.status() != 403) {
        problems.add("process URL still opens after the revoke: HTTP " + link.status());
      }
      // A second revoke is truthfully "already revoked".
      Resp again = api.delete("/v1/api-keys/" + jti, tenant.apiKey());
      if (again.status() != 409 || !again.body().contains("already been revoked")) {
        problems.add("second revoke answered " + again);
      }
    }
    assertTrue(
        problems.isEmpty(),
        () -> problems.size() + " problems in " + TRIALS + " trials, first: " + problems.subList(0, Math.min(4, problems.size())));
    // Both orders must have happened for the race to mean anything; report the split.
    int opened = openedFirst;
    System.out.println("RevokeRaceIT: " + TRIALS + " trials, open before revoke " + opened + ", after " + (TRIALS - opened));
  }
}
