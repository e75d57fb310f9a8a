package io.idforge.identity.face.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the three ONNX files come from: the {@code face-models/} resources the build puts in the
 * identity-face jar, or a directory (configuration {@code identity.face.model-dir}) with the same
 * file names.
 */
public sealed interface ModelSource {

  String DETECTOR = "detector.onnx";
  String LANDMARKS = "landmarks68.onnx";
  String DESCRIPTOR = "descriptor.onnx";

  /** The three files the engine needs. */
  List<String> REQUIRED = List.of(DETECTOR, LANDMARKS, DESCRIPTOR);

  /** The bytes of model {@code name}, or empty when this source does not have it. */
  Optional<byte[]> read(String name) throws IOException;

  /** For logs: where the models are looked for. */
  String describe();

  /** The required files this source lacks; empty when the engine can run. */
  default List<String> missing() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String name : REQUIRED) {
      if (!has(name)) {
        missing.add(name);
      }
    }
    return missing;
  }

  /** True when model {@code name} is present (without reading it). */
  boolean has(String name);

  /** The models built into the jar, resources {@code face-models/*}. */
  static ModelSource classpath() {
    return new Classpath(ModelSource.class.getClassLoader());
  }

  /** A folder holding the model files. */
  static ModelSource directory(Path dir) {
    return new Directory(dir);
  }

  /** {@code dir} when given, else the jar's models. */
  static ModelSource of(Optional<Path> dir) {
    return dir.map(ModelSource::directory).orElseGet(ModelSource::classpath);
  }

  /** Resources under {@code face-models/} of a class loader. */
  record Classpath(ClassLoader loader) implements ModelSource {
    @Override
    public Optional<byte[]> read(String name) throws IOException {
      try (InputStream in = loader.getResourceAsStream("face-models/" + name)) {
        return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
      }
    }

    @Override
    public boolean has(String name) {
      return loader.getResource("face-models/" + name) != null;
    }

    @Override
    public String describe() {
      return "classpath:face-models/";
    }
  }

  /** Files in a directory. */
  record Directory(Path dir) implements ModelSource {
    @Override
    public Optional<byte[]> read(String name) throws IOException {
      Path file = dir.resolve(name);
      return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    @Override
    public boolean has(String name) {
      return Files.isRegularFile(dir.resolve(name));
    }

    @Override
    public String describe() {
      return dir.toString();
    }
  }
}
