import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast local receiver of bench/webhooks.sh (run as a single-file program: java WebhookReceiver.java PORT).
 * Answers 204 to every delivery at once and counts them; GET /count answers "requests distinct-event-ids".
 */
public class WebhookReceiver {
  public static void main(String[] args) throws IOException {
    AtomicLong requests = new AtomicLong();
    Set<String> events = ConcurrentHashMap.newKeySet();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
    server.createContext("/hook", ex -> {
      try (ex) {
        ex.getRequestBody().readAllBytes();
        String id = ex.getRequestHeaders().getFirst("Idforge-Event-Id");
        if (id != null) {
          events.add(id);
        }
        requests.incrementAndGet();
        ex.sendResponseHeaders(204, -1);
      }
    });
    server.createContext("/count", ex -> {
      byte[] body = (requests.get() + " " + events.size()).getBytes(StandardCharsets.US_ASCII);
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    System.out.println("receiver listening on " + args[0]);
  }
}
