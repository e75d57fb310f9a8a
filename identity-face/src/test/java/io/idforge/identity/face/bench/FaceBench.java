package io.idforge.identity.face.bench;

import io.idforge.identity.api.spi.FaceComparison;
import io.idforge.identity.face.engine.FaceBox;
import io.idforge.identity.face.engine.FaceEngine;
import io.idforge.identity.face.engine.FaceEngineSettings;
import io.idforge.identity.face.engine.ModelSource;
import io.idforge.identity.face.engine.Pictures;
import io.idforge.identity.face.engine.RgbImage;
import io.idforge.identity.face.engine.Role;
import io.idforge.identity.face.engine.TestModels;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Face-check benchmark, run by {@code bench/face.sh}: per-size latency of a full 1:1 check
 * (decode both pictures, detect, landmarks, align, describe, compare) on one thread, and checks
 * per second with 1 and 2 worker threads sharing one engine. Prints Markdown.
 *
 * <p>Arguments: {@code latency|throughput} [seconds per throughput run]. Models via {@code
 * identity.face.model-dir} or the classpath, portraits via {@code face.portraits}, natives in
 * {@code identity.face.work-dir}.
 */
public final class FaceBench {

  private FaceBench() {}

  record Case(String name, byte[] selfie, byte[] document) {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "latency";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    ModelSource source = TestModels.source();
    FaceEngineSettings settings = FaceEngineSettings.defaults(TestModels.workDir());
    long t0 = System.nanoTime();
    try (FaceEngine engine = FaceEngine.open(source, settings)) {
      double openMs = (System.nanoTime() - t0) / 1e6;
      List<Case> cases = cases(engine);
      for (Case c : cases) {
        FaceComparison r = engine.compare(c.selfie(), c.document());
        if (r.verdict() != FaceComparison.Verdict.COMPARED) {
          throw new IllegalStateException(c.name() + ": " + r);
        }
      }
      if (mode.equals("latency")) {
        latency(engine, cases, openMs);
      } else {
        throughput(engine, cases, seconds);
      }
      memory();
    }
  }

