package io.idforge.identity.face.models;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reader of TF.js "weights manifests" (the {@code *-weights_manifest.json} + {@code .bin} shard
 * format of {@code tf.io}): float32 weights, optionally quantised to uint8/uint16 with an affine
 * {@code value = q * scale + min}, exactly as tf.io's {@code decodeWeights} de-quantises them
 * (computed in double, stored as float32).
 */
public final class TfjsWeights {

  /** One named weight tensor in TF layout (conv filters HWIO, depthwise filters [kh,kw,C,1]). */
  public record Tensor(String name, int[] shape, float[] values) {

    public Tensor {
      long count = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
      if (count != values.length) {
        throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs "
            + count + " values, have " + values.length);
      }
    }

    public int dim(int i) {
      return shape[i];
    }
  }

  private final Map<String, Tensor> tensors;

  private TfjsWeights(Map<String, Tensor> tensors) {
    this.tensors = tensors;
  }

  /**
   * Parses a manifest and its shards.
   *
   * @param manifestJson the manifest file's bytes
   * @param shards resolves a shard path as written in the manifest ({@code "paths"}) to its bytes
   */
  public static TfjsWeights read(byte[] manifestJson, Function<String, byte[]> shards) {
    JsonArray groups;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(manifestJson))) {
      groups = reader.readArray();
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (JsonValue g : groups) {
      JsonObject group = g.asJsonObject();
      // The weights of a group are laid out back to back across the concatenation of its shards.
      ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
      for (JsonValue path : group.getJsonArray("paths")) {
        byte[] shard = shards.apply(((JsonString) path).getString());
        concatenated.writeBytes(shard);
      }
      ByteBuffer data = ByteBuffer.wrap(concatenated.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
      for (JsonValue w : group.getJsonArray("weights")) {
        Tensor t = readWeight(w.asJsonObject(), data);
        tensors.put(t.name(), t);
      }
      if (data.hasRemaining()) {
        throw new IllegalArgumentException("weights manifest: " + data.remaining()
            + " bytes left over in shard group " + group.getJsonArray("paths"));
      }
    }
    return new TfjsWeights(tensors);
  }

  private static Tensor readWeight(JsonObject weight, ByteBuffer data) {
    String name = weight.getString("name");
    if (!"float32".equals(weight.getString("dtype"))) {
      throw new IllegalArgumentException(name + ": unsupported dtype " + weight.getString("dtype"));
    }
    int[] shape = weight.getJsonArray("shape").getValuesAs(JsonNumber.class).stream()
        .mapToInt(JsonNumber::intValueExact).toArray();
    int count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
    float[] values = new float[count];
    JsonObject quantization = weight.getJsonObject("quantization");
    int bytesPerValue = quantization == null ? 4 : "uint8".equals(quantization.getString("dtype")) ? 1 : 2;
    if (data.remaining() < (long) bytesPerValue * count) {
      throw new IllegalArgumentException(name + ": shards end " + ((long) bytesPerValue * count - data.remaining())
          + " bytes early");
    }
    if (quantization == null) {
      data.asFloatBuffer().get(values);
      data.position(data.position() + 4 * count);
    } else {
      String qtype = quantization.getString("dtype");
      if (!quantization.containsKey("scale") || !quantization.containsKey("min")) {
        throw new IllegalArgumentException(name + ": only affine (scale/min) quantisation is supported");
      }
      double scale = quantization.getJsonNumber("scale").doubleValue();
      double min = quantization.getJsonNumber("min").doubleValue();
      switch (qtype) {
        case "uint8" -> {
          for (int i = 0; i < count; i++) {
            values[i] = dequantize(Byte.toUnsignedInt(data.get()), scale, min);
          }
        }
        case "uint16" -> {
          for (int i = 0; i < count; i++) {
            values[i] = dequantize(Short.toUnsignedInt(data.getShort()), scale, min);
          }
        }
        default -> throw new IllegalArgumentException(name + ": unsupported quantisation " + qtype);
      }
    }
    return new Tensor(name, shape, values);
  }

  /** tf.io: {@code v * scale + min} in JavaScript doubles, then stored into a Float32Array. */
  static float dequantize(int quantized, double scale, double min) {
    return (float) (quantized * scale + min);
  }

  public Tensor get(String name) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no weight named " + name);
    }
    return t;
  }

  public Map<String, Tensor> all() {
    return tensors;
  }
}
