package io.idforge.identity.web.outbound.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idforge.identity.core.application.port.WebhookSender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook HTTP client against a scripted loopback server: framing (Content-Length, chunked,
 * none), the response limit, the deadline on a dripping body, redirects not followed, keep-alive
 * reuse, a receiver that closes, and the pinned address (the URL's host is never resolved).
 */
class HttpWebhookSenderTest {

  /** What the scripted server does with one request: answer these bytes, then keep, close or hang. */
  record Answer(byte[] bytes, boolean close, long dripMillis) {
    static Answer of(String raw) {
      return new Answer(raw.getBytes(StandardCharsets.ISO_8859_1), false, 0);
    }

    Answer closing() {
      return new Answer(bytes, true, dripMillis);
    }

    Answer dripping(long millis) {
      return new Answer(bytes, close, millis);
    }
  }

  /** A loopback HTTP/1.1 server answering request n (0-based, over all connections) with script(n). */
  static final class ScriptedServer implements AutoCloseable {
    final ServerSocket socket;
    final AtomicInteger connections = new AtomicInteger();
    final List<String> heads = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    ScriptedServer(IntFunction<Answer> script) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket s = socket.accept();
            connections.incrementAndGet();
            Thread t = new Thread(() -> serve(s, script));
            t.setDaemon(true);
            t.start();
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void serve(Socket s, IntFunction<Answer> script) {
      try (s) {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        while (true) {
          String head = readHead(in);
          if (head == null) {
            return;
          }
          int length = 0;
          for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
              length = Integer.parseInt(line.substring(15).trim());
            }
          }
          heads.add(head);
          bodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
          Answer a = script.apply(requests.getAndIncrement());
          if (a.dripMillis() > 0) {
            for (byte b : a.bytes()) {
              out.write(b);
              out.flush();
              Thread.sleep(a.dripMillis());
            }
          } else {
            out.write(a.bytes());
            out.flush();
          }
          if (a.close()) {
            return;
          }
        }
      } catch (IOException | InterruptedException e) {
        // the client went away
      }
    }

    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int b;
      int state = 0;
      while ((b = in.read()) >= 0) {
        head.write(b);
        state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        if (state == 4) {
          return head.toString(StandardCharsets.ISO_8859_1);
        }
      }
      return null;
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  static final String NO_CONTENT = "HTTP/1.1 204 No Content\r\n\r\n";

  private ScriptedServer server;

  private HttpWebhookSender sender(Duration sendTimeout, int responseLimit) {
    HttpWebhookSender s = new HttpWebhookSender();
    s.connectTimeout = Duration.ofSeconds(2);
    s.requestTimeout = Duration.ofSeconds(2);
    s.sendTimeout = sendTimeout;
    s.responseLimit = responseLimit;
    s.keepAlive = Duration.ofSeconds(30);
    s.maxInFlight = 4;
    s.init();
    return s;
  }

  private HttpWebhookSender sender() {
    return sender(Duration.ofSeconds(3), 4096);
  }

  private WebhookSender.Request post(String host) {
    return new WebhookSender.Request(
        "http://" + host + ":" + server.port() + "/hook?x=1",
        "POST",
        Map.of("Content-Type", "application/jwt", "Idforge-Event-Id", "HKE1"),
        "a.b.c",
        List.of(InetAddress.getLoopbackAddress()));
  }

  private WebhookSender.Request post() {
    return post("127.0.0.1");
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aContentLengthAnswerIsReadAndTheConnectionReused() throws Exception {
    server = new ScriptedServer(n -> Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));
    HttpWebhookSender s = sender();
    assertEquals(new WebhookSender.Result(200, null), s.send(post()));
    assertEquals(new WebhookSender.Result(200, null), s.send(post()));
    assertEquals(new WebhookSender.Result(200, null), s.send(post()));
    assertEquals(1, server.connections.get(), "one keep-alive connection for three requests");
    assertEquals("a.b.c", server.bodies.get(0));
    String head = server.heads.get(0);
    assertTrue(head.startsWith("POST /hook?x=1 HTTP/1.1\r\n"), head);
    assertTrue(head.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), head);
    assertTrue(head.contains("\r\nContent-Length: 5\r\n"), head);
    assertTrue(head.contains("\r\nIdforge-Event-Id: HKE1\r\n"), head);
  }

  @Test
  void aChunkedAnswerIsReadToItsEndAndTheConnectionReused() throws Exception {
    server = new ScriptedServer(n -> Answer.of("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"));
    HttpWebhookSender s = sender();
    assertEquals(new WebhookSender.Result(202, null), s.send(post()));
    assertEquals(new WebhookSender.Result(202, null), s.send(post()));
    assertEquals(1, server.connections.get());
  }

  @Test
  void anAnswerOverTheLimitIsNotReadOnAndItsConnectionClosed() throws Exception {
    String big = "x".repeat(10_000);
    server = new ScriptedServer(n -> n % 2 == 0
        ? Answer.of("HTTP/1.1 200 OK\r\nContent-Length: " + big.length() + "\r\n\r\n" + big)
        : Answer.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n"));
    HttpWebhookSender s = sender(Duration.ofSeconds(3), 100);
    assertEquals(new WebhookSender.Result(200, null), s.send(post()), "the status counts; the body is not read");
    assertEquals(new WebhookSender.Result(200, null), s.send(post()), "chunked over the limit too");
    assertEquals(2, server.connections.get(), "a connection with unread body is never reused");
    s.send(post());
    assertEquals(3, server.connections.get());
  }

  @Test
  void aBodyDrippingPastTheSendTimeoutIsATimeout() throws Exception {
    // Each byte comes well within the request timeout; the whole answer would take ~6 s.
    server = new ScriptedServer(n -> Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 60\r\n\r\n" + "y".repeat(60)).dripping(100));
    HttpWebhookSender s = sender(Duration.ofMillis(800), 4096);
    long start = System.nanoTime();
    assertEquals(new WebhookSender.Result(null, "timeout"), s.send(post()));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMillis >= 700 && tookMillis < 2500, "bounded by send-timeout, took " + tookMillis + " ms");
  }

  @Test
  void aRedirectIsAnAnswerNotFollowed() throws Exception {
    server = new ScriptedServer(n -> Answer.of("HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/latest\r\nContent-Length: 0\r\n\r\n"));
    WebhookSender.Result r = sender().send(post());
    assertEquals(new WebhookSender.Result(302, null), r);
    assertEquals(false, r.delivered());
    assertEquals(1, server.heads.size(), "no second request");
  }

  @Test
  void aReceiverThatClosesGetsAFreshConnectionNextTime() throws Exception {
    // Request 0: "Connection: close". Request 1: an unframed body ended by closing.
    // Request 2: kept alive but the server drops it while idle, before request 3 (a stale connection).
    server = new ScriptedServer(n -> switch (n) {
      case 0 -> Answer.of("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok").closing();
      case 1 -> Answer.of("HTTP/1.1 200 OK\r\n\r\nunframed").closing();
      case 2 -> Answer.of(NO_CONTENT).closing();
      default -> Answer.of(NO_CONTENT);
    });
    HttpWebhookSender s = sender();
    assertEquals(new WebhookSender.Result(200, null), s.send(post()));
    assertEquals(new WebhookSender.Result(200, null), s.send(post()));
    assertEquals(new WebhookSender.Result(204, null), s.send(post()));
    assertEquals(3, server.connections.get());
    Thread.yield();
    // The pooled connection of request 2 is closed by now (or soon): the send retries once afresh.
    assertEquals(new WebhookSender.Result(204, null), s.send(post()));
    assertEquals(4, server.connections.get());
    assertEquals(4, server.heads.size(), "nothing sent twice to the receiver");
  }

  @Test
  void theSendConnectsToTheCheckedAddressAndNeverResolvesTheHost() throws Exception {
    server = new ScriptedServer(n -> Answer.of(NO_CONTENT));
    // ".invalid" never resolves (RFC 6761): a send that looked the name up would fail.
    WebhookSender.Result r = sender().send(post("rebind.invalid"));
    assertEquals(new WebhookSender.Result(204, null), r);
    assertTrue(server.heads.get(0).contains("\r\nHost: rebind.invalid:" + server.port() + "\r\n"), server.heads.get(0));
  }

  @Test
  void noCheckedAddressNoSend() throws Exception {
    server = new ScriptedServer(n -> Answer.of(NO_CONTENT));
    WebhookSender.Request unchecked =
        new WebhookSender.Request("http://127.0.0.1:" + server.port() + "/hook", "POST", Map.of(), "a.b.c", List.of());
    assertEquals(new WebhookSender.Result(null, "refused: no checked address"), sender().send(unchecked));
    assertEquals(0, server.connections.get());
  }

  @Test
  void aHeaderThatWouldSplitTheRequestIsRefused() throws Exception {
    server = new ScriptedServer(n -> Answer.of(NO_CONTENT));
    WebhookSender.Request injected = new WebhookSender.Request(
        "http://127.0.0.1:" + server.port() + "/hook", "POST", Map.of("X-Evil", "a\r\nHost: other"), "a.b.c",
        List.of(InetAddress.getLoopbackAddress()));
    assertEquals(new WebhookSender.Result(null, "invalid request"), sender().send(injected));
    assertEquals(0, server.heads.size());
  }

  @Test
  void aSilentReceiverIsATimeoutAndARefusedPortAnIoError() throws Exception {
    server = new ScriptedServer(n -> Answer.of(NO_CONTENT).dripping(5_000));
    assertEquals(new WebhookSender.Result(null, "timeout"), sender(Duration.ofMillis(500), 4096).send(post()));
    // A port bound by a socket that never listens: connecting is refused, and unlike a closed
    // server's port no other process on a busy machine can start listening on it meanwhile.
    try (Socket bound = new Socket()) {
      bound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      WebhookSender.Request refused = new WebhookSender.Request(
          "http://127.0.0.1:" + bound.getLocalPort() + "/hook", "POST", Map.of(), "a.b.c",
          List.of(InetAddress.getLoopbackAddress()));
      assertEquals(new WebhookSender.Result(null, "io: ConnectException"), sender().send(refused));
    }
  }
}