  static List<Case> cases(FaceEngine engine) throws Exception {
    BufferedImage grace = Pictures.portrait("grace_hopper.jpg");
    FaceBox face = engine.analyse(Pictures.bytes("grace_hopper.jpg"), Role.SELFIE).face()
        .orElseThrow();
    byte[] card = Pictures.documentRendition(grace, face, 3, 1);
    byte[] card1000 = cardAt(card, 1000);
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("selfie 512×600 + card 856×540", Pictures.jpeg(grace, 0.9f), card));
    cases.add(new Case("selfie 874×1024 + card 1000×631",
        Pictures.jpeg(Pictures.scaled(grace, 1024.0 / 600), 0.9f), card1000));
    cases.add(new Case("selfie 1920×1350 + card 1000×631", Pictures.jpeg(landscape(grace), 0.9f),
        card1000));
    return cases;
  }

  /** A 1920×1350 landscape selfie: the portrait scaled to full height on a textured background. */
  static BufferedImage landscape(BufferedImage portrait) {
    BufferedImage out = Pictures.texture(1920, 1350, 5);
    BufferedImage scaled = Pictures.scaled(portrait, 1350.0 / portrait.getHeight());
    Graphics2D g = out.createGraphics();
    g.drawImage(scaled, (1920 - scaled.getWidth()) / 2, 0, null);
    g.dispose();
    return out;
  }

  static byte[] cardAt(byte[] cardJpeg, int width) throws Exception {
    BufferedImage card = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(cardJpeg));
    int h = (int) Math.round(card.getHeight() * (double) width / card.getWidth());
    BufferedImage out = new BufferedImage(width, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
        RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setColor(Color.WHITE);
    g.drawImage(card, 0, 0, width, h, null);
    g.dispose();
    return Pictures.jpeg(out, 0.85f);
  }

  static void latency(FaceEngine engine, List<Case> cases, double openMs) throws Exception {
    System.out.printf(Locale.ROOT, "Engine open (natives already extracted, 3 sessions): %.0f ms%n%n",
        openMs);
    System.out.println("| case | full check median | p90 | selfie decode | selfie analyse |"
        + " document decode | document analyse |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Case c : cases) {
      for (int i = 0; i < 30; i++) {
        engine.compare(c.selfie(), c.document()); // warm-up: JIT and ORT arenas
      }
      int n = 60;
      double[] full = new double[n];
      double[] sd = new double[n];
      double[] sa = new double[n];
      double[] dd = new double[n];
      double[] da = new double[n];
      for (int i = 0; i < n; i++) {
        long a = System.nanoTime();
        engine.compare(c.selfie(), c.document());
        full[i] = ms(a);
        a = System.nanoTime();
        RgbImage s = engine.decode(c.selfie()).orElseThrow();
        sd[i] = ms(a);
        a = System.nanoTime();
        engine.analyse(s, Role.SELFIE);
        sa[i] = ms(a);
        a = System.nanoTime();
        RgbImage d = engine.decode(c.document()).orElseThrow();
        dd[i] = ms(a);
        a = System.nanoTime();
        engine.analyse(d, Role.DOCUMENT);
        da[i] = ms(a);
      }
      System.out.printf(Locale.ROOT, "| %s | **%.1f ms** | %.1f ms | %.1f | %.1f | %.1f | %.1f |%n",
          c.name(), pct(full, 50), pct(full, 90), pct(sd, 50), pct(sa, 50), pct(dd, 50),
          pct(da, 50));
    }
    System.out.println();
  }

  static void throughput(FaceEngine engine, List<Case> cases, int seconds) throws Exception {
    System.out.println("| case | 1 worker | other load | 2 workers | other load |");
    System.out.println("|---|---|---|---|---|");
    for (Case c : cases) {
      double[] one = run(engine, c, 1, seconds);
      double[] two = run(engine, c, 2, seconds);
      System.out.printf(Locale.ROOT,
          "| %s | %.1f checks/s | %.2f cores | **%.1f checks/s** | %.2f cores |%n",
          c.name(), one[0], one[1], two[0], two[1]);
    }
    System.out.println();
  }

  /** Checks per second, and cores other processes kept busy meanwhile. */
  static double[] run(FaceEngine engine, Case c, int workers, int seconds) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Thread t = new Thread(() -> {
        try {
          while (!stop.get()) {
            engine.compare(c.selfie(), c.document());
            if (measuring.get()) {
              done.incrementAndGet();
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      t.start();
      threads.add(t);
    }
    Thread.sleep(2000); // warm-up
    measuring.set(true);
    long start = System.nanoTime();
    long[] cpu0 = cpuTicks();
    Thread.sleep(seconds * 1000L);
    long count = done.get();
    long[] cpu1 = cpuTicks();
    double elapsed = (System.nanoTime() - start) / 1e9;
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    double otherCores = ((cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1])) / 100.0 / elapsed;
    return new double[] {count / elapsed, Math.max(0, otherCores)};
  }

  /** Busy ticks of the whole machine and of this process (USER_HZ = 100 on Linux). */
  static long[] cpuTicks() throws Exception {
    String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i < all.length; i++) {
      if (i != 4 && i != 5 && i < 9) { // not idle, iowait, or guest (counted in user)
        busy += Long.parseLong(all[i]);
      }
    }
    String self = Files.readString(Path.of("/proc/self/stat"));
    String[] f = self.substring(self.lastIndexOf(')') + 2).split(" ");
    long own = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
    return new long[] {busy, own};
  }

  static void memory() throws Exception {
    String status = Files.readString(Path.of("/proc/self/status"));
    String rss = field(status, "VmRSS");
    String hwm = field(status, "VmHWM");
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT,
        "Memory at the end: VmRSS %s, VmHWM (peak RSS) %s; Java heap used %d MB of max %d MB.%n%n",
        rss, hwm, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
  }

  private static String field(String status, String name) {
    return status.lines().filter(l -> l.startsWith(name + ":"))
        .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse("?");
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static double pct(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
