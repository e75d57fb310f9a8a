package io.idforge.identity.face.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TfjsWeightsTest {

  private static final double SCALE = 0.004853619781194949;
  private static final double MIN = -0.5872879935245888;

  /** Two groups; the first spreads a quantised and a float32 weight over two shards. */
  private static final String MANIFEST = """
      [
        {"paths": ["shard1", "shard2"], "weights": [
          {"name": "q/filters", "shape": [2, 3], "dtype": "float32",
           "quantization": {"dtype": "uint8", "scale": %s, "min": %s}},
          {"name": "f/bias", "shape": [2], "dtype": "float32"}]},
        {"paths": ["shard3"], "weights": [
          {"name": "q16", "shape": [2], "dtype": "float32",
           "quantization": {"dtype": "uint16", "scale": 0.5, "min": -1}}]}
      ]
      """.formatted(SCALE, MIN);

  @Test
  void dequantisesUint8AsQTimesScalePlusMinInFloat32() {
    byte[] quantised = {0, 1, 2, (byte) 127, (byte) 128, (byte) 255};
    ByteBuffer floats = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2.25e-7f);
    byte[] all = ByteBuffer.allocate(14).put(quantised).put(floats.array()).array();
    // The group's bytes are split across two shards in the middle of the float32 weight.
    byte[] shard1 = Arrays.copyOfRange(all, 0, 9);
    byte[] shard2 = Arrays.copyOfRange(all, 9, 14);
    byte[] shard3 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) 0).putShort((short) 65535).array();

    TfjsWeights weights = TfjsWeights.read(MANIFEST.getBytes(StandardCharsets.UTF_8),
        Map.of("shard1", shard1, "shard2", shard2, "shard3", shard3)::get);

    TfjsWeights.Tensor q = weights.get("q/filters");
    assertArrayEquals(new int[] {2, 3}, q.shape());
    assertEquals((float) MIN, q.values()[0]);
    assertEquals((float) (MIN + SCALE), q.values()[1]);
    assertEquals((float) (127 * SCALE + MIN), q.values()[3]);
    assertEquals((float) (255 * SCALE + MIN), q.values()[5]);
    assertTrue(Math.abs(q.values()[5] - 0.6503851) < 1e-6, "255 * scale + min, not a signed byte");
    assertArrayEquals(new float[] {1.5f, -2.25e-7f}, weights.get("f/bias").values());
    assertArrayEquals(new float[] {-1f, 32766.5f}, weights.get("q16").values());
  }

  @Test
  void refusesShardsOfTheWrongLength() {
    byte[] manifest = """
        [{"paths": ["s"], "weights": [{"name": "w", "shape": [3], "dtype": "float32"}]}]
        """.getBytes(StandardCharsets.UTF_8);
    assertThrows(IllegalArgumentException.class,
        () -> TfjsWeights.read(manifest, path -> new byte[16]), "4 bytes left over");
    assertThrows(IllegalArgumentException.class, () -> TfjsWeights.read(manifest, path -> new byte[8]),
        "4 bytes missing");
  }

  @Test
  void refusesUnsupportedTypes() {
    byte[] manifest = """
        [{"paths": ["s"], "weights": [{"name": "w", "shape": [1], "dtype": "int32"}]}]
        """.getBytes(StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TfjsWeights.read(manifest, path -> new byte[4]));
    assertTrue(e.getMessage().contains("int32"), e.getMessage());
  }

  @Test
  void unknownWeightNamesAreAnError() {
    TfjsWeights weights = TfjsWeights.read("[]".getBytes(StandardCharsets.UTF_8), path -> new byte[0]);
    assertThrows(IllegalArgumentException.class, () -> weights.get("fc"));
  }
}
