package io.idforge.identity.core.document.image;

import io.idforge.identity.core.fixtures.ImageBombs;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What each bomb shape costs the decoder: wall time, bytes allocated by the decoding thread and
 * the heap in use right after, one decode per shape with {@link ImageDecoder#withDefaults()}. A
 * command, not a test (time is no assertion on a shared machine):
 *
 * <pre>
 * java -cp identity-core/target/test-classes:identity-core/target/classes:&lt;deps&gt; \
 *   io.idforge.identity.core.document.image.ImageBombBench [shape ...]
 * </pre>
 *
 * Prints one markdown table row per shape.
 */
public final class ImageBombBench {

  private ImageBombBench() {}

  static Map<String, Supplier<byte[]>> shapes() {
    Map<String, Supplier<byte[]>> shapes = new LinkedHashMap<>();
    shapes.put("png-1x200000000", () -> ImageBombs.blackPng(1, 200_000_000L));
    shapes.put("png-30000x30000", () -> ImageBombs.blackPng(30_000, 30_000));
    shapes.put("jpeg-header-40000x40000", () -> ImageBombs.jpegDeclaring(40_000, 40_000));
    shapes.put("png-12000x400-aspect-30", () -> ImageBombs.solidRgbPng(12_000, 400, 200, 30, 30));
    shapes.put("png-solid-rgb-12000x12000", () -> ImageBombs.solidRgbPng(12_000, 12_000, 200, 30, 30));
    shapes.put("webp-header-16384x16384", () -> ImageBombs.webpDeclaring(16_384, 16_384));
    shapes.put("webp-canvas-100x100-frame-16384x16384",
        () -> ImageBombs.webpCanvasHidingFrame(100, 100, 16_384, 16_384));
    return shapes;
  }

  public static void main(String[] args) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    ImageDecoder decoder = ImageDecoder.withDefaults();
    decoder.decode(ImageBombs.encode(SyntheticDocuments.sharpCard(800, 500), "png")); // warm-up
    System.out.println("| shape | file | outcome | time | allocated by the decode | heap used after |");
    System.out.println("|---|---|---|---|---|---|");
    for (Map.Entry<String, Supplier<byte[]>> shape : shapes().entrySet()) {
      if (args.length > 0 && !java.util.Arrays.asList(args).contains(shape.getKey())) {
        continue;
      }
      byte[] bytes = shape.getValue().get();
      System.gc();
      long allocated = threads.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      ImageDecoding outcome = decoder.decode(bytes);
      long nanos = System.nanoTime() - start;
      allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
      Runtime rt = Runtime.getRuntime();
      long heap = rt.totalMemory() - rt.freeMemory();
      String verdict =
          outcome instanceof ImageDecoding.Decoded d
              ? "decoded to " + d.image().getWidth() + "x" + d.image().getHeight()
              : "refused: " + ((ImageDecoding.NotDecoded) outcome).declinedReason();
      System.out.println(String.format(Locale.ROOT, "| %s | %d KB | %s | %.1f ms | %.1f MB | %.0f MB |",
          shape.getKey(), bytes.length / 1024, verdict, nanos / 1e6, allocated / 1e6, heap / 1e6));
      outcome = null;
    }
  }
}
