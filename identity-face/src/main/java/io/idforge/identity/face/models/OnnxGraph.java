package io.idforge.identity.face.models;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A minimal ONNX graph builder and serialiser (ModelProto / GraphProto / NodeProto /
 * AttributeProto / TensorProto / ValueInfoProto of {@code onnx.proto}), enough for plain
 * feed-forward float32 networks. Initialisers are stored as little-endian {@code raw_data}.
 * Field numbers follow onnx.proto; only the default operator domain is used.
 */
public final class OnnxGraph {

  /** IR version 8 (ONNX 1.10+) with opset 13: understood by every ONNX Runtime since 1.10. */
  public static final long IR_VERSION = 8;
  public static final long OPSET = 13;

  private static final int FLOAT = 1;
  private static final int INT64 = 7;

  /** A tensor dimension: a fixed size or a named dynamic one ({@code "N"}). */
  public record Dim(long value, String param) {
    public static Dim of(long value) {
      return new Dim(value, null);
    }

    public static Dim dynamic(String param) {
      return new Dim(-1, param);
    }
  }

  /** A node attribute; exactly one value kind is set, as its type says. */
  public record Attribute(String name, int type, float f, long i, String s, long[] ints) {
    private static final int TYPE_FLOAT = 1;
    private static final int TYPE_INT = 2;
    private static final int TYPE_STRING = 3;
    private static final int TYPE_INTS = 7;

    public static Attribute f(String name, float value) {
      return new Attribute(name, TYPE_FLOAT, value, 0, null, null);
    }

    public static Attribute i(String name, long value) {
      return new Attribute(name, TYPE_INT, 0, value, null, null);
    }

    public static Attribute s(String name, String value) {
      return new Attribute(name, TYPE_STRING, 0, 0, value, null);
    }

    public static Attribute ints(String name, long... values) {
      return new Attribute(name, TYPE_INTS, 0, 0, null, values.clone());
    }

    ProtoWriter proto() {
      ProtoWriter p = new ProtoWriter().string(1, name);
      switch (type) {
        case TYPE_FLOAT -> p.fixed32Float(2, f);
        case TYPE_INT -> p.varint(3, i);
        case TYPE_STRING -> p.string(4, s);
        case TYPE_INTS -> Arrays.stream(ints).forEach(v -> p.varint(8, v));
        default -> throw new IllegalStateException("attribute type " + type);
      }
      return p.varint(20, type);
    }
  }

  private record Node(String opType, String name, List<String> inputs, List<String> outputs,
      List<Attribute> attributes) {
    ProtoWriter proto() {
      ProtoWriter p = new ProtoWriter();
      inputs.forEach(in -> p.string(1, in));
      outputs.forEach(out -> p.string(2, out));
      p.string(3, name).string(4, opType);
      attributes.forEach(a -> p.message(5, a.proto()));
      return p;
    }
  }

  private record ValueInfo(String name, List<Dim> dims) {
    ProtoWriter proto() {
      ProtoWriter shape = new ProtoWriter();
      for (Dim d : dims) {
        ProtoWriter dim = new ProtoWriter();
        if (d.param() != null) {
          dim.string(2, d.param());
        } else {
          dim.varint(1, d.value());
        }
        shape.message(1, dim);
      }
      ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
      return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }
  }

  private final String name;
  private final List<ValueInfo> inputs = new ArrayList<>();
  private final List<ValueInfo> outputs = new ArrayList<>();
  private final List<ProtoWriter> initializers = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private int counter;

  public OnnxGraph(String name) {
    this.name = name;
  }

  public OnnxGraph input(String tensor, Dim... dims) {
    inputs.add(new ValueInfo(tensor, List.of(dims)));
    return this;
  }

  public OnnxGraph output(String tensor, Dim... dims) {
    outputs.add(new ValueInfo(tensor, List.of(dims)));
    return this;
  }

  /** Adds a float32 constant; returns its name. */
  public String initializer(String tensor, int[] dims, float[] values) {
    long count = Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b);
    if (count != values.length) {
      throw new IllegalArgumentException(tensor + ": dims " + Arrays.toString(dims) + " vs "
          + values.length + " values");
    }
    ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    addInitializer(tensor, dims, FLOAT, raw.array());
    return tensor;
  }

  /** Adds a 1-D int64 constant (e.g. the pads input of Pad); returns its name. */
  public String int64Initializer(String tensor, long... values) {
    ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    raw.asLongBuffer().put(values);
    addInitializer(tensor, new int[] {values.length}, INT64, raw.array());
    return tensor;
  }

  private void addInitializer(String tensor, int[] dims, int dataType, byte[] raw) {
    ProtoWriter p = new ProtoWriter();
    Arrays.stream(dims).forEach(d -> p.varint(1, d));
    p.varint(2, dataType).string(8, tensor).bytes(9, raw);
    initializers.add(p);
  }

  /** Adds a node with one output, named after the node; returns the output's name. */
  public String node(String opType, List<Attribute> attributes, String... inputNames) {
    String nodeName = opType + "_" + (counter++);
    return node(opType, nodeName, nodeName, attributes, inputNames);
  }

  /** Adds a node with one explicitly named output (graph outputs); returns that name. */
  public String node(String opType, String nodeName, String outputName, List<Attribute> attributes,
      String... inputNames) {
    nodes.add(new Node(opType, nodeName, List.of(inputNames), List.of(outputName),
        List.copyOf(attributes)));
    return outputName;
  }

  /**
   * Serialises a complete ModelProto.
   *
   * @param metadata stored as {@code metadata_props}, sorted by key so the bytes are reproducible
   */
  public byte[] toModel(String producerName, String producerVersion, Map<String, String> metadata) {
    ProtoWriter graph = new ProtoWriter();
    nodes.forEach(n -> graph.message(1, n.proto()));
    graph.string(2, name);
    initializers.forEach(t -> graph.message(5, t));
    inputs.forEach(v -> graph.message(11, v.proto()));
    outputs.forEach(v -> graph.message(12, v.proto()));

    ProtoWriter model = new ProtoWriter()
        .varint(1, IR_VERSION)
        .string(2, producerName)
        .string(3, producerVersion)
        .message(7, graph)
        .message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
    SortedMap<String, String> sorted = new TreeMap<>(metadata);
    sorted.forEach((k, v) -> model.message(14, new ProtoWriter().string(1, k).string(2, v)));
    return model.toByteArray();
  }
}
