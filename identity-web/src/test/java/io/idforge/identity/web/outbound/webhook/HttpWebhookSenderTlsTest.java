package io.idforge.identity.web.outbound.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idforge.identity.core.application.port.WebhookSender;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS of the webhook client: the certificate is checked against the URL's host even though the
 * connection goes to a pinned address, so a name that resolves (or is pinned) to a server holding
 * another name's certificate is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpWebhookSenderTlsTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  private SSLContext context;
  private SSLServerSocket server;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("hooks.p12");
    Process keytool = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "hooks",
            "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hooks.test", "-ext", "san=dns:hooks.test",
            "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
            "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
        .redirectErrorStream(true)
        .start();
    keytool.getInputStream().readAllBytes();
    keytool.waitFor(60, TimeUnit.SECONDS);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks); // the test's own certificate is the only trusted one
    context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try (SSLSocket s = (SSLSocket) server.accept()) {
          InputStream in = s.getInputStream();
          int state = 0;
          int b;
          while (state < 4 && (b = in.read()) >= 0) {
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
          }
          in.readNBytes(5); // "a.b.c"
          OutputStream out = s.getOutputStream();
          out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (Exception e) {
          // a refused handshake ends that connection only
        }
      }
    });
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  private WebhookSender.Result send(String host) {
    HttpWebhookSender s = new HttpWebhookSender();
    s.connectTimeout = Duration.ofSeconds(5);
    s.requestTimeout = Duration.ofSeconds(5);
    s.sendTimeout = Duration.ofSeconds(10);
    s.responseLimit = 4096;
    s.keepAlive = Duration.ofSeconds(30);
    s.maxInFlight = 2;
    s.tls = context.getSocketFactory();
    s.init();
    return s.send(new WebhookSender.Request(
        "https://" + host + ":" + server.getLocalPort() + "/hook", "POST", Map.of(), "a.b.c",
        List.of(InetAddress.getLoopbackAddress())));
  }

  @Test
  void theCertificateOfTheUrlsHostIsAccepted() {
    assertEquals(new WebhookSender.Result(204, null), send("hooks.test"));
  }

  @Test
  void aCertificateForAnotherNameIsRefusedAtThePinnedAddress() {
    assertEquals(new WebhookSender.Result(null, "io: SSLHandshakeException"), send("other.test"));
  }
}
